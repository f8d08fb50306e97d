import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { agencies, auditLog, linkStatusChanges, offices, regions, siteMonitoringGaps, sites, towns, users } from "../../db/schema";
import { z } from "zod";
import { LINK_STATUSES, REGION_CODES, type DisplayedLinkStatus, type LinkSource, type LinkStatus, type MonitoringLossReason, type RegionCode, type SiteKind } from "~/domain/constants";
import { COMBINATION_RULES, displayedLinkStatus, HOLD_CHOICES, operatorHoldActive, type CombinationRule, type HoldChoice } from "~/domain/link-combination";
import { audit } from "~/services/audit.server";
import { changeSiteLinkStatus, invalidateStatusSummary } from "~/services/link-status.server";
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
  /** As the status page shows it: `unknown` while the site's monitoring is interrupted. */
  shownStatus: DisplayedLinkStatus;
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
        monitoringLostAt: sites.monitoringLostAt,
        operatorHeld: sites.operatorHeld,
        operatorHoldUntil: sites.operatorHoldUntil,
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
    rows: found.map(({ total: _total, monitoringLostAt, operatorHeld, operatorHoldUntil, ...row }) => ({
      ...row,
      shownStatus: displayedLinkStatus({
        linkStatus: row.linkStatus,
        monitoringLostAt,
        operatorHeld: operatorHeld && operatorHoldActive({ until: operatorHoldUntil }, new Date()),
      }),
    })),
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

/** One row of a site's history: a status change, or a stretch of interrupted monitoring. */
export type SiteHistoryEntry =
  | {
      kind: "change";
      id: number;
      at: Date;
      fromStatus: LinkStatus | null;
      toStatus: LinkStatus;
      source: LinkSource;
      note: string | null;
      actorName: string | null;
      /** The combination rule that decided an automatic change; null for the operator's and older rows. */
      rule: CombinationRule | null;
    }
  | { kind: "gap"; id: number; at: Date; endedAt: Date | null; reason: MonitoringLossReason; knownStatus: LinkStatus };

/** An operator's hold in force: until when (null: until released), since when and by whom. */
export interface SiteHold {
  until: Date | null;
  setAt: Date | null;
  actorName: string | null;
}

const HOLD_AUDIT_ACTIONS = ["network.site.status_set", "network.site.hold_set"] as const;

const asRule = (value: string | null): CombinationRule | null => (COMBINATION_RULES as readonly string[]).includes(value ?? "") ? (value as CombinationRule) : null;

/**
 * The site of `code` with its region, town, offices, the operator's hold in force (an expired
 * hold is no hold), its monitoring health and its latest history — status changes and
 * monitoring gaps together, newest first; null when unknown.
 */
export async function siteDetails(db: Executor, code: string, now: Date = new Date()) {
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
      monitoringLostAt: sites.monitoringLostAt,
      monitoringLostReason: sites.monitoringLostReason,
      operatorHeld: sites.operatorHeld,
      operatorHoldUntil: sites.operatorHoldUntil,
      regionCode: sites.regionCode,
      regionName: regions.name,
      townName: towns.name,
    })
    .from(sites)
    .innerJoin(regions, eq(regions.code, sites.regionCode))
    .innerJoin(towns, eq(towns.id, sites.townId))
    .where(eq(sites.code, code));
  if (!site) return null;
  const held = operatorHoldActive(site.operatorHeld ? { until: site.operatorHoldUntil } : null, now);
  const [hosted, changes, gaps, holdSet] = await Promise.all([
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
        rule: linkStatusChanges.rule,
      })
      .from(linkStatusChanges)
      .leftJoin(users, eq(users.id, linkStatusChanges.actorId))
      .where(eq(linkStatusChanges.siteId, site.id))
      .orderBy(desc(linkStatusChanges.at), desc(linkStatusChanges.id))
      .limit(HISTORY_LENGTH),
    db
      .select()
      .from(siteMonitoringGaps)
      .where(eq(siteMonitoringGaps.siteId, site.id))
      .orderBy(desc(siteMonitoringGaps.startedAt), desc(siteMonitoringGaps.id))
      .limit(HISTORY_LENGTH),
    held
      ? db
          .select({ at: auditLog.at, actorName: users.fullName })
          .from(auditLog)
          .leftJoin(users, eq(users.id, auditLog.actorId))
          .where(and(eq(auditLog.targetType, "site"), eq(auditLog.targetId, String(site.id)), inArray(auditLog.action, [...HOLD_AUDIT_ACTIONS])))
          .orderBy(desc(auditLog.at), desc(auditLog.id))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const history: SiteHistoryEntry[] = [
    ...changes.map((c) => ({ kind: "change" as const, ...c, rule: c.source === "operator" ? null : asRule(c.rule) })),
    ...gaps.map((g) => ({ kind: "gap" as const, id: g.id, at: g.startedAt, endedAt: g.endedAt, reason: g.reason, knownStatus: g.knownStatus })),
  ]
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.kind === b.kind ? b.id - a.id : a.kind === "gap" ? -1 : 1))
    .slice(0, HISTORY_LENGTH);
  const hold: SiteHold | null = held ? { until: site.operatorHoldUntil, setAt: holdSet[0]?.at ?? null, actorName: holdSet[0]?.actorName ?? null } : null;
  return { site, hold, offices: hosted, history };
}


