import { lt, or, isNotNull } from "drizzle-orm";
import { passwordResetTokens } from "../../db/schema";
import type { Database } from "~/utils/db.server";
import { purgeExpiredRateLimits } from "~/utils/rate-limit.server";
import { purgeExpiredSessions } from "~/utils/session.server";
import { deleteExpiredDrafts, purgeDeletedAttachmentFiles } from "./draft-expiry.server";
import { purgeUnconfirmedSubscriptions } from "./incident-subscriptions.server";
import { getFileStorage, type FileStorage } from "./storage";

export interface HousekeepingReport {
  sessions: number;
  rateLimits: number;
  passwordResetTokens: number;
  /** Drafts untouched for 30 days, deleted with their documents. */
  expiredDrafts: number;
  /** Files removed from storage: those of expired drafts, and documents deleted over a day ago. */
  attachmentFiles: number;
  /** Status-page subscriptions left unconfirmed for a day. */
  unconfirmedSubscriptions: number;
  /** Temporary files of uploads that never finished (a crash mid-write), an hour old or more. */
  temporaryFiles: number;
}

/** Far longer than any upload takes to write (they are capped at a few MB). */
export const TEMPORARY_FILE_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Delete what has expired and can never be used again: sessions past either limit, rate-limit
 * windows that are over, password-reset tokens used or expired, drafts untouched for 30 days (with
 * their files), the files of documents replaced or removed over a day ago, status-page
 * subscriptions left unconfirmed for a day, the temporary files of uploads a crash interrupted (an
 * hour old: no write takes that long). Idempotent and safe to run from several servers at once
 * (plain deletes of rows nobody can use; drafts locked SKIP LOCKED).
 */
export async function runHousekeeping(db: Database, now: Date = new Date(), storage: FileStorage = getFileStorage()): Promise<HousekeepingReport> {
  const sessions = await purgeExpiredSessions(db, now);
  const rateLimits = await purgeExpiredRateLimits(db, now);
  const tokens = await db
    .delete(passwordResetTokens)
    .where(or(lt(passwordResetTokens.expiresAt, now), isNotNull(passwordResetTokens.usedAt)))
    .returning({ id: passwordResetTokens.id });
  const drafts = await deleteExpiredDrafts(db, now, storage);
  const deletedFiles = await purgeDeletedAttachmentFiles(db, now, storage);
  const unconfirmedSubscriptions = await purgeUnconfirmedSubscriptions(db, now);
  const temporaryFiles = (await storage.removeStaleTemporaryFiles?.(new Date(now.getTime() - TEMPORARY_FILE_MAX_AGE_MS))) ?? 0;
  return {
    sessions,
    rateLimits,
    passwordResetTokens: tokens.length,
    expiredDrafts: drafts.drafts,
    attachmentFiles: drafts.files + deletedFiles,
    unconfirmedSubscriptions,
    temporaryFiles,
  };
}
