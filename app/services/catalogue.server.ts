import { and, eq, like, sql, type SQL } from "drizzle-orm";
import { agencies, procedures } from "../../db/schema";
import { procedureAvailability, type Availability } from "~/domain/availability";
import { PROCEDURE_CATEGORIES, type Locale, type ProcedureCategory, type RegionCode } from "~/domain/constants";
import { queryWords, wordStartPattern } from "~/domain/search";
import type { Executor } from "~/utils/db.server";
import { loadRoutingOffices } from "./routing-data.server";

export function isCategory(value: unknown): value is ProcedureCategory {
  return typeof value === "string" && (PROCEDURE_CATEGORIES as readonly string[]).includes(value);
}

export interface CatalogueQuery {
  /** What the citizen typed; normalized here (accents, case, word order, little words). */
  q?: string | null;
  category?: ProcedureCategory | null;
  region: RegionCode;
  locale: Locale;
}

export interface CatalogueEntry {
  id: number;
  slug: string;
  title: string;
  summary: string;
  agency: string;
  category: ProcedureCategory;
  feeXof: number;
  targetDelayDays: number;
  availability: Availability;
}

export interface CatalogueResult {
  /** The words actually searched for (empty: no search). */
  words: string[];
  entries: CatalogueEntry[];
}

/**
 * The published procedures matching a search and a category, by title in the reader's language,
 * each with its availability for the region. Two queries whatever the number of results: the
 * procedures (every query word must start a word of `search_text`), then the offices of their
 * agencies with their buildings' link status, from which availability is computed as routing
 * would decide it.
 */
export async function searchCatalogue(executor: Executor, query: CatalogueQuery): Promise<CatalogueResult> {
  const words = queryWords(query.q);
  const conditions: SQL[] = [eq(procedures.status, "published")];
  if (query.category) conditions.push(eq(procedures.category, query.category));
  for (const word of words) conditions.push(like(sql`' ' || ${procedures.searchText}`, wordStartPattern(word)));
  const en = query.locale === "en";
  const rows = await executor
    .select({
      id: procedures.id,
      slug: procedures.slug,
      title: en ? procedures.titleEn : procedures.titleFr,
      summary: en ? procedures.summaryEn : procedures.summaryFr,
      agency: en ? agencies.nameEn : agencies.nameFr,
      agencyId: procedures.agencyId,
      category: procedures.category,
      feeXof: procedures.feeXof,
      targetDelayDays: procedures.targetDelayDays,
    })
    .from(procedures)
    .innerJoin(agencies, eq(agencies.id, procedures.agencyId))
    .where(and(...conditions));
  if (rows.length === 0) return { words, entries: [] };
  const offices = await loadRoutingOffices(executor, { agencyIds: [...new Set(rows.map((r) => r.agencyId))] });
  const collator = new Intl.Collator(query.locale, { sensitivity: "base", numeric: true });
  const entries = rows
    .map(({ agencyId, ...row }) => ({ ...row, availability: procedureAvailability({ agencyId, region: query.region, offices }) }))
    .sort((a, b) => collator.compare(a.title, b.title) || a.id - b.id);
  return { words, entries };
}

export interface PublishedProcedure {
  id: number;
  slug: string;
  title: string;
  agencyId: number;
  feeXof: number;
  targetDelayDays: number;
  documents: { code: string; label: string; hint: string | null }[];
}

/** A published procedure by its slug, in the reader's language; null when unknown, draft or closed. */
export async function findPublishedProcedure(executor: Executor, slug: string, locale: Locale): Promise<PublishedProcedure | null> {
  const [row] = await executor
    .select({
      id: procedures.id,
      slug: procedures.slug,
      titleFr: procedures.titleFr,
      titleEn: procedures.titleEn,
      agencyId: procedures.agencyId,
      feeXof: procedures.feeXof,
      targetDelayDays: procedures.targetDelayDays,
      requiredDocuments: procedures.requiredDocuments,
    })
    .from(procedures)
    .where(and(eq(procedures.slug, slug), eq(procedures.status, "published")));
  if (!row) return null;
  const { titleFr, titleEn, requiredDocuments, ...rest } = row;
  return {
    ...rest,
    title: locale === "en" ? titleEn : titleFr,
    documents: requiredDocuments.map((d) => ({ code: d.code, label: d.label[locale], hint: d.hint?.[locale] ?? null })),
  };
}

/** One procedure's availability for a region (one query: the offices of its agency). */
export async function availabilityOf(executor: Executor, agencyId: number, region: RegionCode): Promise<Availability> {
  const offices = await loadRoutingOffices(executor, { agencyIds: [agencyId] });
  return procedureAvailability({ agencyId, region, offices });
}
