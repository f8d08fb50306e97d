import { and, eq, inArray, sql } from "drizzle-orm";
import { cases, offices, officeRegions, sites, users } from "../../db/schema";
import type { Locale, RegionCode } from "~/domain/constants";
import { OPEN_CASE_STATUSES, type RoutingOffice } from "~/domain/routing";
import type { Executor } from "~/utils/db.server";
import type { OutgoingNotification } from "./outbox.server";

export interface RoutingOfficeRow extends RoutingOffice {
  name: string;
  siteId: number;
}

/**
 * The offices routing needs, with their building's link status and (optionally) their open-case
 * count, in one query. `agencyIds` narrows to the agencies of the cases at hand.
 */
export async function loadRoutingOffices(
  executor: Executor,
  options: { agencyIds?: readonly number[]; withOpenCases?: boolean } = {},
): Promise<RoutingOfficeRow[]> {
  if (options.agencyIds && options.agencyIds.length === 0) return [];
  const openCases = options.withOpenCases
    ? sql<number>`(select count(*) from ${cases} where ${cases.officeId} = ${offices.id} and ${inArray(cases.status, [...OPEN_CASE_STATUSES])})`
    : sql<number>`0`;
  const rows = await executor
    .select({
      id: offices.id,
      name: offices.name,
      agencyId: offices.agencyId,
      siteId: offices.siteId,
      acceptsOnline: offices.acceptsOnline,
      nationalCompetence: offices.nationalCompetence,
      siteStatus: sites.linkStatus,
      regions: sql<string | null>`(select string_agg(${officeRegions.regionCode}, ',') from ${officeRegions} where ${officeRegions.officeId} = ${offices.id})`,
      openCases,
    })
    .from(offices)
    .innerJoin(sites, eq(sites.id, offices.siteId))
    .where(options.agencyIds ? inArray(offices.agencyId, [...options.agencyIds]) : undefined);
  return rows.map((row) => ({
    ...row,
    regions: (row.regions ? row.regions.split(",") : []) as RegionCode[],
    openCases: Number(row.openCases),
  }));
}

export interface NotifiedUser {
  id: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
  notifyByEmail: boolean;
  notifyBySms: boolean;
}

/** Columns of `user` needed to notify someone. */
export const notifiedUserColumns = {
  id: users.id,
  email: users.email,
  phone: users.phone,
  locale: users.locale,
  notifyByEmail: users.notifyByEmail,
  notifyBySms: users.notifyBySms,
};

/** One message on every channel the person accepts, plus the in-portal notification. */
export function notificationsFor(user: NotifiedUser, template: string, payload: Record<string, unknown>): OutgoingNotification[] {
  const base = { userId: user.id, template, locale: user.locale, payload };
  const out: OutgoingNotification[] = [{ ...base, channel: "in_app" }];
  if (user.email && user.notifyByEmail) out.push({ ...base, channel: "email", recipient: user.email });
  if (user.phone && user.notifyBySms) out.push({ ...base, channel: "sms", recipient: user.phone });
  return out;
}

/** The office ids of a site. */
export async function officesOfSite(executor: Executor, siteId: number): Promise<{ id: number; name: string }[]> {
  return executor.select({ id: offices.id, name: offices.name }).from(offices).where(and(eq(offices.siteId, siteId)));
}
