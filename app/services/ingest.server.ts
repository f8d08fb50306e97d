import { and, asc, eq, inArray, isNotNull, isNull, lt, notInArray, or, sql } from "drizzle-orm";
import { z } from "zod";
import { monitoringSources, siteAlerts, siteProbeStates, sites } from "../../db/schema";
import type { LinkStatus, MonitoringLossReason } from "~/domain/constants";
import { combineLinkEvidence, DEFAULT_MASS_SILENCE_SHARE, operatorHoldActive, silenceCause } from "~/domain/link-combination";
import { nextProbeState, STALE_AFTER_MS } from "~/domain/link-derivation";
import type { Database, Executor } from "~/utils/db.server";
import {
  ALERT_STATUSES,
  ALERTMANAGER_SILENT_AFTER_MS,
  applyVerdict,
  CONFIRM_AFTER_RESTORE_MS,
  flushMonitoringChanges,
  loadAlertEvidence,
  loadProbeEvidence,
  markMonitoringLost,
  MONITORING_LOST_ALERT,
  monitoringChanges,
  noteMonitoringChange,
  siteEvidence,
  siteRowColumns,
  sitesInMaintenance,
  touchMonitoringSource,
  WATCHDOG_ALERT,
  type SiteRow,
} from "./link-evidence.server";
import { changeSiteLinkStatus, changeSiteLinkStatusesDeferred, type DeferredChangeRequest } from "./link-status.server";
import type { PeriodicJob } from "./periodic-jobs.server";

export { ALERT_STATUSES };

/**
 * Link status from the monitoring: probe heartbeats (two-sample hysteresis), Alertmanager
 * webhooks, and the silence of probes that stopped reporting. Every change goes through
 * changeSiteLinkStatus (history, effects, maintenance guard).
 */

export const MAX_SAMPLES_PER_BATCH = 1_000;
/** Samples dated further ahead than this are refused (a probe with a wrong clock). */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const sampleSchema = z.object({
  site: z.string().trim().min(1).max(32),
  at: z.iso.datetime({ offset: true }),
  latencyMs: z.number().finite().min(0).max(600_000),
  lossPct: z.number().finite().min(0).max(100),
});

export interface SampleError {
  index: number;
  reason: string;
}

export interface SiteChange {
  site: string;
  from: LinkStatus;
  to: LinkStatus;
}

export interface HeartbeatResult {
  /** New samples taken into account. */
  accepted: number;
  /** Samples already received (same site and time), counted once. */
  duplicates: number;
  /** Samples older than the site's last sample, ignored. */
  late: number;
  changes: SiteChange[];
  errors: SampleError[];
}

interface ValidSample {
  index: number;
  site: string;
  at: Date;
  latencyMs: number;
  lossPct: number;
}

function issueReason(issue: z.core.$ZodIssue): string {
  const path = issue.path.join(".");
  return path ? `${path}: ${issue.message}` : issue.message;
}

function validateSamples(items: readonly unknown[], now: Date): { valid: ValidSample[]; errors: SampleError[] } {
  const valid: ValidSample[] = [];
  const errors: SampleError[] = [];
  items.forEach((item, index) => {
    const parsed = sampleSchema.safeParse(item);
    if (!parsed.success) {
      errors.push({ index, reason: parsed.error.issues.map(issueReason).join("; ") });
      return;
    }
    const at = new Date(parsed.data.at);
    if (at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
      errors.push({ index, reason: "at: in the future (check the probe's clock)" });
      return;
    }
    valid.push({ index, site: parsed.data.site.toUpperCase(), at, latencyMs: parsed.data.latencyMs, lossPct: parsed.data.lossPct });
  });
  return { valid, errors };
}

/** A batch that changes more sites than this defers their effects to the link-effects job (decision 019). */
export const INLINE_CHANGES_MAX = 20;

/**
 * The changes a probe batch decided, in their order: each through changeSiteLinkStatus with its
 * effects when they are few; otherwise in a few bulk statements, the effects (outages, pauses,
 * notices) left to the link-effects job, so that the batch answers at once.
 */
