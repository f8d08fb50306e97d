import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, notifications, pendingSignUps, users } from "../../db/schema";
import { createCitizen } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { Identifier } from "~/domain/account";
import { hashSecretToken, validateSessionToken } from "~/utils/session.server";
import { verifyPassword } from "~/utils/password.server";
import { requestPasswordReset, RESET_REQUESTS_PER_IDENTIFIER, signIn } from "./auth.server";
import { confirmSignUp, isSignUpTokenUsable, signUp, SIGN_UP_LINK_TTL_MS, SIGN_UP_PER_IDENTIFIER, SIGN_UP_PER_IP } from "./sign-up.server";

let handle: DatabaseHandle;
const baseUrl = "https://guichet.example.tg";
const email = (value: string): Identifier => ({ kind: "email", value });
const phone = (value: string): Identifier => ({ kind: "phone", value });
const PASSWORD = "le baobab de kpalime";
let ipCounter = 0;
const freshIp = () => `198.18.0.${++ipCounter}`;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

const messagesTo = (recipient: string) => handle.db.select().from(notifications).where(eq(notifications.recipient, recipient)).orderBy(notifications.id);
const auditsFor = (action: string, targetId: string) =>
  handle.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId))).orderBy(auditLog.id);

function request(identifier: Identifier, options: { ip?: string; now?: Date; fullName?: string; password?: string } = {}) {
  return signUp(
    handle.db,
    { fullName: options.fullName ?? "Afi Mensah", identifier, password: options.password ?? PASSWORD, locale: "fr", baseUrl },
    { ip: options.ip ?? freshIp(), now: options.now },
  );
}

async function linkToken(recipient: string): Promise<string> {
  const [message] = await handle.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.recipient, recipient), eq(notifications.template, "sign_up_confirmation")))
    .orderBy(desc(notifications.id))
    .limit(1);
  const url = new URL(String(message!.payload.url));
  expect(url.origin + url.pathname).toBe(`${baseUrl}/inscription/confirmer`);
  return url.searchParams.get("token")!;
}