export interface SetStatusRequest {
  siteId: number;
  to: LinkStatus;
  note: string;
  actorId: string;
  /** The hold that comes with the status; until released when missing. */
  hold?: { until: Date | null };
  ip?: string | null;
  requestId?: string | null;
  at?: Date;
}

export type SetStatusResult =
  | { ok: true; from: LinkStatus; to: LinkStatus; heldUntil: Date | null }
  | { ok: false; reason: "same_status" | "unknown_site" | "hold_past" };

const holdDetails = (hold: { until: Date | null } | null) => (hold ? { until: hold.until ? hold.until.toISOString() : null } : null);

/**
 * An operator sets a site's status by hand, with a note, and holds it (combination rule 3) until
 * released or until `hold.until`: history, effects, the hold and the audit in one transaction.
 * The same status as the current one is accepted when the hold changes (only the hold and the
 * audit are written then, as there is no status change to record).
 */
export async function setSiteStatusByOperator(db: Database, request: SetStatusRequest): Promise<SetStatusResult> {
  const at = request.at ?? new Date();
  const hold = request.hold ?? { until: null };
  if (hold.until && hold.until.getTime() <= at.getTime()) return { ok: false, reason: "hold_past" };
  return db.transaction(async (tx) => {
    const [site] = await tx
      .select({ id: sites.id, linkStatus: sites.linkStatus, operatorHeld: sites.operatorHeld, operatorHoldUntil: sites.operatorHoldUntil })
      .from(sites)
      .where(eq(sites.id, request.siteId))
      .for("update");
    if (!site) return { ok: false, reason: "unknown_site" };
    const before = operatorHoldActive(site.operatorHeld ? { until: site.operatorHoldUntil } : null, at) ? { until: site.operatorHoldUntil } : null;
    let changeId: number | null = null;
    if (site.linkStatus === request.to) {
      const sameHold = before !== null && (before.until?.getTime() ?? null) === (hold.until?.getTime() ?? null);
      if (sameHold) return { ok: false, reason: "same_status" };
    } else {
      const result = await changeSiteLinkStatus(tx, { siteId: site.id, to: request.to, source: "operator", note: request.note, actorId: request.actorId, at });
      // Operators are not held back by maintenance or connection state; only these two remain.
      if (!result.changed) return { ok: false, reason: result.reason === "unknown_site" ? "unknown_site" : "same_status" };
      changeId = result.changeId;
    }
    await tx.update(sites).set({ operatorHeld: true, operatorHoldUntil: hold.until, updatedAt: at }).where(eq(sites.id, site.id));
    // A held site shows its status, not `unknown`: the public summary is recomputed.
    if (changeId === null) await invalidateStatusSummary(tx);
    await audit(tx, {
      action: changeId === null ? "network.site.hold_set" : "network.site.status_set",
      actorId: request.actorId,
      targetType: "site",
      targetId: String(site.id),
      ip: request.ip ?? null,
      requestId: request.requestId ?? null,
      details: {
        before: { linkStatus: site.linkStatus, hold: holdDetails(before) },
        after: { linkStatus: request.to, hold: holdDetails(hold) },
        note: request.note,
        changeId,
      },
    });
    return { ok: true, from: site.linkStatus, to: request.to, heldUntil: hold.until };
  });
}

