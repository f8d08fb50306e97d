import { and, asc, desc, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import { linkStatusChanges, maintenanceWindows, regions, sites } from "../../db/schema";
import { REGION_CODES, type RegionCode } from "~/domain/constants";
import type { Database, Executor } from "~/utils/db.server";
import { audit } from "./audit.server";
import { changeSiteLinkStatus } from "./link-status.server";
import type { PeriodicJob } from "./periodic-jobs.server";

export type MaintenanceWindow = typeof maintenanceWindows.$inferSelect;

export interface PlanMaintenanceInput {
  siteId?: number | null;
  regionCode?: RegionCode | null;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  actorId: string;
  now?: Date;
}

/** Field → i18n key (routing namespace), for the operator's form. */
export type MaintenanceErrors = Partial<Record<"target" | "startsAt" | "endsAt" | "reason", string>>;

export type PlanMaintenanceResult = { ok: true; window: MaintenanceWindow } | { ok: false; errors: MaintenanceErrors };

/** A start this far in the past is still "now" (the time it took to fill the form). */
const START_TOLERANCE_MS = 60_000;
const REASON_MAX = 500;

/** Checks of a planned window, without the database. */
export function validateMaintenance(input: PlanMaintenanceInput, now: Date): MaintenanceErrors {
  const errors: MaintenanceErrors = {};
  const hasSite = input.siteId != null;
  const hasRegion = input.regionCode != null;
  if (hasSite === hasRegion) errors.target = "maintenance.errors.target";
  else if (hasRegion && !REGION_CODES.includes(input.regionCode!)) errors.target = "maintenance.errors.target";
  if (Number.isNaN(input.startsAt.getTime())) errors.startsAt = "maintenance.errors.starts_invalid";
  else if (input.startsAt.getTime() < now.getTime() - START_TOLERANCE_MS) errors.startsAt = "maintenance.errors.starts_past";
  if (Number.isNaN(input.endsAt.getTime())) errors.endsAt = "maintenance.errors.ends_invalid";
  else if (!errors.startsAt && input.endsAt.getTime() <= input.startsAt.getTime()) errors.endsAt = "maintenance.errors.ends_before_start";
  const reason = input.reason.trim();
  if (reason === "") errors.reason = "maintenance.errors.reason_required";
  else if (reason.length > REASON_MAX) errors.reason = "maintenance.errors.reason_too_long";
  return errors;
}

/**
 * Plans a maintenance window for one site or a whole region (operator console). A window that
 * starts now takes effect at once; a later one is started by maintenanceJob.
 */
export async function planMaintenance(db: Database, input: PlanMaintenanceInput): Promise<PlanMaintenanceResult> {
  const now = input.now ?? new Date();
  const errors = validateMaintenance(input, now);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return db.transaction(async (tx) => {
    if (input.siteId != null) {
      const [site] = await tx.select({ id: sites.id }).from(sites).where(eq(sites.id, input.siteId));
      if (!site) return { ok: false as const, errors: { target: "maintenance.errors.target" } };
    }
    const [window] = await tx
      .insert(maintenanceWindows)
      .values({
        siteId: input.siteId ?? null,
        regionCode: input.siteId != null ? null : (input.regionCode ?? null),
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        reason: input.reason.trim(),
        createdBy: input.actorId,
      })
      .returning();
    await audit(tx, {
      action: "network.maintenance.plan",
      actorId: input.actorId,
      targetType: "maintenance_window",
      targetId: String(window!.id),
      details: { siteId: window!.siteId, regionCode: window!.regionCode, startsAt: window!.startsAt, endsAt: window!.endsAt, reason: window!.reason },
    });
    if (window!.startsAt <= now) await applyMaintenanceSchedule(tx, now);
    return { ok: true as const, window: window! };
  });
}

export type CancelMaintenanceResult = { ok: true } | { ok: false; reason: "not_found" | "already_cancelled" | "already_ended" };

/** Cancels a window; if it was in progress, its sites come back (unless another window covers them). */
export async function cancelMaintenance(
  db: Database,
  input: { windowId: number; actorId: string; now?: Date },
): Promise<CancelMaintenanceResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [window] = await tx.select().from(maintenanceWindows).where(eq(maintenanceWindows.id, input.windowId)).for("update");
    if (!window) return { ok: false as const, reason: "not_found" as const };
    if (window.cancelledAt) return { ok: false as const, reason: "already_cancelled" as const };
    if (window.endsAt <= now) return { ok: false as const, reason: "already_ended" as const };
    await tx.update(maintenanceWindows).set({ cancelledAt: now }).where(eq(maintenanceWindows.id, window.id));
    await audit(tx, {
      action: "network.maintenance.cancel",
      actorId: input.actorId,
      targetType: "maintenance_window",
      targetId: String(window.id),
      details: { siteId: window.siteId, regionCode: window.regionCode, startsAt: window.startsAt, endsAt: window.endsAt },
    });
    if (window.startsAt <= now) await applyMaintenanceSchedule(tx, now);
    return { ok: true as const };
  });
}

