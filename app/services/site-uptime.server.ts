import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { linkStatusChanges } from "../../db/schema";
import { DAY_MS, incidents, UPTIME_PERIODS, uptime, type Incident, type StatusChange, type Uptime, type UptimePeriod } from "~/domain/uptime";
import type { Executor } from "~/utils/db.server";

const LONGEST_PERIOD_DAYS = Math.max(...Object.values(UPTIME_PERIODS));

/**
 * The site's changes of the last `days` days up to `now`, plus the latest one before them (it
 * gives the status at the window start) — one query on the (site_id, at) index.
 */
export async function siteChangeLog(db: Executor, siteId: number, now: Date, days = LONGEST_PERIOD_DAYS): Promise<StatusChange[]> {
  const start = new Date(now.getTime() - days * DAY_MS);
  const lastBefore = sql`(select max(${linkStatusChanges.at}) from ${linkStatusChanges} where ${linkStatusChanges.siteId} = ${siteId} and ${linkStatusChanges.at} <= ${start.toISOString()})`;
  return db
    .select({ at: linkStatusChanges.at, toStatus: linkStatusChanges.toStatus })
    .from(linkStatusChanges)
    .where(
      and(
        eq(linkStatusChanges.siteId, siteId),
        lte(linkStatusChanges.at, now),
        gte(linkStatusChanges.at, sql`coalesce(${lastBefore}, ${start.toISOString()}::timestamptz)`),
      ),
    )
    .orderBy(asc(linkStatusChanges.at), asc(linkStatusChanges.id));
}

function windowOf(changes: readonly StatusChange[], now: Date, days: number) {
  return { changes, statusBefore: null, from: new Date(now.getTime() - days * DAY_MS), now };
}

/** Uptime ratios (0..1, or null when nothing was measurable) over 24 h, 7, 30 and 90 days. */
export async function siteUptime(db: Executor, siteId: number, now: Date = new Date()): Promise<Record<UptimePeriod, number | null>> {
  const changes = await siteChangeLog(db, siteId, now);
  const result = {} as Record<UptimePeriod, number | null>;
  for (const [period, days] of Object.entries(UPTIME_PERIODS) as [UptimePeriod, number][]) {
    result[period] = uptime(windowOf(changes, now, days)).ratio;
  }
  return result;
}

export interface SiteUptimeReport {
  uptime: Record<UptimePeriod, Uptime>;
  /** Down and degraded periods of the last 90 days, latest first. */
  incidents: Incident[];
}

/** The detailed figures of the operator's site page, from the same single query. */
export async function siteUptimeReport(db: Executor, siteId: number, now: Date = new Date()): Promise<SiteUptimeReport> {
  const changes = await siteChangeLog(db, siteId, now);
  const byPeriod = {} as Record<UptimePeriod, Uptime>;
  for (const [period, days] of Object.entries(UPTIME_PERIODS) as [UptimePeriod, number][]) {
    byPeriod[period] = uptime(windowOf(changes, now, days));
  }
  return { uptime: byPeriod, incidents: incidents(windowOf(changes, now, LONGEST_PERIOD_DAYS)) };
}
