import { and, eq, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { attachments, caseEvents, cases, issuedDocuments, messages, notes } from "../../db/schema";
import type { Database } from "~/utils/db.server";
import { DRAFT_LIFETIME_MS, expiredDraftIds } from "./drafts.server";
import { getFileStorage, type FileStorage } from "./storage";

/** Bytes of a replaced or removed document are kept this long after it was marked deleted. */
export const DELETED_FILE_GRACE_MS = 24 * 60 * 60 * 1000;

function logFailures(results: PromiseSettledResult<unknown>[], keys: string[], msg: string): number {
  let ok = 0;
  for (const [i, result] of results.entries()) {
    if (result.status === "fulfilled") ok++;
    else console.warn(JSON.stringify({ msg, storageKey: keys[i], error: String(result.reason) }));
  }
  return ok;
}

/**
 * Drafts untouched for 30 days (DRAFT_LIFETIME_MS) are deleted with everything hanging on them:
 * their attachment rows and files, their events (and messages or notes, which a draft should not
 * have). Rows go in one transaction per batch, drafts locked with SKIP LOCKED and re-checked (a
 * citizen saving at that moment keeps his draft; another server skips what this one holds);
 * files are removed after the commit — a file whose removal fails is logged, never a row left
 * pointing to nothing.
 */
export async function deleteExpiredDrafts(
  db: Database,
  now: Date = new Date(),
  storage: FileStorage = getFileStorage(),
  limit = 200,
): Promise<{ drafts: number; files: number }> {
  const candidates = await expiredDraftIds(db, now, limit);
  if (candidates.length === 0) return { drafts: 0, files: 0 };
  const cutoff = new Date(now.getTime() - DRAFT_LIFETIME_MS);
  const { ids, keys } = await db.transaction(async (tx) => {
    const locked = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(inArray(cases.id, candidates), eq(cases.status, "draft"), lt(cases.updatedAt, cutoff)))
      .for("update", { skipLocked: true });
    const ids = locked.map((r) => r.id);
    if (ids.length === 0) return { ids, keys: [] as string[] };
    const removed = await tx.delete(attachments).where(inArray(attachments.caseId, ids)).returning({ storageKey: attachments.storageKey });
    await tx.delete(caseEvents).where(inArray(caseEvents.caseId, ids));
    await tx.delete(notes).where(inArray(notes.caseId, ids));
    await tx.delete(messages).where(inArray(messages.caseId, ids));
    await tx.delete(cases).where(inArray(cases.id, ids));
    return { ids, keys: removed.map((r) => r.storageKey) };
  });
  const results = await Promise.allSettled(keys.map((key) => storage.delete(key)));
  return { drafts: ids.length, files: logFailures(results, keys, "expired draft file not removed") };
}

/**
 * Files of attachments marked deleted (replaced or removed before submission) more than a day
 * ago: the bytes are removed from storage, then the row. A row whose file could not be removed
 * stays and is retried next time. Attachments an issued document points to are never touched.
 */
export async function purgeDeletedAttachmentFiles(
  db: Database,
  now: Date = new Date(),
  storage: FileStorage = getFileStorage(),
  limit = 500,
): Promise<number> {
  const due = await db
    .select({ id: attachments.id, storageKey: attachments.storageKey })
    .from(attachments)
    .where(
      and(
        isNotNull(attachments.deletedAt),
        lt(attachments.deletedAt, new Date(now.getTime() - DELETED_FILE_GRACE_MS)),
        sql`not exists (select 1 from ${issuedDocuments} where ${issuedDocuments.attachmentId} = ${attachments.id})`,
      ),
    )
    .limit(limit);
  if (due.length === 0) return 0;
  const results = await Promise.allSettled(due.map((a) => storage.delete(a.storageKey)));
  const gone = due.filter((_, i) => results[i]!.status === "fulfilled").map((a) => a.id);
  logFailures(results, due.map((a) => a.storageKey), "deleted attachment file not removed");
  if (gone.length > 0) await db.delete(attachments).where(and(inArray(attachments.id, gone), isNotNull(attachments.deletedAt)));
  return gone.length;
}