/** Windows in force at `now`. */
const inForce = (now: Date) => and(isNull(maintenanceWindows.cancelledAt), lte(maintenanceWindows.startsAt, now), gt(maintenanceWindows.endsAt, now));
const covers = or(eq(maintenanceWindows.siteId, sites.id), eq(maintenanceWindows.regionCode, sites.regionCode));

export interface MaintenanceRunResult {
  started: number[];
  ended: number[];
}

/**
 * Brings the sites in line with the schedule: a site inside a window goes to `maintenance`; a site
 * the schedule put in maintenance and no window covers any more goes back to `up` (the probes
 * correct it if the link is in fact down). A maintenance an operator set by hand is left alone.
 * Idempotent; changeSiteLinkStatus re-reads each site under lock, so two servers running it at
 * once change each site once.
 */
export async function applyMaintenanceSchedule(tx: Executor, now: Date): Promise<MaintenanceRunResult> {
  const toStart = await tx
    .selectDistinctOn([sites.id], { siteId: sites.id, reason: maintenanceWindows.reason })
    .from(sites)
    .innerJoin(maintenanceWindows, and(covers, inForce(now)))
    .where(and(ne(sites.linkStatus, "maintenance"), ne(sites.linkStatus, "not_connected")))
    .orderBy(sites.id, asc(maintenanceWindows.startsAt));
  const started: number[] = [];
  for (const row of toStart) {
    const result = await changeSiteLinkStatus(tx, { siteId: row.siteId, to: "maintenance", source: "system", note: row.reason, at: now });
    if (result.changed) started.push(row.siteId);
  }

  // The last change into maintenance was the schedule's (source system), and nothing covers it now.
  const lastChange = tx
    .select({ source: linkStatusChanges.source })
    .from(linkStatusChanges)
    .where(and(eq(linkStatusChanges.siteId, sites.id), eq(linkStatusChanges.toStatus, "maintenance")))
    // Insertion order: the change that put the site in its current maintenance.
    .orderBy(desc(linkStatusChanges.id))
    .limit(1);
  const toEnd = await tx
    .select({ siteId: sites.id })
    .from(sites)
    .where(
      and(
        eq(sites.linkStatus, "maintenance"),
        sql`(${lastChange}) = 'system'`,
        sql`not exists (select 1 from ${maintenanceWindows} where ${and(covers, inForce(now))})`,
      ),
    );
  const ended: number[] = [];
  for (const row of toEnd) {
    const result = await changeSiteLinkStatus(tx, { siteId: row.siteId, to: "up", source: "system", note: "Fin de la maintenance planifiée", at: now });
    if (result.changed) ended.push(row.siteId);
  }
  return { started, ended };
}

export const maintenanceJob: PeriodicJob = {
  name: "maintenance-schedule",
  intervalMs: 60_000,
  run: (db, now) => db.transaction((tx) => applyMaintenanceSchedule(tx, now)),
};

export interface MaintenanceListItem {
  id: number;
  state: "current" | "upcoming";
  siteId: number | null;
  siteCode: string | null;
  siteName: string | null;
  regionCode: RegionCode;
  regionName: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

/** Windows not cancelled, in progress and/or to come, soonest first (status page, console). */
export async function listMaintenance(
  executor: Executor,
  options: { upcoming?: boolean; current?: boolean; now?: Date; limit?: number; siteId?: number; regionCode?: RegionCode } = {},
): Promise<MaintenanceListItem[]> {
  const now = options.now ?? new Date();
  const wantCurrent = options.current ?? true;
  const wantUpcoming = options.upcoming ?? true;
  if (!wantCurrent && !wantUpcoming) return [];
  const period = wantCurrent && wantUpcoming ? gt(maintenanceWindows.endsAt, now) : wantCurrent ? inForce(now) : gt(maintenanceWindows.startsAt, now);
  const rows = await executor
    .select({
      id: maintenanceWindows.id,
      siteId: maintenanceWindows.siteId,
      siteCode: sites.code,
      siteName: sites.name,
      regionCode: sql<RegionCode>`coalesce(${sites.regionCode}, ${maintenanceWindows.regionCode})`,
      regionName: regions.name,
      startsAt: maintenanceWindows.startsAt,
      endsAt: maintenanceWindows.endsAt,
      reason: maintenanceWindows.reason,
    })
    .from(maintenanceWindows)
    .leftJoin(sites, eq(sites.id, maintenanceWindows.siteId))
    .innerJoin(regions, eq(regions.code, sql`coalesce(${sites.regionCode}, ${maintenanceWindows.regionCode})`))
    .where(
      and(
        isNull(maintenanceWindows.cancelledAt),
        period,
        options.siteId !== undefined
          ? or(eq(maintenanceWindows.siteId, options.siteId), sql`${maintenanceWindows.regionCode} = (select s.region_code from site s where s.id = ${options.siteId})`)
          : undefined,
        options.regionCode ? sql`coalesce(${sites.regionCode}, ${maintenanceWindows.regionCode}) = ${options.regionCode}` : undefined,
      ),
    )
    .orderBy(asc(maintenanceWindows.startsAt), asc(maintenanceWindows.id))
    .limit(options.limit ?? 100);
  return rows.map((row) => ({ ...row, state: row.startsAt <= now ? ("current" as const) : ("upcoming" as const) }));
}
