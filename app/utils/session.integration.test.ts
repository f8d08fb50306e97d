import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { sessions, users } from "../../db/schema";
import { createTestDatabase } from "../../db/testing";
import {
  createSession,
  hashSecretToken,
  invalidateSession,
  invalidateUserSessions,
  listActiveSessions,
  purgeExpiredSessions,
  readSessionToken,
  serializeBlankSessionCookie,
  serializeSessionCookie,
  sessionCookieName,
  SESSION_ABSOLUTE_MS,
  SESSION_IDLE_MS,
  validateSessionToken,
} from "./session.server";

let handle: DatabaseHandle;
let userId: string;
const MINUTE = 60_000;
const t0 = new Date("2026-03-02T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

beforeAll(async () => {
  handle = await createTestDatabase();
  const [user] = await handle.db.insert(users).values({ fullName: "Yawa Kpodar", email: "yawa@example.tg" }).returning();
  userId = user!.id;
});
afterAll(() => handle?.close());

describe("sessions (Lucia design)", () => {
  it("stores only the SHA-256 of a 160-bit token", async () => {
    const { token, session } = await createSession(handle.db, userId, { ip: "10.0.0.1", userAgent: "Mozilla/5.0" }, t0);
    expect(token).toMatch(/^[a-z2-7]{32}$/);
    expect(session.id).toBe(hashSecretToken(token));
    expect(session.id).toMatch(/^[0-9a-f]{64}$/);
    const rows = await handle.db.select().from(sessions).where(eq(sessions.userId, userId));
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(session.expiresAt).toEqual(at(SESSION_IDLE_MS));
    expect(session.absoluteExpiresAt).toEqual(at(SESSION_ABSOLUTE_MS));
  });

  it("two sessions never share a token", async () => {
    const a = await createSession(handle.db, userId, {}, t0);
    const b = await createSession(handle.db, userId, {}, t0);
    expect(a.token).not.toBe(b.token);
  });

  it("validates a fresh token and refuses unknown or malformed ones", async () => {
    const { token } = await createSession(handle.db, userId, {}, t0);
    const found = await validateSessionToken(handle.db, token, at(MINUTE));
    expect(found?.user.id).toBe(userId);
    expect(await validateSessionToken(handle.db, "a".repeat(32), at(MINUTE))).toBeNull();
    expect(await validateSessionToken(handle.db, "not a token!", at(MINUTE))).toBeNull();
  });

  it("expires after 30 minutes without activity, and deletes the row", async () => {
    const active = await createSession(handle.db, userId, {}, t0);
    expect(await validateSessionToken(handle.db, active.token, at(SESSION_IDLE_MS - 1))).not.toBeNull();
    const idle = await createSession(handle.db, userId, {}, t0);
    expect(await validateSessionToken(handle.db, idle.token, at(SESSION_IDLE_MS))).toBeNull();
    expect(await handle.db.select().from(sessions).where(eq(sessions.id, idle.session.id))).toHaveLength(0);
  });

  it("slides: renewed only once more than half the idle period is used", async () => {
    const { token, session } = await createSession(handle.db, userId, {}, t0);
    // 10 minutes in: less than half used, nothing written.
    const early = await validateSessionToken(handle.db, token, at(10 * MINUTE));
    expect(early?.session.expiresAt).toEqual(session.expiresAt);
    // 20 minutes in: renewed to now + 30 min.
    const late = await validateSessionToken(handle.db, token, at(20 * MINUTE));
    expect(late?.session.expiresAt).toEqual(at(50 * MINUTE));
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row?.expiresAt).toEqual(at(50 * MINUTE));
    expect(row?.lastSeenAt).toEqual(at(20 * MINUTE));
    // Still valid at 45 min thanks to the renewal (would have expired at 30).
    expect(await validateSessionToken(handle.db, token, at(45 * MINUTE))).not.toBeNull();
  });

  it("ends after 12 hours even when always active", async () => {
    const { token } = await createSession(handle.db, userId, {}, t0);
    for (let m = 20; m < 12 * 60; m += 20) {
      expect(await validateSessionToken(handle.db, token, at(m * MINUTE)), `at ${m} min`).not.toBeNull();
    }
    // Renewals never extend past the absolute limit.
    const last = await validateSessionToken(handle.db, token, at(SESSION_ABSOLUTE_MS - 5 * MINUTE));
    expect(last?.session.expiresAt.getTime()).toBeLessThanOrEqual(at(SESSION_ABSOLUTE_MS).getTime());
    expect(await validateSessionToken(handle.db, token, at(SESSION_ABSOLUTE_MS))).toBeNull();
  });

  it("refuses the sessions of a disabled account", async () => {
    const [other] = await handle.db.insert(users).values({ fullName: "Disabled", email: "off@example.tg" }).returning();
    const { token } = await createSession(handle.db, other!.id, {}, t0);
    await handle.db.update(users).set({ disabledAt: t0 }).where(eq(users.id, other!.id));
    expect(await validateSessionToken(handle.db, token, at(MINUTE))).toBeNull();
  });

  it("invalidates one session, or all but the current one", async () => {
    const [u] = await handle.db.insert(users).values({ fullName: "Many Sessions", email: "many@example.tg" }).returning();
    const a = await createSession(handle.db, u!.id, {}, t0);
    const b = await createSession(handle.db, u!.id, {}, t0);
    const c = await createSession(handle.db, u!.id, {}, t0);
    await invalidateSession(handle.db, a.session.id);
    expect(await validateSessionToken(handle.db, a.token, at(MINUTE))).toBeNull();
    expect(await invalidateUserSessions(handle.db, u!.id, { exceptSessionId: c.session.id })).toBe(1);
    expect(await validateSessionToken(handle.db, b.token, at(MINUTE))).toBeNull();
    expect(await validateSessionToken(handle.db, c.token, at(MINUTE))).not.toBeNull();
    expect((await listActiveSessions(handle.db, u!.id, at(MINUTE))).map((s) => s.id)).toEqual([c.session.id]);
  });

  it("purges expired sessions", async () => {
    const [u] = await handle.db.insert(users).values({ fullName: "Purge", email: "purge@example.tg" }).returning();
    await createSession(handle.db, u!.id, {}, t0);
    expect(await purgeExpiredSessions(handle.db, at(SESSION_ABSOLUTE_MS + MINUTE))).toBeGreaterThanOrEqual(1);
    expect(await listActiveSessions(handle.db, u!.id, t0)).toHaveLength(0);
  });
});

