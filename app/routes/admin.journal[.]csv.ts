import type { LoaderFunctionArgs } from "@remix-run/node";
import { actionLabelKey, parseAuditFilters } from "~/domain/audit-log";
import { auditCsvStream } from "~/services/admin/audit-log-csv.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";

/** /admin/journal.csv?<the journal's filters>: every matching entry (capped), streamed, in French for Excel. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const { filters } = parseAuditFilters(new URL(request.url).searchParams);
  const t = await i18next.getFixedT("fr", "admin-audit");
  const stream = auditCsvStream(await getDb(), filters, {
    column: (key) => t(`csv.columns.${key}`),
    actor: (e) => e.actorName ?? (e.ip ? t("journal.anonymous") : t("journal.system")),
    action: (action) => t(actionLabelKey(action), { defaultValue: action }),
    outcome: (outcome) => t(`outcomes.${outcome}`),
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${t("csv.filename")}-${day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
