import { and, asc, count, eq, type SQL } from "drizzle-orm";
import { sites, towns } from "../../db/schema";
import type { LinkStatus, RegionCode } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";

export interface PublicSite {
  code: string;
  name: string;
  region: RegionCode;
  town: string;
  status: LinkStatus;
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
};

function toPublic(row: { code: string; name: string; region: RegionCode; town: string; status: LinkStatus; since: Date }): PublicSite {
  return { code: row.code, name: row.name, region: row.region, town: row.town, status: row.status, since: row.since.toISOString() };
}

/** Buildings by code, filtered by region and status, one page (site_region_status_idx). */
export async function listPublicSites(
  db: Executor,
  filter: { region?: RegionCode; status?: LinkStatus; page: number; perPage: number },
): Promise<{ items: PublicSite[]; total: number }> {
  const conditions: SQL[] = [];
  if (filter.region) conditions.push(eq(sites.regionCode, filter.region));
  if (filter.status) conditions.push(eq(sites.linkStatus, filter.status));
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
  return { items: rows.map(toPublic), total: total?.n ?? 0 };
}

export async function findPublicSite(db: Executor, code: string): Promise<(PublicSite & { id: number }) | null> {
  const [row] = await db.select(columns).from(sites).innerJoin(towns, eq(towns.id, sites.townId)).where(eq(sites.code, code));
  return row ? { id: row.id, ...toPublic(row) } : null;
}