async function applyPlannedChanges(tx: Executor, planned: DeferredChangeRequest[]): Promise<DeferredChangeRequest[]> {
  if (planned.length > INLINE_CHANGES_MAX) return changeSiteLinkStatusesDeferred(tx, planned);
  const applied: DeferredChangeRequest[] = [];
  for (const change of planned) {
    const result = await changeSiteLinkStatus(tx, { siteId: change.siteId, to: change.to, source: change.source, note: change.note, rule: change.rule, at: change.at });
    if (result.changed) applied.push({ ...change, from: result.from });
  }
  return applied;
}

function probeNote(sample: ValidSample, consecutive: number): string {
  return `Sondes : latence ${Math.round(sample.latencyMs)} ms, perte ${sample.lossPct} % (${consecutive} mesures consécutives)`;
}

/**
 * Applies a batch of probe samples in one transaction: a few queries to load the batch's sites,
 * probe states and alerts, one bulk upsert of the probe states, one bulk update of the heartbeats,
 * and a changeSiteLinkStatus call only for the sites whose status changes. Each sample the
 * hysteresis confirms is combined with the other sources (decision 018): a firing alert wins over
 * probes saying up, an operator's status holds. A fresh sample ends an interrupted monitoring.
 * Good items are applied even when others are bad.
 */
export async function ingestHeartbeats(
  db: Database,
  items: readonly unknown[],
  options: { now?: Date; sourceName?: string } = {},
): Promise<HeartbeatResult> {
  const now = options.now ?? new Date();
  const { valid, errors } = validateSamples(items, now);
  const result: HeartbeatResult = { accepted: 0, duplicates: 0, late: 0, changes: [], errors };
  if (valid.length === 0) return result;

  await db.transaction(async (tx) => {
    const source = await touchMonitoringSource(tx, { kind: "probe_agent", name: options.sourceName ?? "default", now, expectsRegularContact: true });
    const codes = [...new Set(valid.map((s) => s.site))];
    // Locked in id order: two batches for the same sites queue up instead of deadlocking.
    const siteRows: SiteRow[] = await tx.select(siteRowColumns).from(sites).where(inArray(sites.code, codes)).orderBy(asc(sites.id)).for("update");
    const siteByCode = new Map(siteRows.map((s) => [s.code.toUpperCase(), s]));
    const siteIds = siteRows.map((s) => s.id);
    const [states, alertsBySite, maintenance] = await Promise.all([
      siteIds.length ? tx.select().from(siteProbeStates).where(inArray(siteProbeStates.siteId, siteIds)) : Promise.resolve([]),
      loadAlertEvidence(tx, siteIds, now),
      sitesInMaintenance(tx, siteRows, now),
    ]);
    const stateBySite = new Map<number, StoredProbeState>(states.map((s) => [s.siteId, s]));

    const bySite = new Map<number, ValidSample[]>();
    for (const sample of valid) {
      const site = siteByCode.get(sample.site);
      if (!site) {
        errors.push({ index: sample.index, reason: `site: unknown site code ${sample.site}` });
        continue;
      }
      const list = bySite.get(site.id) ?? [];
      list.push(sample);
      bySite.set(site.id, list);
    }

    const pending = monitoringChanges();
    const planned: DeferredChangeRequest[] = [];
    const touched: number[] = [];
    for (const site of siteRows) {
      const samples = bySite.get(site.id);
      if (!samples) continue;
      samples.sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
      let state = stateBySite.get(site.id) ?? null;
      let moved = false;
      for (const sample of samples) {
        if (state && sample.at.getTime() <= state.lastSampleAt.getTime()) {
          if (sample.at.getTime() === state.lastSampleAt.getTime()) result.duplicates++;
          else result.late++;
          continue;
        }
        const step = nextProbeState(state, sample, site.linkStatus);
        state = {
          siteId: site.id,
          lastSampleAt: sample.at,
          candidateStatus: step.candidateStatus,
          consecutive: step.consecutive,
          candidateSince: step.candidateSince,
          lastLatencyMs: sample.latencyMs,
          lastLossPct: sample.lossPct,
          sourceId: source.id,
        };
        result.accepted++;
        moved = true;
        // Nothing new to decide: the probes confirm what the site shows, and it is watched.
        if ((step.confirmed === null || step.confirmed === site.linkStatus) && !site.monitoringLostAt) continue;
        const verdict = combineLinkEvidence(
          siteEvidence(site, { inMaintenance: maintenance.has(site.id), alerts: alertsBySite.get(site.id), probe: { asserted: step.confirmed, live: true }, now: sample.at }),
        );
        // The history stays in order even if an operator changed the site after this sample was taken.
        const at = sample.at > site.linkStatusSince ? sample.at : site.linkStatusSince;
        // Collected, then applied after the loop: inline when few, in bulk with deferred effects
        // when many (decision 019). The site row in memory follows, for the next samples.
        if (verdict.status !== site.linkStatus) {
          planned.push({ siteId: site.id, from: site.linkStatus, to: verdict.status, source: "probe", note: probeNote(sample, step.consecutive), rule: verdict.rule, at });
          site.linkStatus = verdict.status;
          site.linkStatusSince = at;
        }
        noteMonitoringChange(site, verdict, pending);
      }
      if (moved && state) {
        stateBySite.set(site.id, state);
        touched.push(site.id);
      }
    }
    const codeById = new Map(siteRows.map((site) => [site.id, site.code]));
    for (const change of await applyPlannedChanges(tx, planned)) result.changes.push({ site: codeById.get(change.siteId)!, from: change.from, to: change.to });
    await flushMonitoringChanges(tx, pending, "source_silent", now);
    if (touched.length === 0) return;

    const rows = touched.map((siteId) => {
      const s = stateBySite.get(siteId)!;
      return {
        siteId,
        lastSampleAt: s.lastSampleAt,
        lastLatencyMs: s.lastLatencyMs,
        lastLossPct: s.lastLossPct,
        candidateStatus: s.candidateStatus,
        consecutive: s.consecutive,
        candidateSince: s.candidateSince,
        sourceId: s.sourceId,
      };
    });
    await tx
      .insert(siteProbeStates)
      .values(rows)
      .onConflictDoUpdate({
        target: siteProbeStates.siteId,
        set: {
          lastSampleAt: sql`excluded.last_sample_at`,
          lastLatencyMs: sql`excluded.last_latency_ms`,
          lastLossPct: sql`excluded.last_loss_pct`,
          candidateStatus: sql`excluded.candidate_status`,
          consecutive: sql`excluded.consecutive`,
          candidateSince: sql`excluded.candidate_since`,
          sourceId: sql`excluded.source_id`,
        },
      });
    const values = sql.join(
      rows.map((r) => sql`(${r.siteId}::integer, ${r.lastSampleAt.toISOString()}::timestamptz)`),
      sql`, `,
    );
    await tx.execute(sql`
      update ${sites} set last_heartbeat_at = greatest(coalesce(${sites.lastHeartbeatAt}, v.at), v.at)
      from (values ${values}) as v(id, at)
      where ${sites.id} = v.id`);
  });
  result.errors.sort((a, b) => a.index - b.index);
  return result;
}

