import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordResetTokens, rateLimits, sessions } from "../../db/schema";
import { createCitizen } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { DatabaseHandle } from "../../db/client";
import { consume } from "~/utils/rate-limit.server";
import { createSession } from "~/utils/session.server";
import { runHousekeeping } from "./housekeeping.server";

describe("housekeeping", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("deletes expired sessions, finished rate-limit windows and spent reset tokens, and keeps the live ones", async () => {
    const { db } = handle;
    const { user } = await createCitizen(db);
    const t0 = new Date("2026-11-22T08:00:00Z");
    const later = new Date(t0.getTime() + 60 * 60 * 1000); // one hour later: past the 30-minute idle limit

    await createSession(db, user.id, {}, t0); // idle-expired by `later`
    const live = await createSession(db, user.id, {}, new Date(later.getTime() - 60_000));
    await consume(db, "signin:ip:10.0.0.1", { limit: 5, windowMs: 15 * 60_000, now: t0, purgeProbability: 0 });
    await consume(db, "signin:ip:10.0.0.2", { limit: 5, windowMs: 15 * 60_000, now: later, purgeProbability: 0 });
    await db.insert(passwordResetTokens).values([
      { id: "expired", userId: user.id, expiresAt: t0 },
      { id: "used", userId: user.id, expiresAt: new Date(later.getTime() + 60_000), usedAt: later },
      { id: "valid", userId: user.id, expiresAt: new Date(later.getTime() + 60_000) },
    ]);

    expect(await runHousekeeping(db, later)).toEqual({ sessions: 1, rateLimits: 1, passwordResetTokens: 2, expiredDrafts: 0, attachmentFiles: 0, unconfirmedSubscriptions: 0 });
    expect((await db.select({ id: sessions.id }).from(sessions)).map((s) => s.id)).toEqual([live.session.id]);
    expect((await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key)).toEqual(["signin:ip:10.0.0.2"]);
    expect((await db.select({ id: passwordResetTokens.id }).from(passwordResetTokens)).map((r) => r.id)).toEqual(["valid"]);

    expect(await runHousekeeping(db, later)).toEqual({ sessions: 0, rateLimits: 0, passwordResetTokens: 0, expiredDrafts: 0, attachmentFiles: 0, unconfirmedSubscriptions: 0 });
  });
});
