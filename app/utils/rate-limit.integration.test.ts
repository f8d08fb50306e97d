import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { rateLimits } from "../../db/schema";
import { createTestDatabase } from "../../db/testing";
import { consume, peek, purgeExpiredRateLimits, refund, reserveAll, resetRateLimit } from "./rate-limit.server";

let handle: DatabaseHandle;
const t0 = new Date("2026-03-02T08:00:00Z");
const rule = { limit: 3, windowMs: 60_000, purgeProbability: 0 };

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(() => handle?.close());

describe("fixed-window rate limit", () => {
  it("allows `limit` hits per window, then refuses with Retry-After", async () => {
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consume(handle.db, "k:basic", { ...rule, now: new Date(t0.getTime() + i * 1000) }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0, 0]);
    expect(results[3]!.retryAfterSeconds).toBe(57);
    expect(results[0]!.retryAfterSeconds).toBe(0);
  });

  it("starts again once the window has passed", async () => {
    for (let i = 0; i < 4; i++) await consume(handle.db, "k:reset", { ...rule, now: t0 });
    const after = await consume(handle.db, "k:reset", { ...rule, now: new Date(t0.getTime() + 60_000) });
    expect(after).toMatchObject({ allowed: true, remaining: 2 });
    expect(after.resetAt).toEqual(new Date(t0.getTime() + 120_000));
  });

  it("peek does not count; reset forgets", async () => {
    expect((await peek(handle.db, "k:peek", { ...rule, now: t0 })).allowed).toBe(true);
    for (let i = 0; i < 3; i++) await consume(handle.db, "k:peek", { ...rule, now: t0 });
    expect(await peek(handle.db, "k:peek", { ...rule, now: t0 })).toMatchObject({ allowed: false, remaining: 0, retryAfterSeconds: 60 });
    expect((await peek(handle.db, "k:peek", { ...rule, now: new Date(t0.getTime() + 60_000) })).allowed).toBe(true);
    await resetRateLimit(handle.db, "k:peek");
    expect((await peek(handle.db, "k:peek", { ...rule, now: t0 })).allowed).toBe(true);
  });

  it("counts concurrent hits exactly", async () => {
    const limit = 25;
    const hits = await Promise.all(
      Array.from({ length: 40 }, () => consume(handle.db, "k:concurrent", { limit, windowMs: 60_000, now: t0, purgeProbability: 0 })),
    );
    expect(hits.filter((h) => h.allowed)).toHaveLength(limit);
    const remaining = hits.map((h) => h.remaining).sort((a, b) => a - b);
    expect(remaining.filter((r) => r > 0)).toEqual(Array.from({ length: limit - 1 }, (_, i) => i + 1));
    const [row] = await handle.db.select().from(rateLimits).where(eq(rateLimits.key, "k:concurrent"));
    expect(row?.count).toBe(40);
  });

  it("purges expired counters", async () => {
    await consume(handle.db, "k:old", { ...rule, now: new Date(t0.getTime() - 10 * 60_000) });
    await consume(handle.db, "k:fresh", { ...rule, now: t0 });
    expect(await purgeExpiredRateLimits(handle.db, t0)).toBeGreaterThanOrEqual(1);
    const keys = (await handle.db.select({ key: rateLimits.key }).from(rateLimits)).map((r) => r.key);
    expect(keys).not.toContain("k:old");
    expect(keys).toContain("k:fresh");
  });
});

describe("reserve before the work, refund when it does not count", () => {
  it("of 20 concurrent reservations on one key, exactly `limit` are allowed", async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => reserveAll(handle.db, [{ key: "k:race", rule }], t0)));
    expect(results.filter((r) => r.allowed)).toHaveLength(rule.limit);
  });

  it("a refusal gives back every hit of the attempt; a refund never goes below zero", async () => {
    const a = { key: "k:a", rule: { limit: 10, windowMs: 60_000 } };
    const b = { key: "k:b", rule: { limit: 1, windowMs: 60_000 } };
    expect(await reserveAll(handle.db, [a, b], t0)).toEqual({ allowed: true });
    expect(await reserveAll(handle.db, [a, b], t0)).toEqual({ allowed: false, refusedBy: b, retryAfterSeconds: 60 });
    const count = async (key: string) => (await handle.db.select().from(rateLimits).where(eq(rateLimits.key, key)))[0]?.count;
    expect([await count("k:a"), await count("k:b")]).toEqual([1, 1]);
    await refund(handle.db, "k:b", { now: t0 });
    await refund(handle.db, "k:b", { now: t0 });
    expect(await count("k:b")).toBe(0);
    expect(await reserveAll(handle.db, [a, b], t0)).toEqual({ allowed: true });
  });
});
