import type { LoaderFunctionArgs } from "@remix-run/node";
import { incidentFeed } from "~/components/status/atom";
import { getStatusSummary } from "~/services/status-summary.server";
import { appBaseUrl } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";

/** Atom 1.0 feed of the incidents (in progress and of the last 90 days), from the summary. */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, ["status", "common"]);
  const summary = await getStatusSummary(await getDb());
  const xml = incidentFeed(summary, {
    baseUrl: appBaseUrl(),
    locale,
    title: t("status:feed.title"),
    statusLabel: (status) => t(`common:status.link.${status}`),
    entryTitle: (values) => t("status:feed.entry", values),
  });
  return new Response(xml, {
    headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=30", "Access-Control-Allow-Origin": "*" },
  });
}
