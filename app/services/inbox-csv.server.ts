/**
 * CSV of the filtered inbox for Excel (fr): UTF-8 with a BOM, ";" separator, French column names,
 * CRLF line ends; written page by page (keyset, 1 000 rows a query) into a ReadableStream, so a
 * long export never holds the whole list in memory and the first bytes leave at once.
 */
import type { CaseStatus } from "~/domain/constants";
import { csvStream } from "~/utils/csv";
import type { Executor } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { inboxRowsInPages, RUNNING_STATUSES, type InboxQuery, type InboxRow } from "./inbox.server";

/** The columns, in order; their names are `inbox:csv.columns.<key>` (the export is in French). */
export const INBOX_CSV_COLUMNS = ["reference", "procedure", "applicant", "onBehalfOf", "phone", "submittedAt", "dueAt", "late", "status", "assignee"] as const;

/** Column names and the words written in cells, from the translations. */
export interface InboxCsvLabels {
  column: (key: (typeof INBOX_CSV_COLUMNS)[number]) => string;
  yes: string;
  no: string;
  status: (status: CaseStatus) => string;
}

/** The labels in one language, from a `t` over the namespaces inbox and common. */
export function inboxCsvLabels(t: (key: string) => string): InboxCsvLabels {
  return {
    column: (key) => t(`inbox:csv.columns.${key}`),
    yes: t("inbox:csv.yes"),
    no: t("inbox:csv.no"),
    status: (status) => t(`common:status.case.${status}`),
  };
}

function rowFields(row: InboxRow, now: Date, labels: InboxCsvLabels): string[] {
  const late = (RUNNING_STATUSES as readonly string[]).includes(row.status) && row.dueAt.getTime() < now.getTime();
  return [
    row.reference,
    row.procedureTitleFr,
    row.applicantName,
    row.onBehalfOf?.fullName ?? "",
    row.applicantPhone ?? "",
    row.submittedAt ? formatDate(row.submittedAt, "fr", "short") : "",
    formatDate(row.dueAt, "fr", "short"),
    late ? labels.yes : labels.no,
    labels.status(row.status),
    row.assigneeName ?? "",
  ];
}

export function inboxCsvStream(
  db: Executor,
  query: Omit<InboxQuery, "after" | "before"> & { labels: InboxCsvLabels },
): ReadableStream<Uint8Array> {
  const now = query.now ?? new Date();
  const pages = inboxRowsInPages(db, { ...query, now });
  async function* batches() {
    for await (const page of pages) yield page.map((row) => rowFields(row, now, query.labels));
  }
  return csvStream(INBOX_CSV_COLUMNS.map(query.labels.column), batches());
}
