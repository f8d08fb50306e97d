import type { LoaderFunctionArgs } from "@remix-run/node";
import { limitApi, paginationHeaders, publicJson } from "~/services/public-api.server";
import { listPublicSites } from "~/services/public-sites.server";
import { API_PARAMS, parseApiQuery, readOnlyEndpoint } from "~/utils/api.server";
import { getDb } from "~/utils/db.server";

const sitesQuery = {
  region: API_PARAMS.region.optional(),
  status: API_PARAMS.status.optional(),
  page: API_PARAMS.page.default(1),
  perPage: API_PARAMS.perPage.default(50),
};

/** GET /api/v1/sites?region=&status=&page=&perPage= — buildings: a JSON array, paginated by headers (docs/api.md). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = limitApi(context?.ip);
  if (limited) return limited;
  const url = new URL(request.url);
  const query = parseApiQuery(url, sitesQuery);
  if (!query.ok) return query.response;
  const { items, total } = await listPublicSites(await getDb(), query.data);
  return publicJson(items, 200, paginationHeaders(url, query.data.page, query.data.perPage, total));
}

export const action = readOnlyEndpoint;
