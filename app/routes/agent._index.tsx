import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InboxBulkBar, InboxResultNotice, type BulkResult } from "~/components/backoffice/inbox/InboxBulk";
import { InboxFiltersForm } from "~/components/backoffice/inbox/InboxFilters";
import { InboxOfficeBar } from "~/components/backoffice/inbox/InboxOfficeBar";
import { InboxPager } from "~/components/backoffice/inbox/InboxPager";
import { InboxTable } from "~/components/backoffice/inbox/InboxTable";
import { InboxTabs } from "~/components/backoffice/inbox/InboxTabs";
import { readInboxUrl } from "~/components/backoffice/inbox/inbox-url";
import inboxStyles from "~/components/backoffice/inbox/inbox.css?url";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import {
  countInboxTabs,
  decodeCursor,
  encodeCursor,
  inboxOffices,
  inboxProcedures,
  listInbox,
  parseInboxSearch,
  tabOrder,
  type InboxFilters,
} from "~/services/inbox.server";
import { bulkAssign, officeColleagues } from "~/services/staff-cases.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { parseReference } from "~/domain/reference";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["inbox"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: inboxStyles }];

const STAFF = ["agent", "supervisor"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, STAFF);
  const db = await getDb();
  const t = await i18next.getFixedT(request, "inbox");
  const locale = toLocale(await i18next.getLocale(request));
  const params = new URL(request.url).searchParams;
  const state = readInboxUrl(params);
  // Back from a transfer (the case page sends here: the case is no longer this office's).
  const transferred = params.get("fait") === "transfert" ? parseReference(params.get("dossier") ?? "") : null;
  const offices = await inboxOffices(db, user);
  const office = offices.find((o) => o.id === state.officeId) ?? offices[0] ?? null;
  if (!office) return { title: documentTitle(t("title")), office: null, offices, state } as const;

  const filters: InboxFilters = {
    procedureId: state.procedureId,
    status: state.status,
    submittedFrom: state.from ? new Date(`${state.from}T00:00:00Z`) : null,
    submittedTo: state.to ? new Date(`${state.to}T00:00:00Z`) : null,
    overdue: state.overdue,
    q: state.q,
  };
  const now = new Date();
  const after = decodeCursor(state.after);
  const before = after ? null : decodeCursor(state.before);
  const [counts, page, procedures, colleagues] = await Promise.all([
    countInboxTabs(db, { user, officeId: office.id, filters, now }),
    listInbox(db, { user, officeId: office.id, tab: state.tab, filters, after, before, now }),
    inboxProcedures(db, office.id),
    office.role === "supervisor" ? officeColleagues(db, office.id) : Promise.resolve([]),
  ]);
  return {
    title: documentTitle(t("title")),
    transferred,
    office,
    offices,
    state: { ...state, officeId: office.id },
    now: now.toISOString(),
    order: tabOrder(state.tab),
    search: parseInboxSearch(state.q),
    counts,
    rows: page.rows.map((row) => ({
      reference: row.reference,
      status: row.status,
      procedure: locale === "en" ? row.procedureTitleEn : row.procedureTitleFr,
      applicantName: row.applicantName,
      onBehalfOf: row.onBehalfOf?.fullName ?? null,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      dueAt: row.dueAt.toISOString(),
      assigneeName: row.assigneeName,
    })),
    next: page.next ? encodeCursor(page.next) : null,
    previous: page.previous ? encodeCursor(page.previous) : null,
    procedures: procedures.map((p) => ({ id: p.id, title: locale === "en" ? p.titleEn : p.titleFr })),
    colleagues: colleagues.filter((c) => c.id !== user.id),
  } as const;
}

export async function action({ request }: ActionFunctionArgs): Promise<BulkResult> {
  const user = await requireRole(request, STAFF);
  const form = await readForm(request);
  const officeId = Number(form.get("bureau"));
  const role = user.officeRoles.find((r) => r.officeId === officeId)?.role;
  if (!role) throw new Response("Not Found", { status: 404 });
  const references = [...new Set(form.getAll("dossier").map(String).filter(Boolean))].slice(0, 200);
  const wanted = String(form.get("attribuer") ?? "me");
  if (references.length === 0) return { ok: false, error: "noneSelected" };
  let assigneeId: string | "me" = "me";
  if (wanted !== "me") {
    if (role !== "supervisor") return { ok: false, error: "invalidAssignee" };
    const colleagues = await officeColleagues(await getDb(), officeId);
    if (!colleagues.some((c) => c.id === wanted)) return { ok: false, error: "invalidAssignee" };
    assigneeId = wanted === user.id ? "me" : wanted;
  }
  const result = await bulkAssign(await getDb(), { user, references, assigneeId });
  return { ok: true, done: result.done, failed: result.failed };
}

export default function AgentInbox() {
  const { t } = useTranslation("inbox");
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!data.office) {
    return (
      <>
        <InboxNoOffice />
      </>
    );
  }
  return (
    <>
      <InboxOfficeBar offices={data.offices} office={data.office} state={data.state} />
      <InboxResultNotice result={result ?? null} />
      {data.transferred ? (
        <Notice tone="success">
          <p>{t("transferred", { reference: data.transferred })}</p>
        </Notice>
      ) : null}
      <InboxTabs state={data.state} counts={data.counts} />
      <InboxFiltersForm state={data.state} procedures={data.procedures} search={data.search} />
      <form method="post" className="inbox-bulk">
        <input type="hidden" name="bureau" value={data.office.id} />
        <InboxTable
          rows={data.rows}
          tab={data.state.tab}
          order={data.order}
          now={data.now}
          filtered={Boolean(data.state.q || data.state.procedureId || data.state.status || data.state.from || data.state.to || data.state.overdue)}
          selectable={data.state.tab !== "termines"}
        />
        {data.state.tab !== "termines" && data.rows.length > 0 ? (
          <InboxBulkBar colleagues={data.colleagues} supervisor={data.office.role === "supervisor"} />
        ) : null}
      </form>
      <InboxPager state={data.state} next={data.next} previous={data.previous} />
    </>
  );
}

function InboxNoOffice() {
  const { t } = useTranslation("inbox");
  return (
    <>
      <PageHeading>{t("title")}</PageHeading>
      <Notice>{t("noOffice")}</Notice>
    </>
  );
}
