import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, notifications, passwordResetTokens, sessions, staffRoles, users } from "../../db/schema";
import { createCitizen } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { Identifier } from "~/domain/account";
import { hashSecretToken, validateSessionToken } from "~/utils/session.server";
import {
  isPasswordResetTokenUsable,
  requestPasswordReset,
  resetPassword,
  signIn,
  signOut,
  signOutOtherSessions,
  SIGN_IN_FAILURES_PER_ACCOUNT,
  SIGN_IN_FAILURES_PER_IP,
  SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT,
} from "./auth.server";
import { confirmSignUp, signUp as requestSignUp, type SignUpInput } from "./sign-up.server";

let handle: DatabaseHandle;
const email = (value: string): Identifier => ({ kind: "email", value });
const phone = (value: string): Identifier => ({ kind: "phone", value });
const PASSWORD = "le baobab de kpalime";
let ipCounter = 0;
/** A fresh client address per test, so per-IP limits do not leak between tests. */
const freshIp = () => `192.0.2.${++ipCounter}`;

beforeAll(async () => {
  handle = await createTestDatabase();
});

/** Both steps of a sign-up: the form, then the link of the message queued to the identifier. */
async function signUp(db: typeof handle.db, input: Omit<SignUpInput, "baseUrl">, meta: Parameters<typeof requestSignUp>[2] = {}) {
  const before = await db.select({ id: notifications.id }).from(notifications);
  const requested = await requestSignUp(db, { ...input, baseUrl: "https://guichet.example.tg" }, { ip: freshIp(), ...meta });
  if (!requested.ok) return requested;
  const [message] = await db.select().from(notifications).where(eq(notifications.recipient, input.identifier.value)).orderBy(desc(notifications.id)).limit(1);
  if (!message || before.some((n) => n.id === message.id) || message.template !== "sign_up_confirmation") return { ok: false as const, reason: "identifier_taken" as const };
  return confirmSignUp(db, new URL(String(message.payload.url)).searchParams.get("token")!, meta);
}
afterAll(() => handle?.close());

