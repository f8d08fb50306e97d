import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passwordResetTokens, rateLimits, sessions } from "../../db/schema";
import { createCitizen } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { DatabaseHandle } from "../../db/client";
import { consume } from "~/utils/rate-limit.server";
import { createSession } from "~/utils/session.server";
import { runHousekeeping } from "./housekeeping.server";
import { LocalFileStorage } from "./storage";

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

    expect(await runHousekeeping(db, later)).toEqual({ sessions: 1, rateLimits: 1, passwordResetTokens: 2, expiredDrafts: 0, attachmentFiles: 0, unconfirmedSubscriptions: 0, temporaryFiles: 0 });
    expect((await db.select({ id: sessions.id }).from(sessions)).map((s) => s.id)).toEqual([live.session.id]);
    expect((await db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key)).toEqual(["signin:ip:10.0.0.2"]);
    expect((await db.select({ id: passwordResetTokens.id }).from(passwordResetTokens)).map((r) => r.id)).toEqual(["valid"]);

    expect(await runHousekeeping(db, later)).toEqual({ sessions: 0, rateLimits: 0, passwordResetTokens: 0, expiredDrafts: 0, attachmentFiles: 0, unconfirmedSubscriptions: 0, temporaryFiles: 0 });
  });

  it("removes the temporary files of uploads that never finished (a crash mid-write) once they are an hour old, and nothing else", async () => {
    const dir = await mkdtemp(join(tmpdir(), "guichet-housekeeping-"));
    const storage = new LocalFileStorage(dir);
    const now = new Date();
    const ago = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
    await mkdir(join(dir, "ab"), { recursive: true });
    const files: [string, Date][] = [
      ["ab/.tmp-0123456789abcdef", ago(61)], // left by a crash: removed
      ["ab/.tmp-fedcba9876543210", ago(5)], // being written now: kept
      ["ab/ab0123456789abcdef0123456789abcd", ago(600)], // a stored file, however old: kept
      [".tmp-00112233445566778", ago(120)], // at the root too: removed
    ];
    for (const [name, mtime] of files) {
      await writeFile(join(dir, name), "x");
      await utimes(join(dir, name), mtime, mtime);
    }
    expect(await runHousekeeping(handle.db, now, storage)).toMatchObject({ temporaryFiles: 2 });
    expect((await readdir(dir, { recursive: true })).sort()).toEqual(["ab", "ab/.tmp-fedcba9876543210", "ab/ab0123456789abcdef0123456789abcd"]);
    expect(await runHousekeeping(handle.db, now, storage)).toMatchObject({ temporaryFiles: 0 });
    // A storage directory not created yet is nothing to clean.
    expect(await runHousekeeping(handle.db, now, new LocalFileStorage(join(dir, "absent")))).toMatchObject({ temporaryFiles: 0 });
    await rm(dir, { recursive: true, force: true });
  });
});