type StoredProbeState = typeof siteProbeStates.$inferSelect;

// ── Alertmanager ────────────────────────────────────────────────────────────────────────────

const alertSchema = z.looseObject({
  status: z.enum(["firing", "resolved"]),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()).optional(),
  startsAt: z.string().optional(),
  endsAt: z.string().optional(),
  fingerprint: z.string().optional(),
});

/** The standard webhook payload, version 4 (prometheus.io/docs/alerting/latest/configuration/#webhook_config). */
export const alertmanagerPayloadSchema = z.looseObject({
  version: z.literal("4"),
  status: z.enum(["firing", "resolved"]),
  receiver: z.string().optional(),
  groupKey: z.string().optional(),
  alerts: z.array(alertSchema).max(MAX_SAMPLES_PER_BATCH),
});
export type AlertmanagerPayload = z.infer<typeof alertmanagerPayloadSchema>;

export interface AlertOutcome {
  alertname: string;
  site: string | null;
  status: "firing" | "resolved";
  /** applied: the site changed; unchanged: it was already so, or the change was refused (reason). */
  result: "applied" | "unchanged" | "ignored";
  from?: LinkStatus;
  to?: LinkStatus;
  reason?: string;
}

export interface AlertmanagerResult {
  applied: number;
  alerts: AlertOutcome[];
  unknownSites: string[];
}

