import { and, eq, gt, isNull } from "drizzle-orm";
import { passwordResetTokens, users } from "../../db/schema";
import { passwordProblem, type Identifier } from "~/domain/account";
import type { PasswordTokenPurpose } from "~/domain/constants";
import type { SessionUser } from "~/domain/user";
import { audit } from "~/services/audit.server";
import { enqueueNotifications } from "~/services/outbox.server";
import { homePathFor, loadSessionUser } from "~/utils/auth.server";
import { isCommonPassword } from "~/utils/common-passwords.server";
import type { Database, Executor } from "~/utils/db.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { consume, refund, reserveAll, resetRateLimit, type RateLimitRule } from "~/utils/rate-limit.server";
import {
  createSession,
  generateSecretToken,
  hashSecretToken,
  invalidateSession,
  invalidateUserSessions,
  type Session,
} from "~/utils/session.server";

/**
 * Account use cases. Each writes in one transaction; argon2 runs before it (≈20 ms of CPU that
 * must not hold a connection — PGlite has only one). Rate-limit hits are committed on their own:
 * a refused attempt must still count.
 */

/** Who asks, for the audit log and the session list. `now` is injectable for tests. */
export interface RequestMeta {
  ip?: string | null;
  requestId?: string | null;
  userAgent?: string | null;
  now?: Date;
}

/**
 * Sign-in limits count failures only (decision 013): a cybercafé or a mobile operator's shared
 * address signs in any number of citizens. Per address and identifier: what a person mistyping
 * meets. Per identifier from every address: distributed guessing, above the first so that one
 * address alone cannot lock the owner out. Per address over every identifier: spraying.
 */
export const SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT: RateLimitRule = { limit: 5, windowMs: 15 * 60 * 1000 };
export const SIGN_IN_FAILURES_PER_ACCOUNT: RateLimitRule = { limit: 10, windowMs: 15 * 60 * 1000 };
export const SIGN_IN_FAILURES_PER_IP: RateLimitRule = { limit: 100, windowMs: 15 * 60 * 1000 };
export const RESET_REQUESTS_PER_IP: RateLimitRule = { limit: 10, windowMs: 15 * 60 * 1000 };
/** Per identifier typed, known or not. Silently not sent beyond this: nobody gets SMS-bombed through the form. */
export const RESET_REQUESTS_PER_IDENTIFIER: RateLimitRule = { limit: 3, windowMs: 15 * 60 * 1000 };
export const PASSWORD_RESET_TTL_MS = 30 * 60 * 1000;

export type RateLimited = { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export interface SignedIn {
  ok: true;
  user: SessionUser;
  token: string;
  session: Session;
  /** Where this user lands by default (their role's space). */
  homePath: string;
}

export function auditMeta(meta: RequestMeta) {
  return { ip: meta.ip ?? null, requestId: meta.requestId ?? null };
}

function identifierColumn(identifier: Identifier) {
  return identifier.kind === "email" ? eq(users.email, identifier.value) : eq(users.phone, identifier.value);
}

export async function findUserByIdentifier(db: Executor, identifier: Identifier) {
  const [user] = await db.select().from(users).where(identifierColumn(identifier)).limit(1);
  return user ?? null;
}

export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === "23505") return true;
  }
  return false;
}

// ——— Sign in ———

export interface SignInInput {
  identifier: Identifier;
  password: string;
  /** Token of a session the browser held before signing in: it is closed, never reused. */
  previousToken?: string | null;
}

let dummyHash: Promise<string> | undefined;
/** Verified against when the account is unknown, so both answers take the same time. */
function getDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(generateSecretToken());
  return dummyHash;
}

type SignInScope = "ip" | "ip_account" | "account";

/**
 * The counters a sign-in attempt reserves a hit on before its password is checked (decision 013).
 * They count failures: a success gives its hits back. Keyed by the identifier as typed, whether an
 * account has it or not, so that a locked identifier tells nothing about its existence.
 */
function signInReservations(identifier: Identifier, ip: string | null | undefined) {
  const address = ip || "unknown";
  return [
    { scope: "ip" as SignInScope, key: `signin:ip-failures:${address}`, rule: SIGN_IN_FAILURES_PER_IP },
    { scope: "ip_account" as SignInScope, key: `signin:ip-account:${address}:${identifier.value}`, rule: SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT },
    { scope: "account" as SignInScope, key: `signin:account:${identifier.value}`, rule: SIGN_IN_FAILURES_PER_ACCOUNT },
  ];
}