export interface ReleaseHoldRequest {
  siteId: number;
  actorId: string;
  ip?: string | null;
  requestId?: string | null;
  at?: Date;
}

export type ReleaseHoldResult = { ok: true; status: LinkStatus } | { ok: false; reason: "not_held" | "unknown_site" };

/**
 * The operator releases a site's status: probes and alerts decide again from their next
 * evidence. The status itself does not change, so only the audit records it.
 */
export async function releaseSiteHold(db: Database, request: ReleaseHoldRequest): Promise<ReleaseHoldResult> {
  const at = request.at ?? new Date();
  return db.transaction(async (tx) => {
    const [site] = await tx
      .select({ id: sites.id, linkStatus: sites.linkStatus, operatorHeld: sites.operatorHeld, operatorHoldUntil: sites.operatorHoldUntil })
      .from(sites)
      .where(eq(sites.id, request.siteId))
      .for("update");
    if (!site) return { ok: false, reason: "unknown_site" };
    if (!operatorHoldActive(site.operatorHeld ? { until: site.operatorHoldUntil } : null, at)) return { ok: false, reason: "not_held" };
    await tx.update(sites).set({ operatorHeld: false, operatorHoldUntil: null, updatedAt: at }).where(eq(sites.id, site.id));
    await invalidateStatusSummary(tx);
    await audit(tx, {
      action: "network.site.hold_released",
      actorId: request.actorId,
      targetType: "site",
      targetId: String(site.id),
      ip: request.ip ?? null,
      requestId: request.requestId ?? null,
      details: { linkStatus: site.linkStatus, before: { hold: holdDetails({ until: site.operatorHoldUntil }) }, after: { hold: null } },
    });
    return { ok: true, status: site.linkStatus };
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

const HOURS_BY_CHOICE: Partial<Record<HoldChoice, number>> = { "1": 1, "4": 4, "24": 24 };

/**
 * The operator's status form: the status, a note, and how long the status holds (until
 * released by default, 1, 4 or 24 hours, or until a date and time in Lomé, which must be in the
 * future). The value carries the hold's end: null until released.
 */
export function setStatusSchema(now: Date) {
  return z
    .object({
      status: z.enum(LINK_STATUSES, { error: (issue) => (issue.input === undefined ? "validation.status.required" : "validation.status.invalid") }),
      note: z
        .string({ error: "validation.note.required" })
        .trim()
        .min(1, { error: "validation.note.required" })
        .max(NOTE_MAX_LENGTH, { error: "validation.note.tooLong" }),
      hold: z.enum(HOLD_CHOICES, { error: (issue) => (issue.input === undefined ? "validation.hold.required" : "validation.hold.invalid") }),
      holdUntil: z.string().optional(),
    })
    .transform((value, ctx) => {
      let until: Date | null = null;
      const hours = HOURS_BY_CHOICE[value.hold];
      if (hours !== undefined) until = new Date(now.getTime() + hours * 60 * 60 * 1000);
      else if (value.hold === "until") {
        const typed = value.holdUntil?.trim();
        until = typed ? parseLomeDateTime(typed) : null;
        const message = !typed ? "validation.holdUntil.required" : !until ? "validation.holdUntil.invalid" : until.getTime() <= now.getTime() ? "validation.holdUntil.past" : null;
        if (message) {
          ctx.addIssue({ code: "custom", path: ["holdUntil"], message });
          return z.NEVER;
        }
      }
      return { status: value.status, note: value.note, hold: { until } };
    });
}

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
