import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, limitApi, publicJson } from "~/services/public-api.server";
import { findPublicSite } from "~/services/public-sites.server";
import { siteUptime } from "~/services/site-uptime.server";
import { parseApiQuery, readOnlyEndpoint } from "~/utils/api.server";
import { getDb } from "~/utils/db.server";

/** GET /api/v1/sites/:code — one building with its uptime over 1, 7, 30 and 90 days (docs/api.md). No parameters. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const limited = limitApi(context?.ip);
  if (limited) return limited;
  const query = parseApiQuery(new URL(request.url), {});
  if (!query.ok) return query.response;
  const code = params.code ?? "";
  const db = await getDb();
  const site = /^[A-Za-z0-9-]{1,40}$/.test(code) ? await findPublicSite(db, code.toUpperCase()) : null;
  if (!site) return apiError(404, "not_found");
  const { id, ...rest } = site;
  return publicJson({ ...rest, uptime: await siteUptime(db, id, new Date()) });
}

export const action = readOnlyEndpoint;
