import { and, asc, count, eq, sql, type SQL } from "drizzle-orm";
import { sites, towns } from "../../db/schema";
import type { DisplayedLinkStatus, LinkStatus, RegionCode } from "~/domain/constants";
import { displayedLinkStatus, operatorHoldActive } from "~/domain/link-combination";
import type { Executor } from "~/utils/db.server";

export interface PublicSite {
  code: string;
  name: string;
  region: RegionCode;
  town: string;
  /** As shown on the status page: `unknown` while the building's monitoring is interrupted. */
  status: DisplayedLinkStatus;
  /** The last status the monitoring established (what routing acts on); equals `status` unless unknown. */
  knownStatus: LinkStatus;
  since: string;
}

const columns = {
  id: sites.id,
  code: sites.code,
  name: sites.name,
  region: sites.regionCode,
  town: towns.name,
  status: sites.linkStatus,
  since: sites.linkStatusSince,
  monitoringLostAt: sites.monitoringLostAt,
  operatorHeld: sites.operatorHeld,
  operatorHoldUntil: sites.operatorHoldUntil,
};

type Row = { code: string; name: string; region: RegionCode; town: string; status: LinkStatus; since: Date; monitoringLostAt: Date | null; operatorHeld: boolean; operatorHoldUntil: Date | null };

/**
 * The SQL twin of displayedLinkStatus (app/domain/link-combination.ts) for filtering: shown as
 * unknown while monitoring is lost, unless in maintenance, not connected or held by an operator.
 */
const shownUnknown = sql`(${sites.monitoringLostAt} is not null and ${sites.linkStatus} not in ('maintenance', 'not_connected')
  and not (${sites.operatorHeld} and (${sites.operatorHoldUntil} is null or ${sites.operatorHoldUntil} > now())))`;

function toPublic(row: Row, now = new Date()): PublicSite {
  const held = row.operatorHeld && operatorHoldActive({ until: row.operatorHoldUntil }, now);
  const status = displayedLinkStatus({ linkStatus: row.status, monitoringLostAt: row.monitoringLostAt, operatorHeld: held });
  return { code: row.code, name: row.name, region: row.region, town: row.town, status, knownStatus: row.status, since: row.since.toISOString() };
}

/** Buildings by code, filtered by region and status, one page (site_region_status_idx). */
export async function listPublicSites(
  db: Executor,
  filter: { region?: RegionCode; status?: DisplayedLinkStatus; page: number; perPage: number },
): Promise<{ items: PublicSite[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.region) conditions.push(eq(sites.regionCode, filter.region));
  if (filter.status === "unknown") conditions.push(shownUnknown);
  else if (filter.status) conditions.push(eq(sites.linkStatus, filter.status), sql`not ${shownUnknown}`);
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(sites)
      .innerJoin(towns, eq(towns.id, sites.townId))
      .where(where)
      .orderBy(asc(sites.code))
      .limit(filter.perPage)
      .offset((filter.page - 1) * filter.perPage),
    db.select({ n: count() }).from(sites).where(where),
  ]);
  return { items: rows.map((row) => toPublic(row)), total: total?.n ?? 0 };
}

export async function findPublicSite(db: Executor, code: string): Promise<(PublicSite & { id: number }) | null> {
  const [row] = await db.select(columns).from(sites).innerJoin(towns, eq(towns.id, sites.townId)).where(eq(sites.code, code));
  return row ? { id: row.id, ...toPublic(row) } : null;
}
