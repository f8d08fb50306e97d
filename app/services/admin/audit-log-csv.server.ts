/**
 * The audit log as CSV (/admin/journal.csv): the same filters as the page, streamed in batches,
 * at most AUDIT_CSV_MAX_ROWS rows; French column names from the translations; details redacted.
 */
import { AUDIT_CSV_MAX_ROWS, type AuditFilters } from "~/domain/audit-log";
import { csvStream } from "~/utils/csv";
import type { Executor } from "~/utils/db.server";
import { auditEntriesInBatches, type AuditEntryView } from "./audit-log.server";

export const AUDIT_CSV_COLUMNS = ["at", "actor", "action", "actionLabel", "outcome", "targetType", "targetId", "ip", "requestId", "details"] as const;

export interface AuditCsvLabels {
  column: (key: (typeof AUDIT_CSV_COLUMNS)[number]) => string;
  actor: (entry: AuditEntryView) => string;
  action: (action: string) => string;
  outcome: (outcome: string) => string;
}

function fields(entry: AuditEntryView, labels: AuditCsvLabels): string[] {
  return [
    entry.at.toISOString(),
    labels.actor(entry),
    entry.action,
    labels.action(entry.action),
    labels.outcome(entry.outcome),
    entry.targetType ?? "",
    entry.targetId ?? "",
    entry.ip ?? "",
    entry.requestId ?? "",
    Object.keys(entry.details).length > 0 ? JSON.stringify(entry.details) : "",
  ];
}

export function auditCsvStream(db: Executor, filters: AuditFilters, labels: AuditCsvLabels, max = AUDIT_CSV_MAX_ROWS): ReadableStream<Uint8Array> {
  async function* batches() {
    for await (const batch of auditEntriesInBatches(db, filters, { max })) yield batch.map((entry) => fields(entry, labels));
  }
  return csvStream(AUDIT_CSV_COLUMNS.map(labels.column), batches());
}
