import type { LoaderFunctionArgs } from "@remix-run/node";
import { readInboxUrl } from "~/components/backoffice/inbox/inbox-url";
import { inboxCsvLabels, inboxCsvStream } from "~/services/inbox-csv.server";
import { inboxOffices } from "~/services/inbox.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";

/** /agent/export.csv?<the inbox's query>: the filtered inbox, every page, streamed as CSV for Excel. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["agent", "supervisor"]);
  const db = await getDb();
  const state = readInboxUrl(new URL(request.url).searchParams);
  const offices = await inboxOffices(db, user);
  const office = offices.find((o) => o.id === state.officeId) ?? offices[0];
  if (!office) throw new Response("Not Found", { status: 404 });
  // In French whatever the page's language: the administration's export, for a French Excel.
  const t = await i18next.getFixedT("fr", ["inbox", "common"]);
  const stream = inboxCsvStream(db, {
    user,
    officeId: office.id,
    tab: state.tab,
    filters: {
      procedureId: state.procedureId,
      status: state.status,
      submittedFrom: state.from ? new Date(`${state.from}T00:00:00Z`) : null,
      submittedTo: state.to ? new Date(`${state.to}T00:00:00Z`) : null,
      overdue: state.overdue,
      q: state.q,
    },
    labels: inboxCsvLabels(t),
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="dossiers-${state.tab}-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
