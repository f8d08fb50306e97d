import type { LoaderFunctionArgs } from "@remix-run/node";
import { incidentFeed } from "~/components/status/atom";
import { limitApi } from "~/services/public-api.server";
import { getStatusSummary } from "~/services/status-summary.server";
import { API_PARAMS, parseApiQuery, readOnlyEndpoint } from "~/utils/api.server";
import { appBaseUrl } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";

/**
 * Atom 1.0 feed of the incidents (in progress and of the last 90 days), from the summary. A public
 * endpoint like /api/v1/: the same rate limit, parameters and error answers (docs/api.md).
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = limitApi(context?.ip);
  if (limited) return limited;
  const query = parseApiQuery(new URL(request.url), { lng: API_PARAMS.lng.optional() });
  if (!query.ok) return query.response;
  const locale = query.data.lng ?? toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(locale, ["status", "common"]);
  const summary = await getStatusSummary(await getDb());
  const xml = incidentFeed(summary, {
    baseUrl: appBaseUrl(),
    locale,
    title: t("status:feed.title"),
    statusLabel: (status) => t(`common:status.link.${status}`),
    entryTitle: (values) => t("status:feed.entry", values),
  });
  return new Response(xml, {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=30",
      "Access-Control-Allow-Origin": "*",
      // The language follows ?lng=, then the lng cookie, then Accept-Language: a shared cache must keep them apart.
      "Content-Language": locale,
      Vary: "Accept-Language, Cookie",
    },
  });
}

export const action = readOnlyEndpoint;