export async function signIn(
  db: Database,
  input: SignInInput,
  meta: RequestMeta = {},
): Promise<SignedIn | { ok: false; reason: "invalid_credentials" } | RateLimited> {
  const now = meta.now ?? new Date();
  const [perIp, perIpAndAccount, perAccount] = signInReservations(input.identifier, meta.ip);

  // Reserved before the password is checked, one atomic upsert each: of 20 concurrent attempts,
  // only as many as the limits allow go on to argon2 (issue 11 item 4).
  const gate = await reserveAll(db, [perIp!, perIpAndAccount!, perAccount!], now);
  if (!gate.allowed) {
    await audit(db, {
      action: "auth.login",
      outcome: "refused",
      actorId: null,
      targetType: "identifier",
      targetId: input.identifier.value,
      ...auditMeta(meta),
      details: { reason: "rate_limited", scope: gate.refusedBy.scope },
    });
    return { ok: false, reason: "rate_limited", retryAfterSeconds: gate.retryAfterSeconds };
  }

  const user = await findUserByIdentifier(db, input.identifier);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), input.password);

  if (!user || !passwordOk || user.disabledAt || !user.passwordHash) {
    // The reserved hits stay: they are this failure.
    const reason = !user ? "unknown_account" : !passwordOk || !user.passwordHash ? "wrong_password" : "disabled";
    await audit(db, {
      action: "auth.login",
      outcome: "failure",
      actorId: user?.id ?? null,
      targetType: "identifier",
      targetId: input.identifier.value,
      ...auditMeta(meta),
      details: { reason },
    });
    return { ok: false, reason: "invalid_credentials" };
  }

  return db.transaction(async (tx) => {
    if (input.previousToken) await invalidateSession(tx, hashSecretToken(input.previousToken));
    const { token, session } = await createSession(tx, user.id, meta, now);
    await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, user.id));
    // A success does not count anywhere. It clears the failures of this address for this account
    // (the person typing proved they know the password), not those made from elsewhere (decision 013).
    await refund(tx, perIp!.key, { now });
    await resetRateLimit(tx, perIpAndAccount!.key);
    await refund(tx, perAccount!.key, { now });
    await audit(tx, { action: "auth.login", actorId: user.id, targetType: "user", targetId: user.id, ...auditMeta(meta) });
    const sessionUser = await loadSessionUser(tx, user);
    return { ok: true as const, user: sessionUser, token, session, homePath: homePathFor(sessionUser) };
  });
}

// ——— Sign out ———

export async function signOut(db: Database, session: Pick<Session, "id" | "userId">, meta: RequestMeta = {}): Promise<void> {
  await db.transaction(async (tx) => {
    await invalidateSession(tx, session.id);
    await audit(tx, { action: "auth.logout", actorId: session.userId, targetType: "user", targetId: session.userId, ...auditMeta(meta) });
  });
}

/** Close every session of the user except the current one. Returns how many were closed. */
export async function signOutOtherSessions(
  db: Database,
  session: Pick<Session, "id" | "userId">,
  meta: RequestMeta = {},
): Promise<number> {
  return db.transaction(async (tx) => {
    const closed = await invalidateUserSessions(tx, session.userId, { exceptSessionId: session.id });
    await audit(tx, {
      action: "auth.logout_others",
      actorId: session.userId,
      targetType: "user",
      targetId: session.userId,
      ...auditMeta(meta),
      details: { closed },
    });
    return closed;
  });
}

// ——— Forgotten password ———

export interface PasswordResetRequest {
  identifier: Identifier;
  /** Origin of absolute links, e.g. "https://guichet.gouv.tg" (APP_URL: app/utils/public-url.server.ts). */
  baseUrl: string;
}

export function passwordResetUrl(baseUrl: string, token: string): string {
  return new URL(`/mot-de-passe/nouveau?${new URLSearchParams({ token })}`, baseUrl).toString();
}

/**
 * Queue a reset link for the account, if there is one. The caller answers the same either way
 * (only a per-IP limit is visible, and it says nothing about the account).
 */
