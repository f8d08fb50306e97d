import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { Table, type TableColumn } from "~/components/ui/Table";
import type { CaseStatus } from "~/domain/constants";
import { formatDate } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import type { TabId } from "./inbox-url";

export interface InboxTableRow {
  reference: string;
  status: CaseStatus;
  procedure: string;
  applicantName: string;
  onBehalfOf: string | null;
  submittedAt: string | null;
  dueAt: string;
  assigneeName: string | null;
}

const RUNNING: readonly CaseStatus[] = ["submitted", "in_review", "accepted", "ready"];

/** The cases of one page; a checkbox per row (name "dossier") for the bulk form around it. */
export function InboxTable({
  rows,
  tab,
  order,
  now,
  filtered,
  selectable,
}: {
  rows: readonly InboxTableRow[];
  tab: TabId;
  order: "asc" | "desc";
  now: string;
  filtered: boolean;
  selectable: boolean;
}) {
  const { t, i18n } = useTranslation("inbox");
  const locale = toLocale(i18n.language);
  const nowMs = new Date(now).getTime();
  const columns: TableColumn<InboxTableRow>[] = [
    {
      header: t("table.reference"),
      rowHeader: true,
      nowrap: true,
      cell: (row) => (
        <Link to={`/agent/dossiers/${row.reference}`} className="inbox-ref">
          {row.reference}
        </Link>
      ),
    },
    { header: t("table.procedure"), cell: (row) => row.procedure },
    {
      header: t("table.applicant"),
      cell: (row) => (
        <>
          {row.applicantName}
          {row.onBehalfOf ? <span className="secondary-text inbox-behalf">{t("table.onBehalfOf", { name: row.onBehalfOf })}</span> : null}
        </>
      ),
    },
    { header: t("table.submitted"), nowrap: true, cell: (row) => (row.submittedAt ? formatDate(row.submittedAt, locale, "short") : "—") },
    {
      header: t("table.due"),
      nowrap: true,
      cell: (row) => {
        const late = RUNNING.includes(row.status) && new Date(row.dueAt).getTime() < nowMs;
        return (
          <span className={late ? "inbox-due inbox-due--late" : "inbox-due"}>
            {formatDate(row.dueAt, locale, "short")}
            {late ? <strong className="inbox-late"> {t("table.overdue")}</strong> : null}
          </span>
        );
      },
    },
    { header: t("table.status"), cell: (row) => <StatusBadge kind="case" status={row.status} /> },
    { header: t("table.assignee"), cell: (row) => row.assigneeName ?? <span className="secondary-text">{t("table.nobody")}</span> },
  ];
  if (selectable) {
    columns.unshift({
      header: t("table.select"),
      cell: (row) => (
        <label className="inbox-check">
          <input type="checkbox" name="dossier" value={row.reference} />
          <span className="visually-hidden">{t("table.selectOne", { reference: row.reference })}</span>
        </label>
      ),
    });
  }
  const tabLabel = t(`tabs.${tab}`);
  return (
    <Table
      caption={order === "desc" ? t("table.captionDone", { tab: tabLabel }) : t("table.caption", { tab: tabLabel })}
      columns={columns}
      rows={rows}
      rowKey={(row) => row.reference}
      empty={filtered ? t("table.emptySearch") : t("table.empty")}
    />
  );
}