function alertNote(alert: z.infer<typeof alertSchema>, alertname: string): string {
  const text = alert.annotations?.summary || alert.annotations?.description || "";
  const note = text ? `${alertname} : ${text}` : `${alertname} (${alert.status})`;
  return note.slice(0, 500);
}

function alertStart(alert: z.infer<typeof alertSchema>): Date | null {
  const at = alert.startsAt ? new Date(alert.startsAt) : null;
  return at && !Number.isNaN(at.getTime()) && at.getUTCFullYear() > 1 ? at : null;
}

const KNOWN_ALERTS = new Set<string>([...Object.keys(ALERT_STATUSES), MONITORING_LOST_ALERT]);

/**
 * Applies an Alertmanager notification. Each alert's latest state is kept per site
 * (site_alert); then every site the payload names is decided by the combination rule (decision
 * 018): a firing SiteLinkDown / SiteLinkDegraded sets it down / degraded, even against probes
 * saying up; a resolved one brings it up only while Prometheus still sees the site — a
 * resolution while its SiteMonitoringLost fires (the series vanished with a dead exporter) is not
 * evidence of up, and the alert is kept firing until it fires again or is confirmed gone. A
 * firing SiteMonitoringLost makes the site `unknown` unless probes still watch it. A Watchdog
 * marks the receiver alive and expected to speak regularly.
 */
