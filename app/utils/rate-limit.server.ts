import { and, eq, gt, lte, sql } from "drizzle-orm";
import { rateLimits } from "../../db/schema";
import type { Executor } from "./db.server";

/**
 * Fixed-window counters in PostgreSQL, so that every app server behind the load balancer shares
 * them. One atomic upsert per hit: concurrent hits on the same key are serialised by the row lock.
 */

export interface RateLimitRule {
  /** Hits allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Hits left in the current window. */
  remaining: number;
  /** 0 when allowed; otherwise seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number;
  resetAt: Date;
}

export interface ConsumeOptions extends RateLimitRule {
  /** Hits to count (default 1). */
  cost?: number;
  now?: Date;
  /** Chance that this call also purges expired rows (default 1 %); 0 in tests that count rows. */
  purgeProbability?: number;
}

function result(count: number, resetAt: Date, limit: number, now: Date): RateLimitResult {
  const allowed = count <= limit;
  return {
    allowed,
    remaining: Math.max(0, limit - count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAt.getTime() - now.getTime()) / 1000)),
    resetAt,
  };
}

/** Count a hit on `key` and say whether it is within the limit. */
export async function consume(db: Executor, key: string, options: ConsumeOptions): Promise<RateLimitResult> {
  const now = options.now ?? new Date();
  const cost = options.cost ?? 1;
  const resetAt = new Date(now.getTime() + options.windowMs);
  const nowParam = sql`${now.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, count: cost, resetAt })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        // A window that has passed starts again from this hit.
        count: sql`case when ${rateLimits.resetAt} <= ${nowParam} then excluded.count else ${rateLimits.count} + excluded.count end`,
        resetAt: sql`case when ${rateLimits.resetAt} <= ${nowParam} then excluded.reset_at else ${rateLimits.resetAt} end`,
      },
    })
    .returning({ count: rateLimits.count, resetAt: rateLimits.resetAt });
  if (Math.random() < (options.purgeProbability ?? 0.01)) await purgeExpiredRateLimits(db, now);
  return result(row!.count, new Date(row!.resetAt), options.limit, now);
}

/** Whether the next hit on `key` would be allowed, without counting it. */
export async function peek(db: Executor, key: string, options: RateLimitRule & { now?: Date }): Promise<RateLimitResult> {
  const now = options.now ?? new Date();
  const [row] = await db
    .select({ count: rateLimits.count, resetAt: rateLimits.resetAt })
    .from(rateLimits)
    .where(and(eq(rateLimits.key, key), gt(rateLimits.resetAt, now)));
  if (!row) return result(0, new Date(now.getTime() + options.windowMs), options.limit, now);
  // "Next hit allowed" means count + 1 <= limit.
  const next = result(row.count + 1, row.resetAt, options.limit, now);
  return { ...next, remaining: Math.max(0, options.limit - row.count) };
}

/**
 * Give back hits that `consume` counted in the current window: an attempt reserved its hit before
 * doing the work (so that concurrent attempts cannot all pass a read-then-write check), then turned
 * out not to count (it succeeded, or another limit refused it). Never below zero; a window that has
 * ended is left alone.
 */
export async function refund(db: Executor, key: string, options: { cost?: number; now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const cost = options.cost ?? 1;
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - ${cost}, 0)` })
    .where(and(eq(rateLimits.key, key), gt(rateLimits.resetAt, now)));
}

export interface Reservation {
  key: string;
  rule: RateLimitRule;
}

/**
 * Count one hit on every key, in order, before the work they guard. All allowed: the hits stay
 * (give them back with `refund` if the attempt ends up not counting). One refused: every hit of
 * this attempt is given back and the refusing reservation is returned with its Retry-After.
 */
export async function reserveAll<R extends Reservation>(
  db: Executor,
  reservations: readonly R[],
  now: Date,
): Promise<{ allowed: true } | { allowed: false; refusedBy: R; retryAfterSeconds: number }> {
  const taken: R[] = [];
  for (const reservation of reservations) {
    const hit = await consume(db, reservation.key, { ...reservation.rule, now });
    taken.push(reservation);
    if (!hit.allowed) {
      for (const done of taken) await refund(db, done.key, { now });
      return { allowed: false, refusedBy: reservation, retryAfterSeconds: hit.retryAfterSeconds };
    }
  }
  return { allowed: true };
}

/** Forget the counter (e.g. failed sign-ins after a successful one). */
export async function resetRateLimit(db: Executor, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}

export async function purgeExpiredRateLimits(db: Executor, now: Date = new Date()): Promise<number> {
  const deleted = await db.delete(rateLimits).where(lte(rateLimits.resetAt, now)).returning({ key: rateLimits.key });
  return deleted.length;
}