async function lastAudit(action: string) {
  const [row] = await handle.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

describe("sign up and sign in", () => {
  it("signs up with an e-mail, then signs in with the same identifier", async () => {
    const up = await signUp(handle.db, { fullName: "Ama Kouassi", identifier: email("ama@example.tg"), password: PASSWORD, locale: "fr" }, { ip: freshIp(), requestId: "req-1" });
    expect(up.ok).toBe(true);
    if (!up.ok) return;
    expect(up.user).toMatchObject({ fullName: "Ama Kouassi", email: "ama@example.tg", phone: null, roles: ["citizen"], officeRoles: [] });
    expect(up.homePath).toBe("/mon-espace");
    const [stored] = await handle.db.select().from(users).where(eq(users.id, up.user.id));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await lastAudit("auth.signup")).toMatchObject({ actorId: up.user.id, requestId: "req-1" });
    const sent = await handle.db.select().from(notifications).where(eq(notifications.recipient, "ama@example.tg"));
    expect(sent).toMatchObject([{ channel: "email", template: "sign_up_confirmation", payload: { name: "Ama Kouassi" } }]);

    const ip = freshIp();
    const inn = await signIn(handle.db, { identifier: email("ama@example.tg"), password: PASSWORD }, { ip, requestId: "req-2", userAgent: "Firefox" });
    expect(inn.ok).toBe(true);
    if (!inn.ok) return;
    expect(inn.token).not.toBe(up.token);
    expect(inn.session.userAgent).toBe("Firefox");
    expect((await validateSessionToken(handle.db, inn.token))?.user.id).toBe(up.user.id);
    expect(await lastAudit("auth.login")).toMatchObject({ outcome: "success", actorId: up.user.id, ip, requestId: "req-2" });
    const [after] = await handle.db.select().from(users).where(eq(users.id, up.user.id));
    expect(after?.lastLoginAt).not.toBeNull();
  });

  it("signs up with a phone number; the identifier cannot be used twice", async () => {
    const first = await signUp(handle.db, { fullName: "Kodjo Mensah", identifier: phone("+22890123456"), password: PASSWORD, locale: "fr" });
    expect(first.ok && first.user.phone).toBe("+22890123456");
    const again = await signUp(handle.db, { fullName: "Other", identifier: phone("+22890123456"), password: PASSWORD, locale: "fr" });
    expect(again).toEqual({ ok: false, reason: "identifier_taken" });
  });

  it("refuses a common password at sign-up (server-side list)", async () => {
    const result = await signUp(handle.db, { fullName: "Common", identifier: email("common@example.tg"), password: "iloveyou", locale: "fr" });
    expect(result).toEqual({ ok: false, reason: "password_rejected", error: "validation.password.common" });
  });

  it("refuses a wrong password or an unknown account with the same answer, audited", async () => {
    await signUp(handle.db, { fullName: "Edem Amegah", identifier: email("edem@example.tg"), password: PASSWORD, locale: "fr" });
    const ip = freshIp();
    const wrong = await signIn(handle.db, { identifier: email("edem@example.tg"), password: "pas le bon mot" }, { ip, requestId: "req-w" });
    expect(wrong).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await lastAudit("auth.login")).toMatchObject({ outcome: "failure", ip, requestId: "req-w", targetId: "edem@example.tg", details: { reason: "wrong_password" } });
    const unknown = await signIn(handle.db, { identifier: email("nobody@example.tg"), password: PASSWORD }, { ip });
    expect(unknown).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await lastAudit("auth.login")).toMatchObject({ outcome: "failure", actorId: null, details: { reason: "unknown_account" } });
  });

  it("refuses a disabled account", async () => {
    const up = await signUp(handle.db, { fullName: "Disabled", identifier: email("disabled@example.tg"), password: PASSWORD, locale: "fr" });
    if (!up.ok) throw new Error("sign-up failed");
    await handle.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, up.user.id));
    expect(await signIn(handle.db, { identifier: email("disabled@example.tg"), password: PASSWORD }, { ip: freshIp() })).toEqual({ ok: false, reason: "invalid_credentials" });
    expect(await lastAudit("auth.login")).toMatchObject({ outcome: "failure", details: { reason: "disabled" } });
  });

  it("rotates: signing in closes the session presented before and opens a new one", async () => {
    await signUp(handle.db, { fullName: "Rotate", identifier: email("rotate@example.tg"), password: PASSWORD, locale: "fr" });
    const a = await signIn(handle.db, { identifier: email("rotate@example.tg"), password: PASSWORD }, { ip: freshIp() });
    if (!a.ok) throw new Error("sign-in failed");
    const b = await signIn(handle.db, { identifier: email("rotate@example.tg"), password: PASSWORD, previousToken: a.token }, { ip: freshIp() });
    if (!b.ok) throw new Error("sign-in failed");
    expect(b.session.id).not.toBe(a.session.id);
    expect(await validateSessionToken(handle.db, a.token)).toBeNull();
    expect(await validateSessionToken(handle.db, b.token)).not.toBeNull();
  });

  it("derives roles and the landing page from staff roles", async () => {
    const up = await signUp(handle.db, { fullName: "Opérateur", identifier: email("noc@example.tg"), password: PASSWORD, locale: "fr" });
    if (!up.ok) throw new Error("sign-up failed");
    await handle.db.insert(staffRoles).values({ userId: up.user.id, role: "operator" });
    const inn = await signIn(handle.db, { identifier: email("noc@example.tg"), password: PASSWORD }, { ip: freshIp() });
    expect(inn.ok && inn.user.roles).toEqual(["operator"]);
    expect(inn.ok && inn.homePath).toBe("/reseau");
  });
});

describe("sign out", () => {
  it("sign-out revokes the session; sign-out-others keeps the current one", async () => {
    await signUp(handle.db, { fullName: "Sessions", identifier: email("sessions@example.tg"), password: PASSWORD, locale: "fr" });
    const login = async () => {
      const r = await signIn(handle.db, { identifier: email("sessions@example.tg"), password: PASSWORD }, { ip: freshIp() });
      if (!r.ok) throw new Error("sign-in failed");
      return r;
    };
    const a = await login();
    const b = await login();
    const c = await login();
    await signOut(handle.db, a.session);
    expect(await validateSessionToken(handle.db, a.token)).toBeNull();
    expect(await lastAudit("auth.logout")).toMatchObject({ actorId: a.user.id });
    expect(await signOutOtherSessions(handle.db, c.session)).toBeGreaterThanOrEqual(1);
    expect(await validateSessionToken(handle.db, b.token)).toBeNull();
    expect(await validateSessionToken(handle.db, c.token)).not.toBeNull();
    expect(await lastAudit("auth.logout_others")).toMatchObject({ actorId: c.user.id });
  });
});