export async function applyAlertmanagerPayload(
  db: Database,
  payload: AlertmanagerPayload,
  options: { now?: Date; sourceName?: string } = {},
): Promise<AlertmanagerResult> {
  const now = options.now ?? new Date();
  const result: AlertmanagerResult = { applied: 0, alerts: [], unknownSites: [] };

  await db.transaction(async (tx) => {
    const watchdog = payload.alerts.some((a) => a.labels.alertname === WATCHDOG_ALERT && a.status === "firing");
    const source = await touchMonitoringSource(tx, {
      kind: "alertmanager",
      name: `${options.sourceName ?? "default"}/${payload.receiver ?? ""}`.slice(0, 200),
      now,
      expectsRegularContact: watchdog,
    });
    // A receiver that speaks again: the sites it alone watched, lost for its silence, are watched again.
    const codes = [...new Set(payload.alerts.map((a) => a.labels.site?.trim().toUpperCase()).filter((c): c is string => !!c))];
    const siteRows: SiteRow[] = codes.length ? await tx.select(siteRowColumns).from(sites).where(inArray(sites.code, codes)).orderBy(asc(sites.id)).for("update") : [];
    const siteByCode = new Map(siteRows.map((s) => [s.code.toUpperCase(), s]));

    // 1. The latest state of each alert, SiteMonitoringLost first: a resolution in the same
    //    payload as the loss of the site's monitoring is judged with that loss known.
    const ordered = [...payload.alerts].sort((a, b) => Number(b.labels.alertname === MONITORING_LOST_ALERT) - Number(a.labels.alertname === MONITORING_LOST_ALERT));
    const outcomes: { outcome: AlertOutcome; site: SiteRow; alert: z.infer<typeof alertSchema> }[] = [];
    const justResolved = new Set<number>();
    const blindNow = new Set<number>();
    for (const alert of ordered) {
      const alertname = alert.labels.alertname ?? "";
      const code = alert.labels.site?.trim().toUpperCase() || null;
      const outcome: AlertOutcome = { alertname, site: code, status: alert.status, result: "ignored" };
      result.alerts.push(outcome);
      if (alertname === WATCHDOG_ALERT) {
        outcome.reason = "watchdog";
        continue;
      }
      if (!KNOWN_ALERTS.has(alertname)) {
        outcome.reason = "unknown_alertname";
        continue;
      }
      if (!code) {
        outcome.reason = "missing_site_label";
        continue;
      }
      const site = siteByCode.get(code);
      if (!site) {
        outcome.reason = "unknown_site";
        if (!result.unknownSites.includes(code)) result.unknownSites.push(code);
        continue;
      }
      const firing = alert.status === "firing";
      let suspect = false;
      if (alertname === MONITORING_LOST_ALERT) {
        if (firing) blindNow.add(site.id);
      } else if (!firing) {
        const [lost] = await tx
          .select({ firing: siteAlerts.firing })
          .from(siteAlerts)
          .where(and(eq(siteAlerts.siteId, site.id), eq(siteAlerts.alertname, MONITORING_LOST_ALERT)));
        suspect = blindNow.has(site.id) || lost?.firing === true;
        if (!suspect) justResolved.add(site.id);
      }
      await tx
        .insert(siteAlerts)
        .values({ siteId: site.id, alertname, sourceId: source.id, firing: firing || suspect, startsAt: alertStart(alert), updatedAt: now, suspectSince: suspect ? now : null })
        .onConflictDoUpdate({
          target: [siteAlerts.siteId, siteAlerts.alertname],
          set: {
            sourceId: source.id,
            firing: firing || suspect,
            startsAt: alertStart(alert),
            updatedAt: now,
            // Kept from the first suspect resolution; cleared when the alert fires again.
            suspectSince: suspect ? sql`coalesce(${siteAlerts.suspectSince}, ${now.toISOString()}::timestamptz)` : null,
          },
        });
      if (suspect) outcome.reason = "resolved_while_monitoring_lost";
      outcomes.push({ outcome, site, alert });
    }

    // 2. Each named site decided once, with every source's evidence; so are the sites this
    //    receiver alone watched and that were lost for its silence (it speaks again).
    const rechecked: SiteRow[] = await tx
      .select(siteRowColumns)
      .from(sites)
      .where(
        and(
          eq(sites.monitoringLostReason, "source_silent"),
          sql`${sites.id} in (select ${siteAlerts.siteId} from ${siteAlerts} where ${siteAlerts.sourceId} = ${source.id})`,
          codes.length ? notInArray(sites.code, codes) : undefined,
        ),
      )
      .orderBy(asc(sites.id))
      .for("update");
    const toDecide = [...new Map([...outcomes.map((o) => o.site), ...rechecked].map((s) => [s.id, s])).values()];
    const ids = toDecide.map((s) => s.id);
    const [alertsBySite, probesBySite, maintenance] = await Promise.all([loadAlertEvidence(tx, ids, now), loadProbeEvidence(tx, ids, now), sitesInMaintenance(tx, toDecide, now)]);
    const pending = monitoringChanges();
    const decided = new Map<number, { from: LinkStatus; changed: boolean; reason: string }>();
    const noteFor = new Map(outcomes.map((o) => [o.site.id, alertNote(o.alert, o.outcome.alertname)]));
    for (const site of toDecide) {
      const from = site.linkStatus;
      const verdict = combineLinkEvidence(
        siteEvidence(site, { inMaintenance: maintenance.has(site.id), alerts: alertsBySite.get(site.id), justResolved: justResolved.has(site.id), probe: probesBySite.get(site.id), now }),
      );
      const change = await applyVerdict(tx, site, verdict, { source: "alertmanager", note: noteFor.get(site.id) ?? "Alertmanager de retour", at: now }, pending);
      const refused = change && !change.changed ? change.reason : null;
      decided.set(site.id, { from, changed: change?.changed === true, reason: refused ?? verdict.rule });
      if (change?.changed) result.applied++;
    }
    for (const { site, outcome } of outcomes) {
      const decision = decided.get(site.id)!;
      if (decision.changed) Object.assign(outcome, { result: "applied", from: decision.from, to: site.linkStatus });
      else Object.assign(outcome, { result: "unchanged", reason: outcome.reason ?? decision.reason });
    }
    await flushMonitoringChanges(tx, pending, "target_unreachable", now);
  });
  return result;
}

// ── Silent sources ──────────────────────────────────────────────────────────────────────────

export const STALE_NOTE = "Aucune mesure depuis 5 minutes";
const STALE_BATCH = 500;

/** The share of watched sites that, silent together, means the monitor is blind (MONITORING_MASS_SILENCE_SHARE). */
export function massSilenceShare(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.MONITORING_MASS_SILENCE_SHARE);
  return Number.isFinite(value) && value > 0 && value <= 1 ? value : DEFAULT_MASS_SILENCE_SHARE;
}