describe("sign-up answers the same whether the identifier has an account or not", () => {
  it("a new identifier: nothing is created until the link is opened; the link creates the account and signs in, once", async () => {
    expect(await request(email("nouvelle@example.tg"))).toEqual({ ok: true });
    expect(await handle.db.select().from(users).where(eq(users.email, "nouvelle@example.tg"))).toHaveLength(0);
    expect(await messagesTo("nouvelle@example.tg")).toMatchObject([{ channel: "email", template: "sign_up_confirmation", userId: null, payload: { name: "Afi Mensah" } }]);
    const token = await linkToken("nouvelle@example.tg");
    const [pending] = await handle.db.select().from(pendingSignUps).where(eq(pendingSignUps.identifier, "nouvelle@example.tg"));
    expect(pending?.id).toBe(hashSecretToken(token));
    expect(await isSignUpTokenUsable(handle.db, token)).toBe(true);

    const confirmed = await confirmSignUp(handle.db, token, { ip: freshIp() });
    if (!confirmed.ok) throw new Error(`confirmation failed: ${confirmed.reason}`);
    expect(confirmed.user).toMatchObject({ fullName: "Afi Mensah", email: "nouvelle@example.tg", roles: ["citizen"] });
    expect(confirmed.homePath).toBe("/mon-espace");
    expect((await validateSessionToken(handle.db, confirmed.token))?.user.id).toBe(confirmed.user.id);
    const [stored] = await handle.db.select().from(users).where(eq(users.id, confirmed.user.id));
    expect(await verifyPassword(stored!.passwordHash!, PASSWORD)).toBe(true);
    expect(await auditsFor("auth.signup", confirmed.user.id)).toHaveLength(1);

    expect(await confirmSignUp(handle.db, token)).toEqual({ ok: false, reason: "invalid_token" });
    expect(await isSignUpTokenUsable(handle.db, token)).toBe(false);
  });

  it("an existing identifier: the same answer, no account and no link; its owner is told by message, in his language", async () => {
    const { user, password } = await createCitizen(handle.db, { email: "deja@example.tg", locale: "en" });
    expect(await request(email("deja@example.tg"), { fullName: "Quelqu'un d'autre" })).toEqual({ ok: true });
    expect(await handle.db.select().from(pendingSignUps).where(eq(pendingSignUps.identifier, "deja@example.tg"))).toHaveLength(0);
    expect(await messagesTo("deja@example.tg")).toMatchObject([
      { userId: user.id, channel: "email", template: "sign_up_existing_account", locale: "en", payload: { url: `${baseUrl}/connexion`, resetUrl: `${baseUrl}/mot-de-passe-oublie` } },
    ]);
    // The account is untouched: the owner's password still works.
    expect((await signIn(handle.db, { identifier: email("deja@example.tg"), password }, { ip: freshIp() })).ok).toBe(true);
  });

  it("both branches do the same work: one message queued to the identifier, one audit row", async () => {
    await createCitizen(handle.db, { phone: "+22891000001", email: null });
    await request(phone("+22891000001"));
    await request(phone("+22891000002"));
    for (const number of ["+22891000001", "+22891000002"]) {
      expect(await messagesTo(number)).toMatchObject([{ channel: "sms", recipient: number }]);
      expect(await auditsFor("auth.signup_requested", number)).toHaveLength(1);
    }
  });

  it("the owner of a disabled account gets nothing; the answer is the same", async () => {
    await createCitizen(handle.db, { email: "ferme@example.tg", disabledAt: new Date() });
    expect(await request(email("ferme@example.tg"))).toEqual({ ok: true });
    expect(await messagesTo("ferme@example.tg")).toHaveLength(0);
  });

  it("a link expires after 24 hours", async () => {
    const t0 = new Date();
    await request(email("lent@example.tg"), { now: t0 });
    const token = await linkToken("lent@example.tg");
    expect(await confirmSignUp(handle.db, token, { now: new Date(t0.getTime() + SIGN_UP_LINK_TTL_MS) })).toEqual({ ok: false, reason: "invalid_token" });
    expect((await confirmSignUp(handle.db, token, { now: new Date(t0.getTime() + SIGN_UP_LINK_TTL_MS - 60_000) })).ok).toBe(true);
  });

  it("of two links for one identifier, the first opened wins and spends the other; two clicks at once make one account", async () => {
    await request(email("deux@example.tg"), { fullName: "Premier" });
    const first = await linkToken("deux@example.tg");
    await request(email("deux@example.tg"), { fullName: "Second" });
    const second = await linkToken("deux@example.tg");
    const both = await Promise.all([confirmSignUp(handle.db, second), confirmSignUp(handle.db, second)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await confirmSignUp(handle.db, first)).toEqual({ ok: false, reason: "invalid_token" });
    expect(await handle.db.select().from(users).where(eq(users.email, "deux@example.tg"))).toMatchObject([{ fullName: "Second" }]);
  });

  it("a link whose identifier got an account meanwhile is refused, and nothing changes", async () => {
    await request(email("entre-temps@example.tg"));
    const token = await linkToken("entre-temps@example.tg");
    await createCitizen(handle.db, { email: "entre-temps@example.tg" });
    expect(await confirmSignUp(handle.db, token)).toEqual({ ok: false, reason: "identifier_taken" });
    expect(await handle.db.select().from(users).where(eq(users.email, "entre-temps@example.tg"))).toHaveLength(1);
  });

  it("a rejected password does no work", async () => {
    expect(await request(email("faible@example.tg"), { password: "iloveyou" })).toEqual({ ok: false, reason: "password_rejected", error: "validation.password.common" });
    expect(await messagesTo("faible@example.tg")).toHaveLength(0);
  });
});

describe("sign-up limits", () => {
  it(`refuses an address after ${SIGN_UP_PER_IP.limit} sign-ups an hour, with Retry-After`, async () => {
    const ip = freshIp();
    const now = new Date();
    for (let i = 0; i < SIGN_UP_PER_IP.limit; i++) expect(await request(email(`cafe${i}@example.tg`), { ip, now })).toEqual({ ok: true });
    expect(await request(email("cafe-de-trop@example.tg"), { ip, now })).toEqual({ ok: false, reason: "rate_limited", retryAfterSeconds: 60 * 60 });
    expect(await messagesTo("cafe-de-trop@example.tg")).toHaveLength(0);
    expect(await request(email("cafe-de-trop@example.tg"), { ip: freshIp(), now })).toEqual({ ok: true });
  });

  it(`sends at most ${SIGN_UP_PER_IDENTIFIER.limit} messages an hour to one identifier, known or not, with the same answer`, async () => {
    await createCitizen(handle.db, { phone: "+22891000010", email: null });
    for (const number of ["+22891000010", "+22891000011"]) {
      for (let i = 0; i < SIGN_UP_PER_IDENTIFIER.limit + 2; i++) expect(await request(phone(number))).toEqual({ ok: true });
      expect(await messagesTo(number)).toHaveLength(SIGN_UP_PER_IDENTIFIER.limit);
      expect((await auditsFor("auth.signup_requested", number)).filter((a) => a.outcome === "refused")).toHaveLength(2);
    }
  });
});

describe("password reset limits", () => {
  it(`counts requests per identifier whether an account has it or not: at most ${RESET_REQUESTS_PER_IDENTIFIER.limit} messages, the same answer`, async () => {
    await createCitizen(handle.db, { email: "oublie@example.tg" });
    for (const address of ["oublie@example.tg", "inconnu@example.tg"]) {
      for (let i = 0; i < RESET_REQUESTS_PER_IDENTIFIER.limit + 2; i++) {
        expect(await requestPasswordReset(handle.db, { identifier: email(address), baseUrl }, { ip: freshIp() })).toEqual({ ok: true });
      }
      const refused = (await auditsFor("auth.password_reset_requested", address)).filter((a) => a.outcome === "refused");
      expect(refused).toHaveLength(2);
    }
    expect(await messagesTo("oublie@example.tg")).toHaveLength(RESET_REQUESTS_PER_IDENTIFIER.limit);
    expect(await messagesTo("inconnu@example.tg")).toHaveLength(0);
  });
});
