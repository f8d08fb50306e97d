import { lt, or, isNotNull } from "drizzle-orm";
import { passwordResetTokens } from "../../db/schema";
import type { Database } from "~/utils/db.server";
import { purgeExpiredRateLimits } from "~/utils/rate-limit.server";
import { purgeExpiredSessions } from "~/utils/session.server";

export interface HousekeepingReport {
  sessions: number;
  rateLimits: number;
  passwordResetTokens: number;
}

/**
 * Delete what has expired and can never be used again: sessions past either limit, rate-limit
 * windows that are over, password-reset tokens used or expired. Idempotent and safe to run from
 * several servers at once (plain deletes of rows nobody can use).
 */
export async function runHousekeeping(db: Database, now: Date = new Date()): Promise<HousekeepingReport> {
  const sessions = await purgeExpiredSessions(db, now);
  const rateLimits = await purgeExpiredRateLimits(db, now);
  const tokens = await db
    .delete(passwordResetTokens)
    .where(or(lt(passwordResetTokens.expiresAt, now), isNotNull(passwordResetTokens.usedAt)))
    .returning({ id: passwordResetTokens.id });
  return { sessions, rateLimits, passwordResetTokens: tokens.length };
}
