import { and, asc, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { agencies, linkStatusChanges, offices, regions, sites, towns, users } from "../../db/schema";
import { z } from "zod";
import { LINK_STATUSES, REGION_CODES, type LinkSource, type LinkStatus, type RegionCode, type SiteKind } from "~/domain/constants";
import { audit } from "~/services/audit.server";
import { changeSiteLinkStatus } from "~/services/link-status.server";
import type { Database, Executor } from "~/utils/db.server";

export const CONSOLE_PAGE_SIZE = 50;
export const HISTORY_LENGTH = 50;

export interface SiteFilters {
  region?: RegionCode;
  townId?: number;
  kind?: SiteKind;
  status?: LinkStatus;
  /** Part of the name or of the code; case and accents ignored. */
  q?: string;
}

export interface ConsoleSiteRow {
  code: string;
  name: string;
  town: string;
  kind: SiteKind;
  linkStatus: LinkStatus;
  linkStatusSince: Date;
}

export interface SiteList {
  rows: ConsoleSiteRow[];
  /** Sites matching every filter. */
  total: number;
  page: number;
  pageCount: number;
  /** Per status, for the current filters except the status filter itself. */
  counts: Record<LinkStatus, number>;
}

// Accented letters of French and Ewe/Kabiyè names, folded to ASCII on both sides of the
// comparison (the `unaccent` extension is not available in PGlite).
const ACCENTED = "àáâãäåāçèéêëēěìíîïīñòóôõöōùúûüūýÿɛɔŋ";
const FOLDED = "aaaaaaaceeeeeeiiiiinoooooouuuuuyyeon";

/** Lower case without diacritics, as the SQL side folds it. */
export function foldForSearch(text: string): string {
  let out = "";
  for (const char of text.toLowerCase()) {
    const index = ACCENTED.indexOf(char);
    out += index === -1 ? char : FOLDED[index];
  }
  return out.normalize("NFD").replace(/\p{M}/gu, "");
}

const folded = (column: SQL | typeof sites.name) => sql`translate(lower(${column}), ${ACCENTED}, ${FOLDED})`;

function likePattern(q: string): string {
  return `%${foldForSearch(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterConditions(filters: SiteFilters, withStatus: boolean): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.region) conditions.push(eq(sites.regionCode, filters.region));
  if (filters.townId !== undefined) conditions.push(eq(sites.townId, filters.townId));
  if (filters.kind) conditions.push(eq(sites.kind, filters.kind));
  if (withStatus && filters.status) conditions.push(eq(sites.linkStatus, filters.status));
  const q = filters.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    conditions.push(sql`(${folded(sites.name)} like ${pattern} or lower(${sites.code}) like ${pattern})`);
  }
  return conditions.length ? and(...conditions) : undefined;
}

/** One page of sites (one query, with the total) and the counts per status (a second one). */
export async function listSites(db: Executor, filters: SiteFilters, requestedPage = 1): Promise<SiteList> {
  const page = Math.max(1, Math.floor(requestedPage));
  const [found, countRows] = await Promise.all([
    db
      .select({
        code: sites.code,
        name: sites.name,
        town: towns.name,
        kind: sites.kind,
        linkStatus: sites.linkStatus,
        linkStatusSince: sites.linkStatusSince,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(sites)
      .innerJoin(towns, eq(towns.id, sites.townId))
      .where(filterConditions(filters, true))
      .orderBy(asc(sites.name), asc(sites.code))
      .limit(CONSOLE_PAGE_SIZE)
      .offset((page - 1) * CONSOLE_PAGE_SIZE),
    db.select({ status: sites.linkStatus, n: count() }).from(sites).where(filterConditions(filters, false)).groupBy(sites.linkStatus),
  ]);
  const counts = Object.fromEntries(LINK_STATUSES.map((s) => [s, 0])) as Record<LinkStatus, number>;
  for (const row of countRows) counts[row.status] = Number(row.n);
  let total = found[0]?.total ?? 0;
  // Past the last page the window function has no row to ride on: the counts give the total.
  if (found.length === 0) total = filters.status ? counts[filters.status] : Object.values(counts).reduce((a, b) => a + b, 0);
  return {
    rows: found.map(({ total: _total, ...row }) => row),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / CONSOLE_PAGE_SIZE)),
    counts,
  };
}

/** Regions and their towns, for the filter form. */
export async function siteFilterOptions(db: Executor) {
  const rows = await db
    .select({ regionCode: regions.code, regionName: regions.name, townId: towns.id, townName: towns.name })
    .from(regions)
    .leftJoin(towns, eq(towns.regionCode, regions.code))
    .orderBy(asc(regions.position), asc(towns.name));
  const byRegion = new Map<RegionCode, { code: RegionCode; name: string; towns: { id: number; name: string }[] }>();
  for (const row of rows) {
    let region = byRegion.get(row.regionCode);
    if (!region) byRegion.set(row.regionCode, (region = { code: row.regionCode, name: row.regionName, towns: [] }));
    if (row.townId !== null && row.townName !== null) region.towns.push({ id: row.townId, name: row.townName });
  }
  return [...byRegion.values()];
}

export interface SiteHistoryEntry {
  id: number;
  at: Date;
  fromStatus: LinkStatus | null;
  toStatus: LinkStatus;
  source: LinkSource;
  note: string | null;
  actorName: string | null;
}

/** The site of `code` with its region, town, offices and latest changes; null when unknown. */
export async function siteDetails(db: Executor, code: string) {
  const [site] = await db
    .select({
      id: sites.id,
      code: sites.code,
      name: sites.name,
      kind: sites.kind,
      address: sites.address,
      phase: sites.phase,
      capacityMbps: sites.capacityMbps,
      connectedOn: sites.connectedOn,
      linkStatus: sites.linkStatus,
      linkStatusSince: sites.linkStatusSince,
      lastHeartbeatAt: sites.lastHeartbeatAt,
      regionCode: sites.regionCode,
      regionName: regions.name,
      townName: towns.name,
    })
    .from(sites)
    .innerJoin(regions, eq(regions.code, sites.regionCode))
    .innerJoin(towns, eq(towns.id, sites.townId))
    .where(eq(sites.code, code));
  if (!site) return null;
  const [hosted, history] = await Promise.all([
    db
      .select({ code: offices.code, name: offices.name, agencyNameFr: agencies.nameFr, agencyNameEn: agencies.nameEn, acceptsOnline: offices.acceptsOnline })
      .from(offices)
      .innerJoin(agencies, eq(agencies.id, offices.agencyId))
      .where(eq(offices.siteId, site.id))
      .orderBy(asc(offices.name)),
    db
      .select({
        id: linkStatusChanges.id,
        at: linkStatusChanges.at,
        fromStatus: linkStatusChanges.fromStatus,
        toStatus: linkStatusChanges.toStatus,
        source: linkStatusChanges.source,
        note: linkStatusChanges.note,
        actorName: users.fullName,
      })
      .from(linkStatusChanges)
      .leftJoin(users, eq(users.id, linkStatusChanges.actorId))
      .where(eq(linkStatusChanges.siteId, site.id))
      .orderBy(desc(linkStatusChanges.at), desc(linkStatusChanges.id))
      .limit(HISTORY_LENGTH),
  ]);
  return { site, offices: hosted, history: history satisfies SiteHistoryEntry[] };
}

export interface SetStatusRequest {
  siteId: number;
  to: LinkStatus;
  note: string;
  actorId: string;
  ip?: string | null;
  requestId?: string | null;
  at?: Date;
}

export type SetStatusResult = { ok: true; from: LinkStatus; to: LinkStatus } | { ok: false; reason: "same_status" | "unknown_site" };

/** An operator sets a site's status by hand, with a note: history, effects and audit in one transaction. */
export async function setSiteStatusByOperator(db: Database, request: SetStatusRequest): Promise<SetStatusResult> {
  return db.transaction(async (tx) => {
    const result = await changeSiteLinkStatus(tx, {
      siteId: request.siteId,
      to: request.to,
      source: "operator",
      note: request.note,
      actorId: request.actorId,
      at: request.at,
    });
    if (!result.changed) {
      // Operators are not held back by maintenance or connection state; only these two remain.
      return { ok: false, reason: result.reason === "unknown_site" ? "unknown_site" : "same_status" };
    }
    await audit(tx, {
      action: "network.site.status_set",
      actorId: request.actorId,
      targetType: "site",
      targetId: String(request.siteId),
      ip: request.ip ?? null,
      requestId: request.requestId ?? null,
      details: { before: { linkStatus: result.from }, after: { linkStatus: result.to }, note: request.note, changeId: result.changeId },
    });
    return { ok: true, from: result.from, to: result.to };
  });
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/;
const FRENCH_INPUT = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2})[:h](\d{2})$/;

/**
 * A date and time typed in Lomé (a `datetime-local` value, or "15/06/2026 22:00" where the
 * browser shows a plain text box). Togo is on UTC all year, so local time is UTC.
 */
export function parseLomeDateTime(value: string): Date | null {
  const iso = LOCAL_INPUT.exec(value.trim());
  const fr = iso ? null : FRENCH_INPUT.exec(value.trim());
  const parts = iso ? [iso[1], iso[2], iso[3], iso[4], iso[5]] : fr ? [fr[3], fr[2], fr[1], fr[4], fr[5]] : null;
  if (!parts) return null;
  const [year, month, day, hour, minute] = parts.map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day && date.getUTCHours() === hour && date.getUTCMinutes() === minute;
  return valid ? date : null;
}

/** A Date as the value of a `datetime-local` input, in Lomé time (UTC). */
export function toLomeInputValue(date: Date): string {
  return date.toISOString().slice(0, 16);
}

// Form schemas of the console. Messages are keys of the `network` namespace.

export const NOTE_MAX_LENGTH = 500;
export const REASON_MAX_LENGTH = 300;

export const setStatusSchema = z.object({
  status: z.enum(LINK_STATUSES, { error: (issue) => (issue.input === undefined ? "validation.status.required" : "validation.status.invalid") }),
  note: z
    .string({ error: "validation.note.required" })
    .trim()
    .min(1, { error: "validation.note.required" })
    .max(NOTE_MAX_LENGTH, { error: "validation.note.tooLong" }),
});

const lomeDateTime = (field: "startsAt" | "endsAt") =>
  z.string({ error: `validation.${field}.required` }).transform((value, ctx) => {
    const date = parseLomeDateTime(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: `validation.${field}.invalid` });
      return z.NEVER;
    }
    return date;
  });

const maintenanceFields = {
  startsAt: lomeDateTime("startsAt"),
  endsAt: lomeDateTime("endsAt"),
  reason: z
    .string({ error: "validation.reason.required" })
    .trim()
    .min(1, { error: "validation.reason.required" })
    .max(REASON_MAX_LENGTH, { error: "validation.reason.tooLong" }),
};

/** A start this far in the past is still "now" (the time it took to fill the form). */
const START_TOLERANCE_MS = 60_000;

function checkPeriod(value: { startsAt: Date; endsAt: Date }, ctx: z.RefinementCtx, now: Date) {
  if (value.startsAt.getTime() < now.getTime() - START_TOLERANCE_MS) ctx.addIssue({ code: "custom", path: ["startsAt"], message: "validation.startsAt.past" });
  if (value.endsAt <= value.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "validation.endsAt.beforeStart" });
  else if (value.endsAt <= now) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "validation.endsAt.past" });
}

/** Maintenance of one site (the site comes from the page). */
export function siteMaintenanceSchema(now: Date) {
  return z.object(maintenanceFields).superRefine((value, ctx) => checkPeriod(value, ctx, now));
}

/** Maintenance of a whole region. */
export function regionMaintenanceSchema(now: Date) {
  return z
    .object({ ...maintenanceFields, region: z.enum(REGION_CODES, { error: "validation.region.required" }) })
    .superRefine((value, ctx) => checkPeriod(value, ctx, now));
}

/** maintenance.server's error keys → this namespace's (field errors; `target` is the form's). */
export function maintenanceErrorKeys(errors: Partial<Record<"target" | "startsAt" | "endsAt" | "reason", string>>) {
  const key = (field: string, message: string) => {
    const known: Record<string, string> = {
      "maintenance.errors.starts_invalid": "validation.startsAt.invalid",
      "maintenance.errors.starts_past": "validation.startsAt.past",
      "maintenance.errors.ends_invalid": "validation.endsAt.invalid",
      "maintenance.errors.ends_before_start": "validation.endsAt.beforeStart",
      "maintenance.errors.reason_required": "validation.reason.required",
      "maintenance.errors.reason_too_long": "validation.reason.tooLong",
    };
    return known[message] ?? (field === "target" ? "validation.maintenanceRefused" : `validation.${field}.invalid`);
  };
  const fieldErrors: Record<string, string[]> = {};
  const formErrors: string[] = [];
  for (const [field, message] of Object.entries(errors)) {
    if (!message) continue;
    if (field === "target") formErrors.push(key(field, message));
    else fieldErrors[field] = [key(field, message)];
  }
  return { formErrors, fieldErrors };
}
