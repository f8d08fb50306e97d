import { and, eq, max, ne } from "drizzle-orm";
import { caseEvents, cases, procedures } from "../../db/schema";
import type { CaseStatus } from "~/domain/constants";
import { parseReference } from "~/domain/reference";
import type { Executor } from "~/utils/db.server";
import { hashTrackingCode, newTrackingCode, trackingHashesMatch } from "~/utils/tracking-code.server";

/** What /suivi may tell anyone holding the reference and the code: no personal data, no office. */
export interface TrackedCase {
  reference: string;
  status: CaseStatus;
  procedureTitleFr: string;
  procedureTitleEn: string;
  submittedAt: Date | null;
  dueAt: Date | null;
  lastUpdateAt: Date;
}

/** Hash of a code nobody holds: compared when the reference is unknown, so that both cases take as long. */
const NO_CASE_HASH = "0".repeat(64);

/**
 * The case a reference and a tracking code open, or null — the same null for an unknown
 * reference, a wrong code, a mistyped one and a draft. Hashes are compared in constant time.
 */
export async function lookupTrackedCase(executor: Executor, input: { reference: string; code: string }): Promise<TrackedCase | null> {
  const reference = parseReference(input.reference);
  const given = hashTrackingCode(input.code);
  const [row] = reference
    ? await executor
        .select({
          id: cases.id,
          reference: cases.reference,
          status: cases.status,
          trackingCodeHash: cases.trackingCodeHash,
          procedureTitleFr: procedures.titleFr,
          procedureTitleEn: procedures.titleEn,
          submittedAt: cases.submittedAt,
          dueAt: cases.dueAt,
          statusChangedAt: cases.statusChangedAt,
        })
        .from(cases)
        .innerJoin(procedures, eq(procedures.id, cases.procedureId))
        .where(and(eq(cases.reference, reference), ne(cases.status, "draft")))
    : [];
  const matches = trackingHashesMatch(row?.trackingCodeHash ?? NO_CASE_HASH, given);
  if (!row || !matches) return null;
  const [last] = await executor.select({ at: max(caseEvents.at) }).from(caseEvents).where(eq(caseEvents.caseId, row.id));
  const lastEvent = last?.at ? new Date(last.at) : null;
  return {
    reference: row.reference,
    status: row.status,
    procedureTitleFr: row.procedureTitleFr,
    procedureTitleEn: row.procedureTitleEn,
    submittedAt: row.submittedAt,
    dueAt: row.dueAt,
    lastUpdateAt: lastEvent && lastEvent > row.statusChangedAt ? lastEvent : row.statusChangedAt,
  };
}

/**
 * A new tracking code for one of the citizen's filed cases: its hash replaces the old one (which
 * stops working). Null for a draft or a case that is not his.
 */
export async function renewTrackingCode(executor: Executor, input: { userId: string; caseId: string; now?: Date }): Promise<string | null> {
  const tracking = newTrackingCode();
  const updated = await executor
    .update(cases)
    .set({ trackingCodeHash: tracking.hash, updatedAt: input.now ?? new Date() })
    .where(and(eq(cases.id, input.caseId), eq(cases.applicantId, input.userId), ne(cases.status, "draft")))
    .returning({ id: cases.id });
  return updated.length > 0 ? tracking.code : null;
}

/** The stored hash of a case's current code (the confirmation page checks its one-time cookie against it). */
export async function trackingCodeHashOf(executor: Executor, caseId: string): Promise<string | null> {
  const [row] = await executor.select({ hash: cases.trackingCodeHash }).from(cases).where(eq(cases.id, caseId));
  return row?.hash ?? null;
}
