import { and, asc, inArray, isNotNull, lt, sql } from "drizzle-orm";
import { z } from "zod";
import { siteProbeStates, sites } from "../../db/schema";
import type { LinkStatus } from "~/domain/constants";
import { nextProbeState, STALE_AFTER_MS, type ProbeState } from "~/domain/link-derivation";
import type { Database, Executor } from "~/utils/db.server";
import { changeSiteLinkStatus } from "./link-status.server";
import type { PeriodicJob } from "./periodic-jobs.server";

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

function probeNote(sample: ValidSample, consecutive: number): string {
  return `Sondes : latence ${Math.round(sample.latencyMs)} ms, perte ${sample.lossPct} % (${consecutive} mesures consécutives)`;
}

/**
 * Applies a batch of probe samples in one transaction: two queries to load the batch's sites and
 * probe states, one bulk upsert of the probe states, one bulk update of the heartbeats, and a
 * changeSiteLinkStatus call only for the sites whose status changes. Good items are applied even
 * when others are bad.
 */
export async function ingestHeartbeats(db: Database, items: readonly unknown[], options: { now?: Date } = {}): Promise<HeartbeatResult> {
  const now = options.now ?? new Date();
  const { valid, errors } = validateSamples(items, now);
  const result: HeartbeatResult = { accepted: 0, duplicates: 0, late: 0, changes: [], errors };
  if (valid.length === 0) return result;

  await db.transaction(async (tx) => {
    const codes = [...new Set(valid.map((s) => s.site))];
    // Locked in id order: two batches for the same sites queue up instead of deadlocking.
    const siteRows = await tx
      .select({ id: sites.id, code: sites.code, linkStatus: sites.linkStatus, linkStatusSince: sites.linkStatusSince })
      .from(sites)
      .where(inArray(sites.code, codes))
      .orderBy(asc(sites.id))
      .for("update");
    const siteByCode = new Map(siteRows.map((s) => [s.code.toUpperCase(), s]));
    const states = siteRows.length
      ? await tx.select().from(siteProbeStates).where(inArray(siteProbeStates.siteId, siteRows.map((s) => s.id)))
      : [];
    const stateBySite = new Map<number, ProbeState & { lastLatencyMs: number | null; lastLossPct: number | null }>(states.map((s) => [s.siteId, s]));

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

    const touched: number[] = [];
    for (const site of siteRows) {
      const samples = bySite.get(site.id);
      if (!samples) continue;
      samples.sort((a, b) => a.at.getTime() - b.at.getTime() || a.index - b.index);
      let state = stateBySite.get(site.id) ?? null;
      let status = site.linkStatus;
      let since = site.linkStatusSince;
      let moved = false;
      for (const sample of samples) {
        if (state && sample.at.getTime() <= state.lastSampleAt.getTime()) {
          if (sample.at.getTime() === state.lastSampleAt.getTime()) result.duplicates++;
          else result.late++;
          continue;
        }
        const step = nextProbeState(state, sample, status);
        state = { lastSampleAt: sample.at, candidateStatus: step.candidateStatus, consecutive: step.consecutive, lastLatencyMs: sample.latencyMs, lastLossPct: sample.lossPct };
        result.accepted++;
        moved = true;
        if (!step.change) continue;
        // The history stays in order even if an operator changed the site after this sample was taken.
        const at = sample.at > since ? sample.at : since;
        const change = await changeSiteLinkStatus(tx, { siteId: site.id, to: step.change, source: "probe", note: probeNote(sample, step.consecutive), at });
        if (change.changed) {
          result.changes.push({ site: site.code, from: change.from, to: change.to });
          status = change.to;
          since = change.at;
        } else {
          status = change.status;
        }
      }
      if (moved && state) {
        stateBySite.set(site.id, state);
        touched.push(site.id);
      }
    }
    if (touched.length === 0) return;

    const rows = touched.map((siteId) => {
      const s = stateBySite.get(siteId)!;
      return { siteId, lastSampleAt: s.lastSampleAt, lastLatencyMs: s.lastLatencyMs, lastLossPct: s.lastLossPct, candidateStatus: s.candidateStatus, consecutive: s.consecutive };
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

// ── Alertmanager ────────────────────────────────────────────────────────────────────────────

/** Alert names the portal understands, and the status each sets while firing. */
export const ALERT_STATUSES = { SiteLinkDown: "down", SiteLinkDegraded: "degraded" } as const satisfies Record<string, LinkStatus>;
type AlertName = keyof typeof ALERT_STATUSES;

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

/**
 * Applies an Alertmanager notification: a firing SiteLinkDown / SiteLinkDegraded sets the site
 * down / degraded; a resolved one brings it up, but only if the site is still in the status that
 * alert set (a resolved "degraded" must not bring a down site up). Resolved alerts are applied
 * before firing ones.
 */
export async function applyAlertmanagerPayload(db: Database, payload: AlertmanagerPayload, options: { now?: Date } = {}): Promise<AlertmanagerResult> {
  const now = options.now ?? new Date();
  const result: AlertmanagerResult = { applied: 0, alerts: [], unknownSites: [] };
  const ordered = [...payload.alerts].sort((a, b) => (a.status === b.status ? 0 : a.status === "resolved" ? -1 : 1));

  await db.transaction(async (tx) => {
    const codes = [...new Set(ordered.map((a) => a.labels.site?.trim().toUpperCase()).filter((c): c is string => !!c))];
    const siteRows = codes.length
      ? await tx.select({ id: sites.id, code: sites.code, linkStatus: sites.linkStatus }).from(sites).where(inArray(sites.code, codes)).orderBy(asc(sites.id)).for("update")
      : [];
    const siteByCode = new Map(siteRows.map((s) => [s.code.toUpperCase(), { ...s }]));

    for (const alert of ordered) {
      const alertname = alert.labels.alertname ?? "";
      const code = alert.labels.site?.trim().toUpperCase() || null;
      const outcome: AlertOutcome = { alertname, site: code, status: alert.status, result: "ignored" };
      result.alerts.push(outcome);
      if (!(alertname in ALERT_STATUSES)) {
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
      const alertStatus = ALERT_STATUSES[alertname as AlertName];
      let to: LinkStatus;
      if (alert.status === "resolved") {
        if (site.linkStatus !== alertStatus) {
          Object.assign(outcome, { result: "unchanged", reason: `site_is_${site.linkStatus}` });
          continue;
        }
        to = "up";
      } else {
        // A disturbed link does not hide an interruption still under way.
        if (alertStatus === "degraded" && site.linkStatus === "down") {
          Object.assign(outcome, { result: "unchanged", reason: "site_is_down" });
          continue;
        }
        to = alertStatus;
      }
      const change = await changeSiteLinkStatus(tx, { siteId: site.id, to, source: "alertmanager", note: alertNote(alert, alertname), at: now });
      if (change.changed) {
        Object.assign(outcome, { result: "applied", from: change.from, to: change.to });
        site.linkStatus = change.to;
        result.applied++;
      } else {
        Object.assign(outcome, { result: "unchanged", reason: change.reason });
      }
    }
  });
  return result;
}

// ── Silent probes ───────────────────────────────────────────────────────────────────────────

export const STALE_NOTE = "Aucune mesure depuis 5 minutes";
const STALE_BATCH = 500;

/**
 * Sites whose probes reported before but not for 5 minutes go down (source system). Sites that
 * never had a heartbeat are not judged; nor is a status set after the silence began (an operator
 * may have put the site back up by hand). Rows are claimed with SKIP LOCKED: several servers
 * running the job split the work instead of queueing.
 */
export async function markSilentSitesDown(db: Database, now: Date = new Date()): Promise<{ down: string[] }> {
  const cutoff = new Date(now.getTime() - STALE_AFTER_MS);
  return db.transaction(async (tx: Executor) => {
    const stale = await tx
      .select({ id: sites.id, code: sites.code })
      .from(sites)
      .where(
        and(
          isNotNull(sites.lastHeartbeatAt),
          lt(sites.lastHeartbeatAt, cutoff),
          inArray(sites.linkStatus, ["up", "degraded"]),
          sql`${sites.linkStatusSince} < ${sites.lastHeartbeatAt} + ${sql.raw(`interval '${STALE_AFTER_MS / 1000} seconds'`)}`,
        ),
      )
      .orderBy(asc(sites.id))
      .limit(STALE_BATCH)
      .for("update", { skipLocked: true });
    const down: string[] = [];
    for (const site of stale) {
      const change = await changeSiteLinkStatus(tx, { siteId: site.id, to: "down", source: "system", note: STALE_NOTE, at: now });
      if (change.changed) down.push(site.code);
    }
    return { down };
  });
}

export const staleHeartbeatJob: PeriodicJob = {
  name: "stale-heartbeats",
  intervalMs: 60_000,
  run: (db, now) => markSilentSitesDown(db, now),
};
