import { and, asc, eq, gt, gte, inArray, isNull, sql } from "drizzle-orm";
import { agencies, linkStatusChanges, maintenanceWindows, offices, regions, sites, statusSummaries, towns } from "../../db/schema";
import { DISPLAYED_LINK_STATUSES, type DisplayedLinkStatus, type LinkStatus, type RegionCode } from "~/domain/constants";
import { displayedLinkStatus, operatorHoldActive } from "~/domain/link-combination";
import type { Executor } from "~/utils/db.server";

/**
 * The public picture of the network (status page, /api/v1/status, Atom feed), kept as one JSON
 * row (`status_summary`, id "public"). A link status change deletes the row
 * (`invalidateStatusSummary`); the next reader recomputes and stores it. A crowd during an
 * outage therefore costs one primary-key read per page, and with the in-process memo at most
 * one read per MEMO_MS per server.
 */
export const STATUS_SUMMARY_ID = "public";
/** Recompute a stored summary older than this even without a change: maintenance windows start
 * and end, the 90-day history slides, and a reader racing a change may have stored a stale copy. */
export const SUMMARY_MAX_AGE_MS = 60_000;
export const MEMO_MS = 2_000;
export const HISTORY_DAYS = 90;
/** Incident history kept in the summary (newest first). */
export const HISTORY_CAP = 200;

/** Sites per displayed status: a site whose monitoring is interrupted counts as `unknown` only. */
export type StatusCounts = Record<"total" | "connected" | "up" | "degraded" | "down" | "maintenance" | "notConnected" | "unknown", number>;

export interface RegionSummary {
  code: RegionCode;
  name: string;
  sites: StatusCounts;
}

export interface IncidentInProgress {
  site: string;
  name: string;
  region: RegionCode;
  town: string;
  status: Extract<LinkStatus, "down" | "degraded">;
  since: string;
}

export interface MaintenanceSummary {
  id: number;
  /** Null for a window over a whole region. */
  site: string | null;
  siteName: string | null;
  region: RegionCode;
  startsAt: string;
  endsAt: string;
  reason: string;
}

export interface OfficeSummary {
  code: string;
  name: string;
  town: string;
  region: RegionCode;
  /** As shown: `unknown` while the building's monitoring is interrupted. */
  status: DisplayedLinkStatus;
  /**
   * Takes online requests now: accepts online and its building is up or degraded — by its last
   * known status when its monitoring is interrupted (nothing is re-routed for a blind monitor).
   */
  online: boolean;
}

export interface AgencySummary {
  code: string;
  nameFr: string;
  nameEn: string;
  offices: OfficeSummary[];
}

/** Sites aggregated per town for the map (543 Lomé buildings would sit on one point). */
export interface TownSummary {
  name: string;
  region: RegionCode;
  lat: number;
  lng: number;
  counts: Record<DisplayedLinkStatus, number>;
}

/** Monitoring health as the public sees it: sites whose status is unknown, and since when. */
export interface MonitoringSummary {
  interrupted: boolean;
  sitesUnknown: number;
  /** The oldest interruption still open, null when none. */
  since: string | null;
}

export interface PastIncident {
  site: string;
  name: string;
  region: RegionCode;
  town: string;
  status: Extract<LinkStatus, "down" | "degraded">;
  startedAt: string;
  /** Null while in progress. */
  endedAt: string | null;
}

export interface StatusSummary {
  generatedAt: string;
  regions: RegionSummary[];
  incidents: IncidentInProgress[];
  maintenance: MaintenanceSummary[];
  agencies: AgencySummary[];
  towns: TownSummary[];
  monitoring: MonitoringSummary;
  /** Down and degraded periods that started in the last 90 days, newest first, at most 200. */
  history: PastIncident[];
}

const memo = new WeakMap<object, { at: number; summary: StatusSummary }>();

/**
 * The current summary: one primary-key read, or a recomputation when the row is missing or old.
 * Without `now` (live requests) a 2-second in-process memo answers bursts without any query.
 */
export async function getStatusSummary(db: Executor, now?: Date): Promise<StatusSummary> {
  const live = now === undefined;
  const at = now ?? new Date();
  if (live) {
    const memoised = memo.get(db);
    if (memoised && at.getTime() - memoised.at < MEMO_MS) return memoised.summary;
  }
  const [row] = await db.select().from(statusSummaries).where(eq(statusSummaries.id, STATUS_SUMMARY_ID));
  let summary: StatusSummary;
  // A row stored by an older build (without `monitoring`) is recomputed like a stale one.
  const current = row && "monitoring" in row.summary;
  if (row && current && at.getTime() - row.generatedAt.getTime() < SUMMARY_MAX_AGE_MS && at.getTime() >= row.generatedAt.getTime()) {
    summary = row.summary as unknown as StatusSummary;
  } else {
    summary = await computeStatusSummary(db, at);
    await storeStatusSummary(db, summary);
  }
  if (live) memo.set(db, { at: at.getTime(), summary });
  return summary;
}