describe("rate limits on sign-in", () => {
  const WRONG = "mauvais mot de passe";
  const signUpAs = async (address: string) => {
    const up = await signUp(handle.db, { fullName: "Limites", identifier: email(address), password: PASSWORD, locale: "fr" });
    if (!up.ok) throw new Error("sign-up failed");
    return up.user;
  };
  const attempt = (address: string, password: string, ip: string, now?: Date) => signIn(handle.db, { identifier: email(address), password }, { ip, now });
  const evaluated = (results: Awaited<ReturnType<typeof signIn>>[]) => results.filter((r) => r.ok || r.reason === "invalid_credentials").length;
  async function failuresAudited(address: string) {
    const rows = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, "auth.login"), eq(auditLog.targetId, address), eq(auditLog.outcome, "failure")));
    return rows.length;
  }

  it(`20 concurrent attempts from one address evaluate at most ${SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT.limit} passwords, and the right one last is refused`, async () => {
    await signUpAs("race@example.tg");
    const ip = freshIp();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt("race@example.tg", i === 19 ? PASSWORD : `${WRONG} ${i}`, ip)));
    expect(evaluated(results)).toBeLessThanOrEqual(SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT.limit);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited").length).toBeGreaterThanOrEqual(20 - SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT.limit);
    expect(await failuresAudited("race@example.tg")).toBeLessThanOrEqual(SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT.limit);
    expect(await attempt("race@example.tg", PASSWORD, ip)).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it(`20 concurrent attempts from 20 addresses evaluate at most ${SIGN_IN_FAILURES_PER_ACCOUNT.limit} passwords`, async () => {
    await signUpAs("race2@example.tg");
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => attempt("race2@example.tg", `${WRONG} ${i}`, freshIp())));
    expect(evaluated(results)).toBe(SIGN_IN_FAILURES_PER_ACCOUNT.limit);
    expect(await failuresAudited("race2@example.tg")).toBe(SIGN_IN_FAILURES_PER_ACCOUNT.limit);
    expect(await attempt("race2@example.tg", PASSWORD, freshIp())).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(await lastAudit("auth.login")).toMatchObject({ outcome: "refused", details: { reason: "rate_limited", scope: "account" } });
  });

  it(`refuses an identifier at one address after ${SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT.limit} failures there; the owner elsewhere still signs in`, async () => {
    await signUpAs("typo@example.tg");
    const ip = freshIp();
    const now = new Date();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT.limit; i++) {
      expect(await attempt("typo@example.tg", WRONG, ip, now)).toEqual({ ok: false, reason: "invalid_credentials" });
    }
    const blocked = await attempt("typo@example.tg", PASSWORD, ip, now);
    expect(blocked).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 15 * 60 });
    expect(await lastAudit("auth.login")).toMatchObject({ outcome: "refused", ip, details: { reason: "rate_limited", scope: "ip_account" } });
    expect((await attempt("typo@example.tg", PASSWORD, freshIp(), now)).ok).toBe(true);
    // After the window, the right password works again at the first address.
    expect((await attempt("typo@example.tg", PASSWORD, ip, new Date(now.getTime() + SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT.windowMs))).ok).toBe(true);
  });

  it(`locks an identifier after ${SIGN_IN_FAILURES_PER_ACCOUNT.limit} failures from anywhere, even with the right password`, async () => {
    await signUpAs("locked@example.tg");
    const now = new Date();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT.limit; i++) {
      expect(await attempt("locked@example.tg", WRONG, freshIp(), now)).toEqual({ ok: false, reason: "invalid_credentials" });
    }
    const blocked = await attempt("locked@example.tg", PASSWORD, freshIp(), now);
    expect(blocked).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 15 * 60 });
    expect(await lastAudit("auth.login")).toMatchObject({ outcome: "refused", details: { reason: "rate_limited", scope: "account" } });
    expect((await attempt("locked@example.tg", PASSWORD, freshIp(), new Date(now.getTime() + SIGN_IN_FAILURES_PER_ACCOUNT.windowMs))).ok).toBe(true);
  });

  it("an unknown identifier is locked the same way (a lockout tells nothing about the account)", async () => {
    const ip = freshIp();
    for (let i = 0; i < SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT.limit; i++) await attempt("ghost.lock@example.tg", WRONG, ip);
    expect(await attempt("ghost.lock@example.tg", WRONG, ip)).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("a success clears that address's failures for the account, not those made from elsewhere", async () => {
    await signUpAs("clears@example.tg");
    const mine = freshIp();
    const now = new Date();
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT.limit - 1; i++) await attempt("clears@example.tg", WRONG, mine, now);
      expect((await attempt("clears@example.tg", PASSWORD, mine, now)).ok).toBe(true);
    }
    // 8 failures stand against the identifier: two more from elsewhere lock it.
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ACCOUNT.limit - 2 * (SIGN_IN_FAILURES_PER_IP_AND_ACCOUNT.limit - 1); i++) {
      await attempt("clears@example.tg", WRONG, freshIp(), now);
    }
    expect(await attempt("clears@example.tg", PASSWORD, mine, now)).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("successful sign-ins never count against the address: the 21st citizen of a cybercafé signs in", async () => {
    const cafe = freshIp();
    const citizens = await Promise.all(Array.from({ length: 25 }, (_, i) => createCitizen(handle.db, { email: `cafe${i}@example.tg` })));
    for (const { user, password } of citizens) {
      expect((await attempt(user.email!, password, cafe)).ok).toBe(true);
    }
  });

  it(`refuses an address after ${SIGN_IN_FAILURES_PER_IP.limit} failures over any identifiers, successes not counted`, async () => {
    const ip = freshIp();
    const now = new Date();
    const { user, password } = await createCitizen(handle.db, { email: "spray.victim@example.tg" });
    for (let i = 0; i < SIGN_IN_FAILURES_PER_IP.limit; i++) {
      expect(await attempt(`spray${i}@example.tg`, WRONG, ip, now)).toEqual({ ok: false, reason: "invalid_credentials" });
      if (i % 25 === 0) expect((await attempt(user.email!, password, ip, now)).ok).toBe(true);
    }
    const blocked = await attempt(user.email!, password, ip, new Date(now.getTime() + 60_000));
    expect(blocked).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 14 * 60 });
    expect(await lastAudit("auth.login")).toMatchObject({ outcome: "refused", ip, details: { scope: "ip" } });
    // Another address is not affected.
    expect((await attempt(user.email!, password, freshIp(), now)).ok).toBe(true);
  });
});