export interface SilenceResult {
  /** Sites that went down: their probes stopped while their agent and the other sites speak. */
  down: string[];
  /** Sites whose monitoring was found interrupted, by reason. */
  unknown: Partial<Record<MonitoringLossReason, number>>;
  /** Sources found silent in this run. */
  silentSources: string[];
  /** Alerts resolved while blind, confirmed gone once the monitoring came back. */
  confirmed: string[];
}

/**
 * The silence job (every minute). A probe agent quiet for 5 minutes, or an Alertmanager that
 * sent Watchdogs and has been quiet for 10, is silent: the sites it alone watched become
 * `unknown`. A site whose samples stopped goes down only when the cause is the site: its agent
 * still speaks and the silent sites are not more than the mass-silence share of the watched ones
 * (then the monitor is the likely cause: `unknown`). Sites that never had a heartbeat are not
 * judged; nor is a status set after the silence began. Also drops the alerts that resolved while
 * their site was blind and were not fired again once it was watched again.
 * Rows are claimed with SKIP LOCKED: several servers running the job split the work.
 */
export async function markSilentSitesDown(db: Database, now: Date = new Date(), options: { share?: number } = {}): Promise<SilenceResult> {
  const cutoff = new Date(now.getTime() - STALE_AFTER_MS);
  const share = options.share ?? massSilenceShare();
  const result: SilenceResult = { down: [], unknown: {}, silentSources: [], confirmed: [] };
  await db.transaction(async (tx: Executor) => {
    const silent = await tx
      .update(monitoringSources)
      .set({ silentSince: now })
      .where(
        and(
          isNull(monitoringSources.silentSince),
          or(
            and(eq(monitoringSources.kind, "probe_agent"), lt(monitoringSources.lastSeenAt, cutoff)),
            and(eq(monitoringSources.kind, "alertmanager"), eq(monitoringSources.expectsRegularContact, true), lt(monitoringSources.lastSeenAt, new Date(now.getTime() - ALERTMANAGER_SILENT_AFTER_MS))),
          ),
        ),
      )
      .returning({ name: monitoringSources.name, kind: monitoringSources.kind });
    result.silentSources = silent.map((s) => `${s.kind}:${s.name}`);

    const silentAgent = sql<boolean>`coalesce((select ${monitoringSources.silentSince} is not null from ${monitoringSources} where ${monitoringSources.id} = ${siteProbeStates.sourceId}), false)`;
    const staleWhere = and(
      isNotNull(sites.lastHeartbeatAt),
      lt(sites.lastHeartbeatAt, cutoff),
      isNull(sites.monitoringLostAt),
      inArray(sites.linkStatus, ["up", "degraded", "down"]),
    );
    const [{ watched, stale }] = (await tx
      .select({
        watched: sql<number>`count(*) filter (where ${sites.lastHeartbeatAt} is not null and ${sites.linkStatus} in ('up', 'degraded', 'down'))::int`,
        stale: sql<number>`count(*) filter (where ${staleWhere})::int`,
      })
      .from(sites)) as [{ watched: number; stale: number }];
    const rows = await tx
      .select({ ...siteRowColumns, lastHeartbeatAt: sites.lastHeartbeatAt, agentSilent: silentAgent })
      .from(sites)
      .leftJoin(siteProbeStates, eq(siteProbeStates.siteId, sites.id))
      .where(staleWhere)
      .orderBy(asc(sites.id))
      .for("update", { of: sites, skipLocked: true });

    const byReason = new Map<MonitoringLossReason, SiteRow[]>();
    let downs = 0;
    for (const row of rows) {
      const cause = silenceCause({ agentSilent: row.agentSilent === true, silentSites: Number(stale), watchedSites: Number(watched), share });
      if (cause) {
        byReason.set(cause, [...(byReason.get(cause) ?? []), row]);
        continue;
      }
      // The site itself is silent: down, unless it already is, an operator holds it or set it since.
      if (row.linkStatus === "down" || downs >= STALE_BATCH) continue;
      if (operatorHoldActive(row.operatorHeld ? { until: row.operatorHoldUntil } : null, now)) continue;
      if (row.linkStatusSince.getTime() >= row.lastHeartbeatAt!.getTime() + STALE_AFTER_MS) continue;
      downs++;
      const change = await changeSiteLinkStatus(tx, { siteId: row.id, to: "down", source: "system", note: STALE_NOTE, at: now });
      if (change.changed) result.down.push(row.code);
    }
    for (const [reason, list] of byReason) {
      const n = await markMonitoringLost(tx, list, reason, now);
      if (n) result.unknown[reason] = (result.unknown[reason] ?? 0) + n;
    }

    // Sites Alertmanager alone watched, whose receiver went silent.
    const orphaned: SiteRow[] = await tx
      .select(siteRowColumns)
      .from(sites)
      .where(
        and(
          isNull(sites.monitoringLostAt),
          sql`${sites.id} in (select ${siteAlerts.siteId} from ${siteAlerts} join ${monitoringSources} on ${monitoringSources.id} = ${siteAlerts.sourceId} where ${monitoringSources.silentSince} is not null)`,
          sql`not exists (select 1 from ${siteProbeStates} where ${siteProbeStates.siteId} = ${sites.id} and ${siteProbeStates.lastSampleAt} >= ${cutoff.toISOString()}::timestamptz)`,
        ),
      )
      .for("update", { skipLocked: true });
    const n = await markMonitoringLost(tx, orphaned, "source_silent", now);
    if (n) result.unknown.source_silent = (result.unknown.source_silent ?? 0) + n;

    result.confirmed = await confirmSuspectResolutions(tx, now);
  });
  return result;
}