/** Forget this process's memo (tests, and after a change made by this process when it matters). */
export function forgetStatusSummaryMemo(db: Executor): void {
  memo.delete(db);
}

async function storeStatusSummary(db: Executor, summary: StatusSummary): Promise<void> {
  const generatedAt = new Date(summary.generatedAt);
  await db
    .insert(statusSummaries)
    .values({ id: STATUS_SUMMARY_ID, generatedAt, summary: summary as unknown as Record<string, unknown> })
    .onConflictDoUpdate({ target: statusSummaries.id, set: { generatedAt, summary: sql`excluded.summary` } });
}

function emptyCounts(): StatusCounts {
  return { total: 0, connected: 0, up: 0, degraded: 0, down: 0, maintenance: 0, notConnected: 0, unknown: 0 };
}

const COUNT_KEY: Record<DisplayedLinkStatus, keyof StatusCounts> = {
  up: "up",
  degraded: "degraded",
  down: "down",
  maintenance: "maintenance",
  not_connected: "notConnected",
  unknown: "unknown",
};

export async function computeStatusSummary(db: Executor, now: Date): Promise<StatusSummary> {
  const [regionRows, siteRows, windowRows, officeRows, history] = await Promise.all([
    db.select({ code: regions.code, name: regions.name }).from(regions).orderBy(asc(regions.position)),
    db
      .select({
        id: sites.id,
        code: sites.code,
        name: sites.name,
        region: sites.regionCode,
        townId: towns.id,
        town: towns.name,
        townLat: towns.lat,
        townLng: towns.lng,
        status: sites.linkStatus,
        since: sites.linkStatusSince,
        monitoringLostAt: sites.monitoringLostAt,
        operatorHeld: sites.operatorHeld,
        operatorHoldUntil: sites.operatorHoldUntil,
      })
      .from(sites)
      .innerJoin(towns, eq(towns.id, sites.townId))
      .orderBy(asc(sites.code)),
    db
      .select({
        id: maintenanceWindows.id,
        site: sites.code,
        siteName: sites.name,
        siteRegion: sites.regionCode,
        region: maintenanceWindows.regionCode,
        startsAt: maintenanceWindows.startsAt,
        endsAt: maintenanceWindows.endsAt,
        reason: maintenanceWindows.reason,
      })
      .from(maintenanceWindows)
      .leftJoin(sites, eq(sites.id, maintenanceWindows.siteId))
      .where(and(isNull(maintenanceWindows.cancelledAt), gt(maintenanceWindows.endsAt, now)))
      .orderBy(asc(maintenanceWindows.startsAt)),
    db
      .select({
        agencyCode: agencies.code,
        agencyFr: agencies.nameFr,
        agencyEn: agencies.nameEn,
        code: offices.code,
        name: offices.name,
        acceptsOnline: offices.acceptsOnline,
        siteId: offices.siteId,
      })
      .from(offices)
      .innerJoin(agencies, eq(agencies.id, offices.agencyId))
      .orderBy(asc(agencies.nameFr), asc(offices.code)),
    incidentHistory(db, now),
  ]);

  const byRegion = new Map(regionRows.map((r) => [r.code, { code: r.code, name: r.name, sites: emptyCounts() }]));
  const byTown = new Map<number, TownSummary>();
  const siteById = new Map(siteRows.map((s) => [s.id, s]));
  const incidents: IncidentInProgress[] = [];
  const shown = new Map(siteRows.map((s) => [s.id, displayedLinkStatus({ linkStatus: s.status, monitoringLostAt: s.monitoringLostAt, operatorHeld: s.operatorHeld && operatorHoldActive({ until: s.operatorHoldUntil }, now) })]));
  const monitoring: MonitoringSummary = { interrupted: false, sitesUnknown: 0, since: null };
  for (const site of siteRows) {
    const status = shown.get(site.id) ?? site.status;
    const counts = byRegion.get(site.region)?.sites;
    if (counts) {
      counts.total += 1;
      counts[COUNT_KEY[status]] += 1;
      if (status !== "not_connected") counts.connected += 1;
    }
    let town = byTown.get(site.townId);
    if (!town) {
      const zero = Object.fromEntries(DISPLAYED_LINK_STATUSES.map((s) => [s, 0])) as Record<DisplayedLinkStatus, number>;
      town = { name: site.town, region: site.region, lat: site.townLat, lng: site.townLng, counts: zero };
      byTown.set(site.townId, town);
    }
    town.counts[status] += 1;
    if (status === "unknown" && site.monitoringLostAt) {
      monitoring.sitesUnknown += 1;
      const lost = site.monitoringLostAt.toISOString();
      if (!monitoring.since || lost < monitoring.since) monitoring.since = lost;
    }
    // An incident is a known one: a site whose monitoring is interrupted shows in `monitoring`.
    if (status === "down" || status === "degraded") {
      incidents.push({ site: site.code, name: site.name, region: site.region, town: site.town, status, since: site.since.toISOString() });
    }
  }
  incidents.sort((a, b) => (a.status === b.status ? b.since.localeCompare(a.since) : a.status === "down" ? -1 : 1));

  const agencyMap = new Map<string, AgencySummary>();
  for (const office of officeRows) {
    const site = siteById.get(office.siteId);
    if (!site) continue;
    let agency = agencyMap.get(office.agencyCode);
    if (!agency) {
      agency = { code: office.agencyCode, nameFr: office.agencyFr, nameEn: office.agencyEn, offices: [] };
      agencyMap.set(office.agencyCode, agency);
    }
    agency.offices.push({
      code: office.code,
      name: office.name,
      town: site.town,
      region: site.region,
      status: shown.get(site.id) ?? site.status,
      online: office.acceptsOnline && (site.status === "up" || site.status === "degraded"),
    });
  }

  return {
    generatedAt: now.toISOString(),
    regions: [...byRegion.values()],
    incidents,
    maintenance: windowRows.map((w) => ({
      id: w.id,
      site: w.site,
      siteName: w.siteName,
      region: (w.region ?? w.siteRegion) as RegionCode,
      startsAt: w.startsAt.toISOString(),
      endsAt: w.endsAt.toISOString(),
      reason: w.reason,
    })),
    agencies: [...agencyMap.values()],
    towns: [...byTown.values()],
    monitoring: { ...monitoring, interrupted: monitoring.sitesUnknown > 0 },
    history,
  };
}