describe("forgotten password", () => {
  const baseUrl = "https://guichet.example.tg";

  async function requestAndCapture(identifier: Identifier, now = new Date()) {
    await requestPasswordReset(handle.db, { identifier, baseUrl }, { ip: freshIp(), now });
    const [n] = await handle.db.select().from(notifications).where(and(eq(notifications.template, "password_reset"), eq(notifications.recipient, identifier.value))).orderBy(desc(notifications.id)).limit(1);
    const url = new URL(String(n?.payload.url));
    return { notification: n!, token: url.searchParams.get("token")!, url };
  }

  it("queues a single-use link in the outbox, stored hashed; the reset closes every session", async () => {
    await signUp(handle.db, { fullName: "Forgetful", identifier: phone("+22899000001"), password: PASSWORD, locale: "fr" });
    const s1 = await signIn(handle.db, { identifier: phone("+22899000001"), password: PASSWORD }, { ip: freshIp() });
    if (!s1.ok) throw new Error("sign-in failed");
    const { notification, token, url } = await requestAndCapture(phone("+22899000001"));
    expect(notification).toMatchObject({ channel: "sms", recipient: "+22899000001", status: "pending", locale: "fr", userId: s1.user.id });
    expect(url.origin + url.pathname).toBe("https://guichet.example.tg/mot-de-passe/nouveau");
    const [stored] = await handle.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, s1.user.id));
    expect(stored?.id).toBe(hashSecretToken(token));
    expect(stored!.expiresAt.getTime() - stored!.createdAt.getTime()).toBe(30 * 60_000);
    expect(await isPasswordResetTokenUsable(handle.db, token)).toBe(true);

    const reset = await resetPassword(handle.db, { token, password: "un tout nouveau secret" }, { ip: freshIp() });
    expect(reset).toEqual({ ok: true, userId: s1.user.id });
    expect(await validateSessionToken(handle.db, s1.token)).toBeNull();
    expect(await handle.db.select().from(sessions).where(eq(sessions.userId, s1.user.id))).toHaveLength(0);
    expect(await lastAudit("auth.password_reset")).toMatchObject({ actorId: s1.user.id });
    // Single use.
    expect(await resetPassword(handle.db, { token, password: "encore un autre secret" })).toEqual({ ok: false, reason: "invalid_token" });
    expect(await isPasswordResetTokenUsable(handle.db, token)).toBe(false);
    // The new password works, the old one no longer does.
    expect((await signIn(handle.db, { identifier: phone("+22899000001"), password: "un tout nouveau secret" }, { ip: freshIp() })).ok).toBe(true);
    expect((await signIn(handle.db, { identifier: phone("+22899000001"), password: PASSWORD }, { ip: freshIp() })).ok).toBe(false);
  });

  it("expires after 30 minutes", async () => {
    await signUp(handle.db, { fullName: "Slow Reader", identifier: email("slow@example.tg"), password: PASSWORD, locale: "en" });
    const t0 = new Date();
    const { notification, token } = await requestAndCapture(email("slow@example.tg"), t0);
    expect(notification).toMatchObject({ channel: "email", locale: "en" });
    const late = new Date(t0.getTime() + 30 * 60_000);
    expect(await isPasswordResetTokenUsable(handle.db, token, late)).toBe(false);
    expect(await resetPassword(handle.db, { token, password: "un tout nouveau secret" }, { now: late })).toEqual({ ok: false, reason: "invalid_token" });
    expect((await resetPassword(handle.db, { token, password: "un tout nouveau secret" }, { now: new Date(t0.getTime() + 29 * 60_000) })).ok).toBe(true);
  });

  it("a rejected new password does not spend the token", async () => {
    await signUp(handle.db, { fullName: "Picky", identifier: email("picky@example.tg"), password: PASSWORD, locale: "fr" });
    const { token } = await requestAndCapture(email("picky@example.tg"));
    expect(await resetPassword(handle.db, { token, password: "password1" })).toEqual({ ok: false, reason: "password_rejected", error: "validation.password.common" });
    expect(await resetPassword(handle.db, { token, password: "picky@example.tg" })).toEqual({ ok: false, reason: "password_rejected", error: "validation.password.personal" });
    expect(await isPasswordResetTokenUsable(handle.db, token)).toBe(true);
  });

  it("answers the same for an unknown account, and writes nothing to the outbox", async () => {
    const before = await handle.db.select().from(notifications);
    expect(await requestPasswordReset(handle.db, { identifier: email("ghost@example.tg"), baseUrl }, { ip: freshIp() })).toEqual({ ok: true });
    expect(await handle.db.select().from(notifications)).toHaveLength(before.length);
  });

  it("is written in the same transaction as the token (a failed outbox write leaves no token)", async () => {
    await signUp(handle.db, { fullName: "Atomic", identifier: email("atomic@example.tg"), password: PASSWORD, locale: "fr" });
    const [user] = await handle.db.select().from(users).where(eq(users.email, "atomic@example.tg"));
    // Make the outbox insert fail.
    await handle.db.execute(
      sql`alter table notification add constraint t_no_reset check (template <> 'password_reset') not valid`,
    );
    try {
      await expect(requestPasswordReset(handle.db, { identifier: email("atomic@example.tg"), baseUrl }, { ip: freshIp() })).rejects.toThrow();
      expect(await handle.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user!.id))).toHaveLength(0);
    } finally {
      await handle.db.execute(sql`alter table notification drop constraint t_no_reset`);
    }
  });
});