describe("session cookie", () => {
  const env = { ...process.env };
  afterAll(() => {
    process.env.NODE_ENV = env.NODE_ENV;
    if (env.COOKIE_SECURE === undefined) delete process.env.COOKIE_SECURE;
    else process.env.COOKIE_SECURE = env.COOKIE_SECURE;
  });

  it("is HttpOnly, SameSite=Lax, Path=/ and a plain name in development", () => {
    process.env.NODE_ENV = "development";
    expect(serializeSessionCookie("abc")).toBe("guichet_session=abc; Path=/; HttpOnly; SameSite=Lax");
    expect(serializeBlankSessionCookie()).toContain("Max-Age=0");
  });

  it("is Secure with the __Host- prefix in production, unless COOKIE_SECURE=false", () => {
    process.env.NODE_ENV = "production";
    delete process.env.COOKIE_SECURE;
    expect(sessionCookieName()).toBe("__Host-guichet_session");
    expect(serializeSessionCookie("abc")).toBe("__Host-guichet_session=abc; Path=/; HttpOnly; SameSite=Lax; Secure");
    const request = new Request("https://guichet.example/", { headers: { Cookie: "lng=fr; __Host-guichet_session=tok; guichet_session=old" } });
    expect(readSessionToken(request)).toBe("tok");
    process.env.COOKIE_SECURE = "false";
    expect(serializeSessionCookie("abc")).toBe("guichet_session=abc; Path=/; HttpOnly; SameSite=Lax");
    expect(readSessionToken(request)).toBe("old");
  });
});
