import type { LoaderFunctionArgs } from "@remix-run/node";
import { limitApi, publicJson } from "~/services/public-api.server";
import { getStatusSummary } from "~/services/status-summary.server";
import { parseApiQuery, readOnlyEndpoint } from "~/utils/api.server";
import { getDb } from "~/utils/db.server";

/** GET /api/v1/status — the network at a glance, from the status summary (docs/api.md). No parameters. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = limitApi(context?.ip);
  if (limited) return limited;
  const query = parseApiQuery(new URL(request.url), {});
  if (!query.ok) return query.response;
  const summary = await getStatusSummary(await getDb());
  return publicJson({
    generatedAt: summary.generatedAt,
    regions: summary.regions.map((r) => ({ code: r.code, name: r.name, sites: r.sites })),
    incidents: summary.incidents.map((i) => ({ site: i.site, name: i.name, region: i.region, town: i.town, status: i.status, since: i.since })),
    maintenance: summary.maintenance.map((m) => ({ site: m.site, region: m.region, startsAt: m.startsAt, endsAt: m.endsAt, reason: m.reason })),
    monitoring: summary.monitoring,
  });
}

export const action = readOnlyEndpoint;