/**
 * Alerts that resolved while their site was blind were kept firing (site_alert.suspect_since).
 * Once the site's SiteMonitoringLost has been resolved for CONFIRM_AFTER_RESTORE_MS without the
 * alert firing again, Prometheus sees the site and has nothing to say: the alert is gone.
 */
async function confirmSuspectResolutions(tx: Executor, now: Date): Promise<string[]> {
  const restoredBefore = new Date(now.getTime() - CONFIRM_AFTER_RESTORE_MS);
  const suspects = await tx
    .select({ siteId: siteAlerts.siteId, alertname: siteAlerts.alertname })
    .from(siteAlerts)
    .innerJoin(sites, eq(sites.id, siteAlerts.siteId))
    .where(
      and(
        isNotNull(siteAlerts.suspectSince),
        eq(siteAlerts.firing, true),
        isNull(sites.monitoringLostAt),
        sql`exists (select 1 from ${siteAlerts} as l where l.site_id = ${siteAlerts.siteId} and l.alertname = ${MONITORING_LOST_ALERT} and not l.firing and l.updated_at <= ${restoredBefore.toISOString()}::timestamptz)`,
      ),
    );
  if (suspects.length === 0) return [];
  for (const s of suspects) {
    await tx.update(siteAlerts).set({ firing: false, suspectSince: null, updatedAt: now }).where(and(eq(siteAlerts.siteId, s.siteId), eq(siteAlerts.alertname, s.alertname)));
  }
  const ids = [...new Set(suspects.map((s) => s.siteId))];
  const list: SiteRow[] = await tx.select(siteRowColumns).from(sites).where(inArray(sites.id, ids)).orderBy(asc(sites.id)).for("update");
  const [alertsBySite, probesBySite, maintenance] = await Promise.all([loadAlertEvidence(tx, ids, now), loadProbeEvidence(tx, ids, now), sitesInMaintenance(tx, list, now)]);
  const pending = monitoringChanges();
  const confirmed: string[] = [];
  for (const site of list) {
    const verdict = combineLinkEvidence(siteEvidence(site, { inMaintenance: maintenance.has(site.id), alerts: alertsBySite.get(site.id), justResolved: true, probe: probesBySite.get(site.id), now }));
    const change = await applyVerdict(tx, site, verdict, { source: "alertmanager", note: "Alerte levée pendant l'interruption de la surveillance, non relancée depuis son retour", at: now }, pending);
    if (change?.changed) confirmed.push(site.code);
  }
  await flushMonitoringChanges(tx, pending, "target_unreachable", now);
  return confirmed;
}

export const staleHeartbeatJob: PeriodicJob = {
  name: "stale-heartbeats",
  intervalMs: 60_000,
  run: (db, now) => markSilentSitesDown(db, now),
};
