import type { LoaderFunctionArgs } from "@remix-run/node";
import { listProcedureAvailability } from "~/services/availability.server";
import { limitApi, publicJson } from "~/services/public-api.server";
import { API_PARAMS, parseApiQuery, readOnlyEndpoint } from "~/utils/api.server";
import { getDb } from "~/utils/db.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";

/** GET /api/v1/procedures?region=&lng= — published procedures and their availability there (docs/api.md). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = limitApi(context?.ip);
  if (limited) return limited;
  const query = parseApiQuery(new URL(request.url), { region: API_PARAMS.region, lng: API_PARAMS.lng.optional() });
  if (!query.ok) return query.response;
  const locale = query.data.lng ?? toLocale(await i18next.getLocale(request));
  const rows = await listProcedureAvailability(await getDb(), query.data.region);
  const response = publicJson(rows.map((row) => ({ slug: row.slug, title: locale === "en" ? row.titleEn : row.titleFr, availability: row.availability })));
  response.headers.set("Vary", "Accept-Language, Cookie");
  response.headers.set("Content-Language", locale);
  return response;
}

export const action = readOnlyEndpoint;
