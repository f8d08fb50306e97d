import type { LoaderFunctionArgs } from "@remix-run/node";
import { loadStatisticsRequest } from "~/services/statistics-request.server";
import { statisticsCsvStream } from "~/services/statistics.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";

/**
 * The figures of /agent/statistiques (same office, same period, same guard) as a CSV file for a
 * spreadsheet: streamed, UTF-8 with a BOM, ';', decimal comma (statisticsCsvStream).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const { office, stats } = await loadStatisticsRequest(request, locale, context);
  const t = await i18next.getFixedT(request, "statistics");
  if (!stats) return new Response(t("csv.invalidPeriod"), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const filename = `${t("csv.filename")}-${office.code}-${stats.period.from}-${stats.period.to}.csv`.replace(/[^A-Za-z0-9._-]/g, "_");
  const body = statisticsCsvStream(stats, { column: (c) => t(`csv.columns.${c}`), allProcedures: t("byProcedure.all") });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