export async function requestPasswordReset(
  db: Database,
  input: PasswordResetRequest,
  meta: RequestMeta = {},
): Promise<{ ok: true } | RateLimited> {
  const now = meta.now ?? new Date();
  const perIp = await consume(db, `reset:ip:${meta.ip || "unknown"}`, { ...RESET_REQUESTS_PER_IP, now });
  if (!perIp.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: perIp.retryAfterSeconds };

  // Counted per identifier, known or not, and in the same order of work either way: the answer
  // and its timing say nothing about the account (issue 11 item 9).
  const perIdentifier = await consume(db, `reset:identifier:${input.identifier.value}`, { ...RESET_REQUESTS_PER_IDENTIFIER, now });
  const user = await findUserByIdentifier(db, input.identifier);
  const token = generateSecretToken();
  const tokenId = hashSecretToken(token);
  const entry = { action: "auth.password_reset_requested", targetType: "identifier", targetId: input.identifier.value, ...auditMeta(meta) } as const;

  await db.transaction(async (tx) => {
    if (!perIdentifier.allowed) {
      await audit(tx, { ...entry, actorId: user?.id ?? null, outcome: "refused", details: { reason: "rate_limited" } });
      return;
    }
    if (!user || user.disabledAt) {
      await audit(tx, { ...entry, actorId: user?.id ?? null, outcome: "failure", details: { reason: user ? "disabled" : "unknown_account" } });
      return;
    }
    await tx.insert(passwordResetTokens).values({
      id: tokenId,
      userId: user.id,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MS),
      createdAt: now,
    });
    // Sent where the person said they are: the identifier typed in the form.
    await enqueueNotifications(tx, [
      {
        userId: user.id,
        channel: input.identifier.kind === "email" ? "email" : "sms",
        recipient: input.identifier.value,
        template: "password_reset",
        locale: user.locale,
        payload: { url: passwordResetUrl(input.baseUrl, token) },
      },
    ]);
    await audit(tx, { ...entry, actorId: user.id, targetType: "user", targetId: user.id });
  });
  return { ok: true };
}

function usableToken(token: string, now: Date) {
  return and(
    eq(passwordResetTokens.id, hashSecretToken(token)),
    isNull(passwordResetTokens.usedAt),
    gt(passwordResetTokens.expiresAt, now),
  );
}

/** Whether a reset link can still be used (the page says so before the user types anything). */
export async function isPasswordResetTokenUsable(db: Executor, token: string, now: Date = new Date()): Promise<boolean> {
  const [row] = await db.select({ id: passwordResetTokens.id }).from(passwordResetTokens).where(usableToken(token, now)).limit(1);
  return Boolean(row);
}

/**
 * What a token was issued for ("reset" or "invitation"), used or not, expired or not: the page
 * words an expired invitation differently. Null for an unknown token.
 */
export async function passwordTokenPurpose(db: Executor, token: string): Promise<PasswordTokenPurpose | null> {
  const [row] = await db
    .select({ purpose: passwordResetTokens.purpose })
    .from(passwordResetTokens)
    .where(eq(passwordResetTokens.id, hashSecretToken(token)))
    .limit(1);
  return row?.purpose ?? null;
}

/**
 * Set a new password with a reset token: single use (the token is consumed atomically), every
 * session of the user is closed, and every other outstanding token of the user is spent.
 */
export async function resetPassword(
  db: Database,
  input: { token: string; password: string },
  meta: RequestMeta = {},
): Promise<{ ok: true; userId: string } | { ok: false; reason: "invalid_token" } | { ok: false; reason: "password_rejected"; error: string }> {
  const now = meta.now ?? new Date();
  const [owner] = await db
    .select({ user: users })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(usableToken(input.token, now))
    .limit(1);
  if (!owner || owner.user.disabledAt) return { ok: false, reason: "invalid_token" };
  const user = owner.user;
  const problem = passwordProblem(input.password, {
    isCommonPassword,
    identifiers: [user.email, user.phone],
    fullName: user.fullName,
  });
  if (problem) return { ok: false, reason: "password_rejected", error: problem };
  const passwordHash = await hashPassword(input.password);

  return db.transaction(async (tx) => {
    // The update is the single-use check: of two concurrent uses, only one finds the row unused.
    const spent = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(usableToken(input.token, now))
      .returning({ userId: passwordResetTokens.userId });
    if (spent.length === 0) return { ok: false as const, reason: "invalid_token" as const };
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, user.id));
    const closed = await invalidateUserSessions(tx, user.id);
    await audit(tx, {
      action: "auth.password_reset",
      actorId: user.id,
      targetType: "user",
      targetId: user.id,
      ...auditMeta(meta),
      details: { sessionsClosed: closed },
    });
    return { ok: true as const, userId: user.id };
  });
}
