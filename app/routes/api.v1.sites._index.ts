import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { LINK_STATUSES, REGION_CODES } from "~/domain/constants";
import { apiError, issues, limitApi, paginationHeaders, publicJson } from "~/services/public-api.server";
import { listPublicSites } from "~/services/public-sites.server";
import { getDb } from "~/utils/db.server";

export const sitesQuerySchema = z.strictObject({
  region: z.enum(REGION_CODES).optional(),
  status: z.enum(LINK_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  perPage: z.coerce.number().int().min(1).max(200).default(50),
});

/** GET /api/v1/sites?region=&status=&page=&perPage= — buildings: a JSON array, paginated by headers (docs/api.md). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = limitApi(context?.ip);
  if (limited) return limited;
  const url = new URL(request.url);
  const params = Object.fromEntries(url.searchParams);
  const parsed = sitesQuerySchema.safeParse(params);
  if (!parsed.success) return apiError(400, "invalid_query", issues(parsed.error));
  const { items, total } = await listPublicSites(await getDb(), parsed.data);
  return publicJson(items, 200, paginationHeaders(url, parsed.data.page, parsed.data.perPage, total));
}
