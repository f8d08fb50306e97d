import { and, eq } from "drizzle-orm";
import { agencies, procedures } from "../../db/schema";
import { procedureAvailability, type Availability } from "~/domain/availability";
import { PROCEDURE_CATEGORIES, type Locale, type ProcedureCategory, type RegionCode } from "~/domain/constants";
import { matchesSearchText, queryWords } from "~/domain/search";
import type { Executor } from "~/utils/db.server";
import { loadRoutingOffices, type RoutingOfficeRow } from "./routing-data.server";

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
 * How long one server reuses what the catalogue reads. The catalogue is the most visited page and
 * the same for everyone; a link status change shows on it within this delay (as on the status
 * page, see status-summary.server.ts MEMO_MS).
 */
export const CATALOGUE_MEMO_MS = 2_000;

interface CatalogueSnapshot {
  procedures: {
    id: number;
    slug: string;
    titleFr: string;
    titleEn: string;
    summaryFr: string;
    summaryEn: string;
    agencyFr: string;
    agencyEn: string;
    agencyId: number;
    category: ProcedureCategory;
    feeXof: number;
    targetDelayDays: number;
    searchText: string;
  }[];
  offices: RoutingOfficeRow[];
}

let memo: { executor: Executor; at: number; snapshot: Promise<CatalogueSnapshot> } | null = null;

/** Two queries: the published procedures, and every office with its building's link status. */
async function readSnapshot(executor: Executor): Promise<CatalogueSnapshot> {
  const [rows, offices] = await Promise.all([
    executor
      .select({
        id: procedures.id,
        slug: procedures.slug,
        titleFr: procedures.titleFr,
        titleEn: procedures.titleEn,
        summaryFr: procedures.summaryFr,
        summaryEn: procedures.summaryEn,
        agencyFr: agencies.nameFr,
        agencyEn: agencies.nameEn,
        agencyId: procedures.agencyId,
        category: procedures.category,
        feeXof: procedures.feeXof,
        targetDelayDays: procedures.targetDelayDays,
        searchText: procedures.searchText,
      })
      .from(procedures)
      .innerJoin(agencies, eq(agencies.id, procedures.agencyId))
      .where(eq(procedures.status, "published")),
    loadRoutingOffices(executor),
  ]);
  return { procedures: rows, offices };
}

/** The snapshot of this server, read again after CATALOGUE_MEMO_MS; concurrent readers share one read. */
function catalogueSnapshot(executor: Executor, now: number): Promise<CatalogueSnapshot> {
  if (memo && memo.executor === executor && now >= memo.at && now - memo.at < CATALOGUE_MEMO_MS) return memo.snapshot;
  const snapshot = readSnapshot(executor);
  const entry = { executor, at: now, snapshot };
  memo = entry;
  snapshot.catch(() => {
    if (memo === entry) memo = null;
  });
  return snapshot;
}

/** Read the database on the next search: after an administrator changes procedures or offices, and in tests. */
export function forgetCatalogueSnapshot(): void {
  memo = null;
}

const collators = new Map<Locale, Intl.Collator>();
function collator(locale: Locale): Intl.Collator {
  let c = collators.get(locale);
  if (!c) {
    c = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
    collators.set(locale, c);
  }
  return c;
}

/**
 * The published procedures matching a search and a topic, by title in the reader's language,
 * each with its availability for the region, computed as routing would decide it now. Every
 * query word must start a word of the procedure's `search_text` (see domain/search.ts). Reads at
 * most two queries per CATALOGUE_MEMO_MS per server, whatever the traffic and the number of
 * results; the filtering of a dozen (or a few hundred) procedures is done in memory.
 */
export async function searchCatalogue(executor: Executor, query: CatalogueQuery, now = Date.now()): Promise<CatalogueResult> {
  const words = queryWords(query.q);
  const { procedures: all, offices } = await catalogueSnapshot(executor, now);
  const en = query.locale === "en";
  const entries = all
    .filter((p) => (!query.category || p.category === query.category) && matchesSearchText(p.searchText, words))
    .map((p) => ({
      id: p.id,
      slug: p.slug,
      title: en ? p.titleEn : p.titleFr,
      summary: en ? p.summaryEn : p.summaryFr,
      agency: en ? p.agencyEn : p.agencyFr,
      category: p.category,
      feeXof: p.feeXof,
      targetDelayDays: p.targetDelayDays,
      availability: procedureAvailability({ agencyId: p.agencyId, region: query.region, offices }),
    }))
    .sort((a, b) => collator(query.locale).compare(a.title, b.title) || a.id - b.id);
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
