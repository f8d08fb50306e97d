import type { LinkStatus } from "./constants";

/**
 * What the probes' samples say about a site's link (DESIGN.md §5): thresholds, the two-sample
 * hysteresis and staleness. Pure: the ingest service feeds it the stored probe state.
 */

/** Loss at or above this is an interrupted link. */
export const DOWN_LOSS_PCT = 50;
/** Loss at or above this, or latency above DEGRADED_LATENCY_MS, is a disturbed link. */
export const DEGRADED_LOSS_PCT = 5;
export const DEGRADED_LATENCY_MS = 300;
/** Samples pointing to the same new status needed before the site changes (no flapping). */
export const SAMPLES_TO_CHANGE = 2;
/**
 * …and the time they must span, first to last: two samples one second apart in one batch are
 * one observation, not two (a probe agent reports once a minute).
 */
export const MIN_CHANGE_SPAN_MS = 30_000;
/** No sample for this long: the link is considered down. */
export const STALE_AFTER_MS = 5 * 60_000;

export type ProbeStatus = Extract<LinkStatus, "up" | "degraded" | "down">;

export interface ProbeSample {
  at: Date;
  latencyMs: number;
  lossPct: number;
}

export interface ProbeState {
  lastSampleAt: Date;
  candidateStatus: LinkStatus;
  consecutive: number;
  /** When the first of the consecutive samples was taken (null in states stored before it was kept). */
  candidateSince: Date | null;
}

export interface ProbeStep {
  /** The status this sample points to. */
  candidateStatus: ProbeStatus;
  /** How many consecutive samples (this one included) point to it. */
  consecutive: number;
  /** When the first of them was taken. */
  candidateSince: Date;
  /** The candidate once enough samples over enough time agree: what the probes now assert. */
  confirmed: ProbeStatus | null;
  /** The status the site should move to now, or null. */
  change: ProbeStatus | null;
}

export function statusFromSample(sample: { latencyMs: number; lossPct: number }): ProbeStatus {
  if (sample.lossPct >= DOWN_LOSS_PCT) return "down";
  if (sample.latencyMs > DEGRADED_LATENCY_MS || sample.lossPct >= DEGRADED_LOSS_PCT) return "degraded";
  return "up";
}

/**
 * The probe state after one more sample. A change needs SAMPLES_TO_CHANGE samples spanning at
 * least MIN_CHANGE_SPAN_MS. A previous state older than the stale delay does not count: after a
 * silence the hysteresis starts again, so one sample cannot end an outage. Probes never move a
 * site in maintenance or not yet connected (only operators do).
 */
export function nextProbeState(previous: ProbeState | null, sample: ProbeSample, currentSiteStatus: LinkStatus): ProbeStep {
  const candidateStatus = statusFromSample(sample);
  const continues = previous !== null && previous.candidateStatus === candidateStatus && !isStale(previous.lastSampleAt, sample.at);
  const consecutive = continues ? previous.consecutive + 1 : 1;
  // A state stored before candidateSince existed: its previous sample is the best lower bound.
  const candidateSince = continues ? (previous.candidateSince ?? previous.lastSampleAt) : sample.at;
  const confirmed = consecutive >= SAMPLES_TO_CHANGE && sample.at.getTime() - candidateSince.getTime() >= MIN_CHANGE_SPAN_MS ? candidateStatus : null;
  const movable = currentSiteStatus !== "maintenance" && currentSiteStatus !== "not_connected";
  const change = movable && confirmed !== null && confirmed !== currentSiteStatus ? confirmed : null;
  return { candidateStatus, consecutive, candidateSince, confirmed, change };
}

/** Whether a site whose last sample was at `lastSampleAt` has been silent too long at `now`. */
export function isStale(lastSampleAt: Date, now: Date): boolean {
  return now.getTime() - lastSampleAt.getTime() > STALE_AFTER_MS;
}
