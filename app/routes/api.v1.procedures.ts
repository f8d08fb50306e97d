import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { REGION_CODES } from "~/domain/constants";
import { listProcedureAvailability } from "~/services/availability.server";
import { apiError, issues, limitApi, publicJson } from "~/services/public-api.server";
import { getDb } from "~/utils/db.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";

const querySchema = z.object({ region: z.enum(REGION_CODES) });

/** GET /api/v1/procedures?region= — published procedures and their availability there (docs/api.md). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const limited = limitApi(context?.ip);
  if (limited) return limited;
  const url = new URL(request.url);
  const parsed = querySchema.safeParse({ region: url.searchParams.get("region") ?? undefined });
  if (!parsed.success) return apiError(400, "invalid_query", issues(parsed.error));
  const locale = toLocale(await i18next.getLocale(request));
  const rows = await listProcedureAvailability(await getDb(), parsed.data.region);
  const response = publicJson(rows.map((row) => ({ slug: row.slug, title: locale === "en" ? row.titleEn : row.titleFr, availability: row.availability })));
  response.headers.set("Vary", "Accept-Language, Cookie");
  response.headers.set("Content-Language", locale);
  return response;
}
