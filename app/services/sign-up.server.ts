import { and, eq, gt, lte } from "drizzle-orm";
import { pendingSignUps, users } from "../../db/schema";
import { passwordProblem, type Identifier } from "~/domain/account";
import type { Locale } from "~/domain/constants";
import { audit } from "~/services/audit.server";
import { auditMeta, findUserByIdentifier, isUniqueViolation, type RateLimited, type RequestMeta, type SignedIn } from "~/services/auth.server";
import { enqueueNotifications } from "~/services/outbox.server";
import { homePathFor, loadSessionUser } from "~/utils/auth.server";
import { isCommonPassword } from "~/utils/common-passwords.server";
import type { Database, Executor } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";
import { consume, type RateLimitRule } from "~/utils/rate-limit.server";
import { createSession, generateSecretToken, hashSecretToken } from "~/utils/session.server";

/**
 * Sign-up in two steps (decision 013): the form queues a message to the identifier typed, and the
 * account is created when its owner opens the link. The form's answer is the same whether the
 * identifier already has an account or not — its owner is told by message instead — and so is the
 * work done (one argon2 hash, one message queued, one audit row).
 */

const HOUR_MS = 60 * 60 * 1000;
/** Generous: many citizens sign up from one cybercafé or one mobile operator's address. */
export const SIGN_UP_PER_IP: RateLimitRule = { limit: 30, windowMs: HOUR_MS };
/** Silently not sent beyond this: nobody's phone gets flooded (or the operator billed) through the form. */
export const SIGN_UP_PER_IDENTIFIER: RateLimitRule = { limit: 3, windowMs: HOUR_MS };
export const SIGN_UP_LINK_TTL_MS = 24 * HOUR_MS;

export interface SignUpInput {
  fullName: string;
  identifier: Identifier;
  password: string;
  locale: Locale;
  /** Origin of the links in the message (`appBaseUrl`). */
  baseUrl: string;
}

export type SignUpRequested = { ok: true } | RateLimited | { ok: false; reason: "password_rejected"; error: string };

export function signUpConfirmationUrl(baseUrl: string, token: string): string {
  return new URL(`/inscription/confirmer?${new URLSearchParams({ token })}`, baseUrl).toString();
}

export async function signUp(db: Database, input: SignUpInput, meta: RequestMeta = {}): Promise<SignUpRequested> {
  const problem = passwordProblem(input.password, { isCommonPassword, identifiers: [input.identifier], fullName: input.fullName });
  if (problem) return { ok: false, reason: "password_rejected", error: problem };
  const now = meta.now ?? new Date();
  // Before anything that depends on the identifier: a refusal here says nothing about it.
  const perIp = await consume(db, `signup:ip:${meta.ip || "unknown"}`, { ...SIGN_UP_PER_IP, now });
  if (!perIp.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: perIp.retryAfterSeconds };

  // Hashed in both branches, so that both take the same time.
  const passwordHash = await hashPassword(input.password);
  const perIdentifier = await consume(db, `signup:identifier:${input.identifier.value}`, { ...SIGN_UP_PER_IDENTIFIER, now });
  const owner = await findUserByIdentifier(db, input.identifier);
  const token = generateSecretToken();
  const channel = input.identifier.kind === "email" ? "email" : "sms";
  const entry = { action: "auth.signup_requested", targetType: "identifier", targetId: input.identifier.value, ...auditMeta(meta) } as const;

  await db.transaction(async (tx) => {
    if (!perIdentifier.allowed) {
      await audit(tx, { ...entry, outcome: "refused", details: { reason: "rate_limited" } });
      return;
    }
    if (owner) {
      // Nothing to the owner of a disabled account; the same answer on the page.
      if (!owner.disabledAt) {
        await enqueueNotifications(tx, [
          {
            userId: owner.id,
            channel,
            recipient: input.identifier.value,
            template: "sign_up_existing_account",
            locale: owner.locale,
            payload: { url: new URL("/connexion", input.baseUrl).toString(), resetUrl: new URL("/mot-de-passe-oublie", input.baseUrl).toString() },
          },
        ]);
      }
      await audit(tx, { ...entry, actorId: owner.id, outcome: "failure", details: { reason: owner.disabledAt ? "disabled" : "identifier_taken" } });
      return;
    }
    await tx.insert(pendingSignUps).values({
      id: hashSecretToken(token),
      identifierKind: input.identifier.kind,
      identifier: input.identifier.value,
      fullName: input.fullName,
      passwordHash,
      locale: input.locale,
      expiresAt: new Date(now.getTime() + SIGN_UP_LINK_TTL_MS),
      createdAt: now,
    });
    await enqueueNotifications(tx, [
      {
        channel,
        recipient: input.identifier.value,
        template: "sign_up_confirmation",
        locale: input.locale,
        payload: { name: input.fullName, url: signUpConfirmationUrl(input.baseUrl, token) },
      },
    ]);
    await audit(tx, entry);
  });
  if (Math.random() < 0.01) await purgeExpiredSignUps(db, now);
  return { ok: true };
}

function usableSignUp(token: string, now: Date) {
  return and(eq(pendingSignUps.id, hashSecretToken(token)), gt(pendingSignUps.expiresAt, now));
}

/** Whether a confirmation link can still be used (the page says so before anything is posted). */
export async function isSignUpTokenUsable(db: Executor, token: string, now: Date = new Date()): Promise<boolean> {
  const [row] = await db.select({ id: pendingSignUps.id }).from(pendingSignUps).where(usableSignUp(token, now)).limit(1);
  return Boolean(row);
}

/**
 * Create the account of a pending sign-up and open its first session. Single use: the row is
 * deleted by the statement that reads it, with every other pending sign-up for the identifier.
 */
export async function confirmSignUp(
  db: Database,
  token: string,
  meta: RequestMeta = {},
): Promise<SignedIn | { ok: false; reason: "invalid_token" } | { ok: false; reason: "identifier_taken" }> {
  const now = meta.now ?? new Date();
  try {
    return await db.transaction(async (tx) => {
      const [pending] = await tx.delete(pendingSignUps).where(usableSignUp(token, now)).returning();
      if (!pending) return { ok: false as const, reason: "invalid_token" as const };
      await tx.delete(pendingSignUps).where(eq(pendingSignUps.identifier, pending.identifier));
      const byEmail = pending.identifierKind === "email";
      const [user] = await tx
        .insert(users)
        .values({
          fullName: pending.fullName,
          email: byEmail ? pending.identifier : null,
          phone: byEmail ? null : pending.identifier,
          notifyByEmail: byEmail,
          notifyBySms: !byEmail,
          passwordHash: pending.passwordHash,
          locale: pending.locale,
          lastLoginAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      const { token: sessionToken, session } = await createSession(tx, user!.id, meta, now);
      await audit(tx, { action: "auth.signup", actorId: user!.id, targetType: "user", targetId: user!.id, ...auditMeta(meta) });
      const sessionUser = await loadSessionUser(tx, user!);
      return { ok: true as const, user: sessionUser, token: sessionToken, session, homePath: homePathFor(sessionUser) };
    });
  } catch (error) {
    // The identifier got an account meanwhile (another link of the same sign-up, an invitation).
    if (isUniqueViolation(error)) return { ok: false, reason: "identifier_taken" };
    throw error;
  }
}

export async function purgeExpiredSignUps(db: Executor, now: Date = new Date()): Promise<number> {
  const deleted = await db.delete(pendingSignUps).where(lte(pendingSignUps.expiresAt, now)).returning({ id: pendingSignUps.id });
  return deleted.length;
}