/**
 * Down and degraded periods started in the last 90 days: each such change, ended by the site's
 * next change (LEAD over the site's history).
 */
async function incidentHistory(db: Executor, now: Date): Promise<PastIncident[]> {
  const since = new Date(now.getTime() - HISTORY_DAYS * 24 * 60 * 60 * 1000);
  const periods = db
    .select({
      siteId: linkStatusChanges.siteId,
      status: linkStatusChanges.toStatus,
      startedAt: linkStatusChanges.at,
      endedAt: sql<Date | string | null>`lead(${linkStatusChanges.at}) over (partition by ${linkStatusChanges.siteId} order by ${linkStatusChanges.at}, ${linkStatusChanges.id})`.as("ended_at"),
    })
    .from(linkStatusChanges)
    .where(gte(linkStatusChanges.at, since))
    .as("periods");
  const rows = await db
    .select({
      site: sites.code,
      name: sites.name,
      region: sites.regionCode,
      town: towns.name,
      status: periods.status,
      startedAt: periods.startedAt,
      endedAt: periods.endedAt,
    })
    .from(periods)
    .innerJoin(sites, eq(sites.id, periods.siteId))
    .innerJoin(towns, eq(towns.id, sites.townId))
    .where(inArray(periods.status, ["down", "degraded"]))
    .orderBy(sql`${periods.startedAt} desc`)
    .limit(HISTORY_CAP);
  return rows.map((r) => ({
    site: r.site,
    name: r.name,
    region: r.region,
    town: r.town,
    status: r.status as PastIncident["status"],
    startedAt: new Date(r.startedAt).toISOString(),
    endedAt: r.endedAt === null ? null : new Date(r.endedAt).toISOString(),
  }));
}

/** Maintenance windows split into those in progress and those announced ahead. */
export function splitMaintenance(windows: readonly MaintenanceSummary[], now: Date) {
  const t = now.getTime();
  return {
    current: windows.filter((w) => Date.parse(w.startsAt) <= t && Date.parse(w.endsAt) > t),
    planned: windows.filter((w) => Date.parse(w.startsAt) > t),
  };
}
