import { and, asc, eq, sql } from "drizzle-orm";
import { officeRegions, offices, procedures, sites, towns } from "../../db/schema";
import { procedureAvailability, type Availability } from "~/domain/availability";
import type { LinkStatus, RegionCode } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";
import { loadRoutingOffices } from "./routing-data.server";

export interface ProcedureAvailabilityRow {
  procedureId: number;
  slug: string;
  titleFr: string;
  titleEn: string;
  agencyId: number;
  availability: Availability;
}

/**
 * Published procedures with their availability for a region (catalogue, procedure page,
 * GET /api/v1/procedures?region=): two queries, whatever the number of procedures.
 */
export async function listProcedureAvailability(executor: Executor, region: RegionCode): Promise<ProcedureAvailabilityRow[]> {
  const published = await executor
    .select({ procedureId: procedures.id, slug: procedures.slug, titleFr: procedures.titleFr, titleEn: procedures.titleEn, agencyId: procedures.agencyId })
    .from(procedures)
    .where(eq(procedures.status, "published"))
    .orderBy(asc(procedures.titleFr), asc(procedures.id));
  if (published.length === 0) return [];
  const routingOffices = await loadRoutingOffices(executor, { agencyIds: [...new Set(published.map((p) => p.agencyId))] });
  return published.map((p) => ({ ...p, availability: procedureAvailability({ agencyId: p.agencyId, region, offices: routingOffices }) }));
}

export interface ProcedureOffice {
  id: number;
  code: string;
  name: string;
  siteStatus: LinkStatus;
  siteName: string;
  town: string;
  /** Serves the region asked for (else listed for its national competence). */
  serves: boolean;
  nationalCompetence: boolean;
}

/**
 * The offices that may receive the procedure's online cases from a region: those serving it,
 * then those with national competence; by name.
 */
export async function officesForProcedure(executor: Executor, procedureId: number, region: RegionCode): Promise<ProcedureOffice[]> {
  const serves = sql<boolean>`exists (select 1 from ${officeRegions} where ${officeRegions.officeId} = ${offices.id} and ${officeRegions.regionCode} = ${region})`;
  const rows = await executor
    .select({
      id: offices.id,
      code: offices.code,
      name: offices.name,
      siteStatus: sites.linkStatus,
      siteName: sites.name,
      town: towns.name,
      serves,
      nationalCompetence: offices.nationalCompetence,
    })
    .from(procedures)
    .innerJoin(offices, eq(offices.agencyId, procedures.agencyId))
    .innerJoin(sites, eq(sites.id, offices.siteId))
    .innerJoin(towns, eq(towns.id, sites.townId))
    .where(and(eq(procedures.id, procedureId), eq(offices.acceptsOnline, true), sql`(${serves} or ${offices.nationalCompetence})`))
    .orderBy(sql`${serves} desc`, asc(offices.name), asc(offices.id));
  return rows.map((row) => ({ ...row, serves: Boolean(row.serves) }));
}
