import { count, countDistinct, gt, isNull, sql } from "drizzle-orm";
import { agencies, auditLog, monitoringTokens, offices, procedures, procedureVersions, sites, staffRoles, users } from "../../../db/schema";
import type { Executor } from "~/utils/db.server";

export interface AdminDashboard {
  agencies: number;
  offices: number;
  officesOnline: number;
  sites: number;
  sitesConnected: number;
  proceduresPublished: number;
  proceduresDraft: number;
  proceduresClosed: number;
  /** Procedures with form edits not yet published. */
  proceduresWithPendingEdits: number;
  staffActive: number;
  /** Staff accounts whose holder has not set a password yet. */
  staffInvited: number;
  staffDisabled: number;
  tokensActive: number;
  /** Audit entries of the last 24 hours. */
  auditLastDay: number;
}

/** The figures of /admin: what exists, what waits for an administrator. Counts only. */
export async function adminDashboard(db: Executor, now: Date = new Date()): Promise<AdminDashboard> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const staff = db.select({ id: staffRoles.userId }).from(staffRoles);
  const [[agencyRow], [officeRow], [siteRow], procedureRows, [pendingRow], [staffRow], [tokenRow], [auditRow]] = await Promise.all([
    db.select({ n: count() }).from(agencies),
    db.select({ n: count(), online: count(sql`case when ${offices.acceptsOnline} then 1 end`) }).from(offices),
    db.select({ n: count(), connected: count(sql`case when ${sites.linkStatus} <> 'not_connected' then 1 end`) }).from(sites),
    db.select({ status: procedures.status, n: count() }).from(procedures).groupBy(procedures.status),
    db.select({ n: countDistinct(procedureVersions.procedureId) }).from(procedureVersions).where(isNull(procedureVersions.publishedAt)),
    db
      .select({
        active: count(sql`case when ${users.disabledAt} is null and ${users.passwordHash} is not null then 1 end`),
        invited: count(sql`case when ${users.disabledAt} is null and ${users.passwordHash} is null then 1 end`),
        disabled: count(sql`case when ${users.disabledAt} is not null then 1 end`),
      })
      .from(users)
      .where(sql`${users.id} in ${staff}`),
    db.select({ n: count() }).from(monitoringTokens).where(isNull(monitoringTokens.revokedAt)),
    db.select({ n: count() }).from(auditLog).where(gt(auditLog.at, dayAgo)),
  ]);
  const byStatus = (status: string) => Number(procedureRows.find((r) => r.status === status)?.n ?? 0);
  return {
    agencies: Number(agencyRow?.n ?? 0),
    offices: Number(officeRow?.n ?? 0),
    officesOnline: Number(officeRow?.online ?? 0),
    sites: Number(siteRow?.n ?? 0),
    sitesConnected: Number(siteRow?.connected ?? 0),
    proceduresPublished: byStatus("published"),
    proceduresDraft: byStatus("draft"),
    proceduresClosed: byStatus("closed"),
    proceduresWithPendingEdits: Number(pendingRow?.n ?? 0),
    staffActive: Number(staffRow?.active ?? 0),
    staffInvited: Number(staffRow?.invited ?? 0),
    staffDisabled: Number(staffRow?.disabled ?? 0),
    tokensActive: Number(tokenRow?.n ?? 0),
    auditLastDay: Number(auditRow?.n ?? 0),
  };
}
