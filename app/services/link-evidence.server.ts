import { and, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import { maintenanceWindows, monitoringSources, siteAlerts, siteMonitoringGaps, siteProbeStates, sites, staffRoles, users } from "../../db/schema";
import type { LinkSource, LinkStatus, MonitoringLossReason, MonitoringSourceKind } from "~/domain/constants";
import { combineLinkEvidence, type AlertEvidence, type LinkVerdict, type SiteEvidence } from "~/domain/link-combination";
import { MIN_CHANGE_SPAN_MS, SAMPLES_TO_CHANGE, STALE_AFTER_MS, type ProbeStatus } from "~/domain/link-derivation";
import type { Executor } from "~/utils/db.server";
import { changeSiteLinkStatus, invalidateStatusSummary, type LinkStatusChangeResult } from "./link-status.server";
import { enqueueNotifications, type OutgoingNotification } from "./outbox.server";

/**
 * The evidence of each source about a site, gathered for the combination rule
 * (domain/link-combination.ts, decision 018), and the two consequences of a verdict: the link
 * status (through changeSiteLinkStatus) and the site's monitoring state (lost / restored).
 */

/** Alert names the portal understands, and the status each sets while firing. */
export const ALERT_STATUSES = { SiteLinkDown: "down", SiteLinkDegraded: "degraded" } as const satisfies Record<string, AlertEvidence>;
export type LinkAlertName = keyof typeof ALERT_STATUSES;
/** Prometheus cannot probe the site (its target's `up` is 0): the site's monitoring is lost. */
export const MONITORING_LOST_ALERT = "SiteMonitoringLost";
/** Always firing: tells that Alertmanager and Prometheus are alive (docs/alertmanager.yml). */
export const WATCHDOG_ALERT = "Watchdog";
/** An Alertmanager that sent a Watchdog and has been quiet this long is considered silent. */
export const ALERTMANAGER_SILENT_AFTER_MS = 10 * 60_000;
/**
 * After a site's monitoring comes back, an alert that resolved while it was blind is dropped
 * only if Prometheus has not fired it again within this delay (rule `for:` plus group delays).
 */
export const CONFIRM_AFTER_RESTORE_MS = 5 * 60_000;

export interface SourceRef {
  id: number;
  kind: MonitoringSourceKind;
}

/** Records that a source spoke now; returns its id. */
export async function touchMonitoringSource(
  tx: Executor,
  input: { kind: MonitoringSourceKind; name: string; now: Date; expectsRegularContact?: boolean },
): Promise<SourceRef> {
  const expects = input.expectsRegularContact ?? false;
  const [row] = await tx
    .insert(monitoringSources)
    .values({ kind: input.kind, name: input.name, lastSeenAt: input.now, expectsRegularContact: expects, silentSince: null })
    .onConflictDoUpdate({
      target: [monitoringSources.kind, monitoringSources.name],
      set: {
        lastSeenAt: sql`greatest(${monitoringSources.lastSeenAt}, excluded.last_seen_at)`,
        expectsRegularContact: sql`${monitoringSources.expectsRegularContact} or excluded.expects_regular_contact`,
        silentSince: null,
      },
    })
    .returning({ id: monitoringSources.id });
  return { id: row!.id, kind: input.kind };
}

/** A source is live unless it is expected to speak regularly and has been quiet too long. */
export function sourceIsLive(source: { kind: MonitoringSourceKind; lastSeenAt: Date; expectsRegularContact: boolean; silentSince: Date | null }, now: Date): boolean {
  if (source.silentSince) return false;
  const quietFor = now.getTime() - source.lastSeenAt.getTime();
  if (source.kind === "probe_agent") return quietFor <= STALE_AFTER_MS;
  return !source.expectsRegularContact || quietFor <= ALERTMANAGER_SILENT_AFTER_MS;
}

export interface SiteRow {
  id: number;
  code: string;
  regionCode: string;
  linkStatus: LinkStatus;
  linkStatusSince: Date;
  monitoringLostAt: Date | null;
  operatorHeld: boolean;
  operatorHoldUntil: Date | null;
}

export const siteRowColumns = {
  id: sites.id,
  code: sites.code,
  regionCode: sites.regionCode,
  linkStatus: sites.linkStatus,
  linkStatusSince: sites.linkStatusSince,
  monitoringLostAt: sites.monitoringLostAt,
  operatorHeld: sites.operatorHeld,
  operatorHoldUntil: sites.operatorHoldUntil,
};

/** The probe part of the evidence from a stored probe state. */
export function probeEvidence(
  state: { lastSampleAt: Date; candidateStatus: LinkStatus; consecutive: number; candidateSince: Date | null } | undefined,
  sourceLive: boolean,
  now: Date,
): SiteEvidence["probe"] {
  if (!state) return null;
  const since = state.candidateSince ?? state.lastSampleAt;
  const confirmed = state.consecutive >= SAMPLES_TO_CHANGE && state.lastSampleAt.getTime() - since.getTime() >= MIN_CHANGE_SPAN_MS;
  const fresh = now.getTime() - state.lastSampleAt.getTime() <= STALE_AFTER_MS;
  return { asserted: confirmed ? (state.candidateStatus as ProbeStatus) : null, live: fresh && sourceLive };
}

/** What Alertmanager says about each of these sites (null: no live Alertmanager sees it). */
export async function loadAlertEvidence(
  tx: Executor,
  siteIds: readonly number[],
  now: Date,
): Promise<Map<number, { firing: AlertEvidence[]; blind: boolean; watched: boolean }>> {
  const result = new Map<number, { firing: AlertEvidence[]; blind: boolean; watched: boolean }>();
  if (siteIds.length === 0) return result;
  const rows = await tx
    .select({
      siteId: siteAlerts.siteId,
      alertname: siteAlerts.alertname,
      firing: siteAlerts.firing,
      kind: monitoringSources.kind,
      lastSeenAt: monitoringSources.lastSeenAt,
      expectsRegularContact: monitoringSources.expectsRegularContact,
      silentSince: monitoringSources.silentSince,
    })
    .from(siteAlerts)
    .leftJoin(monitoringSources, eq(monitoringSources.id, siteAlerts.sourceId))
    .where(inArray(siteAlerts.siteId, [...siteIds]));
  for (const row of rows) {
    const entry = result.get(row.siteId) ?? { firing: [], blind: false, watched: true };
    const live = row.kind === null || sourceIsLive({ kind: row.kind, lastSeenAt: row.lastSeenAt!, expectsRegularContact: row.expectsRegularContact!, silentSince: row.silentSince }, now);
    if (!live || (row.alertname === MONITORING_LOST_ALERT && row.firing)) entry.blind = true;
    const status = ALERT_STATUSES[row.alertname as LinkAlertName];
    if (status && row.firing) entry.firing.push(status);
    result.set(row.siteId, entry);
  }
  return result;
}

/** The probe states of these sites with their agent's liveness. */
export async function loadProbeEvidence(tx: Executor, siteIds: readonly number[], now: Date): Promise<Map<number, SiteEvidence["probe"]>> {
  const result = new Map<number, SiteEvidence["probe"]>();
  if (siteIds.length === 0) return result;
  const rows = await tx
    .select({
      siteId: siteProbeStates.siteId,
      lastSampleAt: siteProbeStates.lastSampleAt,
      candidateStatus: siteProbeStates.candidateStatus,
      consecutive: siteProbeStates.consecutive,
      candidateSince: siteProbeStates.candidateSince,
      kind: monitoringSources.kind,
      sourceSeenAt: monitoringSources.lastSeenAt,
      expectsRegularContact: monitoringSources.expectsRegularContact,
      silentSince: monitoringSources.silentSince,
    })
    .from(siteProbeStates)
    .leftJoin(monitoringSources, eq(monitoringSources.id, siteProbeStates.sourceId))
    .where(inArray(siteProbeStates.siteId, [...siteIds]));
  for (const row of rows) {
    const live = row.kind === null || sourceIsLive({ kind: row.kind, lastSeenAt: row.sourceSeenAt!, expectsRegularContact: row.expectsRegularContact!, silentSince: row.silentSince }, now);
    result.set(row.siteId, probeEvidence(row, live, now));
  }
  return result;
}

/** Sites among these inside a maintenance window at `now` (of the site or of its region). */
export async function sitesInMaintenance(tx: Executor, list: readonly { id: number; regionCode: string }[], now: Date): Promise<Set<number>> {
  if (list.length === 0) return new Set();
  const windows = await tx
    .select({ siteId: maintenanceWindows.siteId, regionCode: maintenanceWindows.regionCode })
    .from(maintenanceWindows)
    .where(
      and(
        isNull(maintenanceWindows.cancelledAt),
        lte(maintenanceWindows.startsAt, now),
        gt(maintenanceWindows.endsAt, now),
        or(inArray(maintenanceWindows.siteId, list.map((s) => s.id)), inArray(maintenanceWindows.regionCode, [...new Set(list.map((s) => s.regionCode))] as never[])),
      ),
    );
  const ids = new Set(windows.map((w) => w.siteId).filter((id): id is number => id !== null));
  const regions = new Set(windows.map((w) => w.regionCode).filter((r) => r !== null));
  return new Set(list.filter((s) => ids.has(s.id) || regions.has(s.regionCode as never)).map((s) => s.id));
}

/** Sites whose monitoring state a batch changes, applied together at its end (one operator notice). */
export interface MonitoringChanges {
  lose: SiteRow[];
  restore: SiteRow[];
}

export function monitoringChanges(): MonitoringChanges {
  return { lose: [], restore: [] };
}

/**
 * Applies a verdict's status to one site (source, note and time given by the caller) and notes
 * the change of its monitoring state in `pending`, for flushMonitoringChanges. The site row is
 * updated in memory.
 */
export async function applyVerdict(
  tx: Executor,
  site: SiteRow,
  verdict: LinkVerdict,
  input: { source: LinkSource; note: string; at: Date },
  pending: MonitoringChanges,
): Promise<LinkStatusChangeResult | null> {
  let change: LinkStatusChangeResult | null = null;
  if (verdict.status !== site.linkStatus) {
    change = await changeSiteLinkStatus(tx, { siteId: site.id, to: verdict.status, source: input.source, note: input.note, rule: verdict.rule, at: input.at });
    if (change.changed) {
      site.linkStatus = change.to;
      site.linkStatusSince = change.at;
    }
  }
  noteMonitoringChange(site, verdict, pending);
  return change;
}

/** Notes in `pending` whether the verdict interrupts or restores the site's monitoring. */
export function noteMonitoringChange(site: SiteRow, verdict: LinkVerdict, pending: MonitoringChanges): void {
  if (verdict.monitoringLost && !site.monitoringLostAt) pending.lose.push(site);
  else if (!verdict.monitoringLost && site.monitoringLostAt) pending.restore.push(site);
}

export async function flushMonitoringChanges(tx: Executor, pending: MonitoringChanges, reason: MonitoringLossReason, at: Date): Promise<{ lost: number; restored: number }> {
  const lost = await markMonitoringLost(tx, [...new Set(pending.lose)], reason, at);
  const restored = await restoreMonitoring(tx, [...new Set(pending.restore)], at);
  pending.lose = [];
  pending.restore = [];
  return { lost, restored };
}

/**
 * The sites' monitoring is interrupted: they show `unknown`, keep their link status (nothing is
 * re-routed, paused or announced), a gap opens in their history and the operators are told once.
 */
export async function markMonitoringLost(tx: Executor, list: SiteRow[], reason: MonitoringLossReason, at: Date): Promise<number> {
  const targets = list.filter((s) => !s.monitoringLostAt && s.linkStatus !== "maintenance" && s.linkStatus !== "not_connected");
  if (targets.length === 0) return 0;
  const ids = targets.map((s) => s.id);
  await tx.update(sites).set({ monitoringLostAt: at, monitoringLostReason: reason }).where(and(inArray(sites.id, ids), isNull(sites.monitoringLostAt)));
  await tx
    .insert(siteMonitoringGaps)
    .values(targets.map((s) => ({ siteId: s.id, reason, startedAt: at, knownStatus: s.linkStatus })))
    .onConflictDoNothing();
  for (const site of targets) site.monitoringLostAt = at;
  const codes = targets.slice(0, 5).map((s) => s.code).join(", ");
  await notifyOperators(tx, reason, { count: targets.length, sites: targets.length > 5 ? `${codes}…` : codes });
  await invalidateStatusSummary(tx);
  return targets.length;
}

/** The sites are watched again: the gap closes, they show their link status. */
export async function restoreMonitoring(tx: Executor, list: SiteRow[], at: Date): Promise<number> {
  const targets = list.filter((s) => s.monitoringLostAt);
  if (targets.length === 0) return 0;
  const ids = targets.map((s) => s.id);
  await tx.update(sites).set({ monitoringLostAt: null, monitoringLostReason: null }).where(inArray(sites.id, ids));
  await tx
    .update(siteMonitoringGaps)
    .set({ endedAt: sql`greatest(${siteMonitoringGaps.startedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(inArray(siteMonitoringGaps.siteId, ids), isNull(siteMonitoringGaps.endedAt)));
  for (const site of targets) site.monitoringLostAt = null;
  await invalidateStatusSummary(tx);
  return targets.length;
}

/** One in-portal note and one e-mail per operator when monitoring is interrupted. */
async function notifyOperators(tx: Executor, reason: MonitoringLossReason, payload: { count: number; sites: string }): Promise<void> {
  // One template per cause (locales/<lng>/notifications.json): each tells the operator what to check.
  const template = `monitoring_interrupted_${reason}`;
  const operators = await tx
    .selectDistinct({ userId: users.id, email: users.email, locale: users.locale })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.role, "operator"), isNull(users.disabledAt)));
  const items: OutgoingNotification[] = [];
  for (const operator of operators) {
    items.push({ userId: operator.userId, channel: "in_app", template, locale: operator.locale, payload });
    if (operator.email) items.push({ userId: operator.userId, channel: "email", recipient: operator.email, template, locale: operator.locale, payload });
  }
  await enqueueNotifications(tx, items);
}

/** The evidence of one site, from what the caller loaded. */
export function siteEvidence(
  site: SiteRow,
  parts: {
    inMaintenance: boolean;
    alerts: { firing: AlertEvidence[]; blind: boolean; watched: boolean } | undefined;
    justResolved?: boolean;
    probe: SiteEvidence["probe"] | undefined;
    now: Date;
  },
): SiteEvidence {
  const alerts = parts.alerts;
  return {
    current: site.linkStatus,
    inMaintenanceWindow: parts.inMaintenance,
    operatorHold: site.operatorHeld ? { until: site.operatorHoldUntil } : null,
    alerts: alerts && !alerts.blind ? { firing: alerts.firing, justResolved: parts.justResolved ?? false } : null,
    alertsBlind: alerts?.blind ?? false,
    probe: parts.probe ?? null,
    now: parts.now,
  };
}

export { combineLinkEvidence };

/** Sites whose monitoring is lost now, for /readyz and the status page. */
export async function countSitesUnknown(tx: Executor): Promise<number> {
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(sites).where(isNotNull(sites.monitoringLostAt));
  return Number(row?.n ?? 0);
}
