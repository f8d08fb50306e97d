import type { LinkStatus } from "./constants";

/**
 * Uptime and incidents of a site, from its link-status change log (DESIGN.md §5).
 *
 * - Maintenance is counted apart: planned work is not an outage, so it is left out of the ratio.
 * - `not_connected` time is not measurable either (the link did not exist yet).
 * - `degraded` counts as up: the service still works, only slower (the routing sends cases to
 *   degraded offices too). It is reported apart in `degradedMs` and as an incident.
 * - Time before the first known status (a site created inside the window) is not measured.
 *
 * ratio = (up + degraded) / (up + degraded + down), i.e. (total − maintenance − not connected −
 * unknown) in the denominator; null when that is zero.
 */

export interface StatusChange {
  at: Date;
  toStatus: LinkStatus;
}

export interface ChangeLogWindow {
  /** The site's changes, any order; those before `from` only set the status at `from`. */
  changes: readonly StatusChange[];
  /** The status in force just before `from` when no change of `changes` precedes it (null: unknown). */
  statusBefore: LinkStatus | null;
  /** Window start (inclusive). */
  from: Date;
  /** Window end (exclusive): usually now. Changes at or after it are ignored. */
  now: Date;
}

export interface StatusInterval {
  status: LinkStatus;
  from: Date;
  to: Date;
}

export interface Uptime {
  /** 0..1, or null when nothing in the window was measurable. */
  ratio: number | null;
  upMs: number;
  degradedMs: number;
  downMs: number;
  maintenanceMs: number;
  notConnectedMs: number;
}

export interface Incident {
  status: "down" | "degraded";
  /** Start, or the window start when it began earlier. */
  from: Date;
  /** End, or null when it is still going on at `now`. */
  to: Date | null;
  /** Within the window (up to `now` for an open incident). */
  durationMs: number;
}

/** The window cut into intervals of one status each (consecutive equal statuses merged). */
export function statusIntervals({ changes, statusBefore, from, now }: ChangeLogWindow): StatusInterval[] {
  const start = from.getTime();
  const end = now.getTime();
  if (end <= start) return [];
  const sorted = [...changes].sort((a, b) => a.at.getTime() - b.at.getTime());

  let current: LinkStatus | null = statusBefore;
  let cursor = start;
  const intervals: StatusInterval[] = [];
  const push = (status: LinkStatus | null, a: number, b: number) => {
    if (status === null || b <= a) return;
    const last = intervals[intervals.length - 1];
    if (last && last.status === status && last.to.getTime() === a) last.to = new Date(b);
    else intervals.push({ status, from: new Date(a), to: new Date(b) });
  };

  for (const change of sorted) {
    const at = change.at.getTime();
    if (at >= end) break;
    if (at <= start) {
      current = change.toStatus;
      continue;
    }
    push(current, cursor, at);
    current = change.toStatus;
    cursor = at;
  }
  push(current, cursor, end);
  return intervals;
}

export function uptime(window: ChangeLogWindow): Uptime {
  const totals: Record<LinkStatus, number> = { up: 0, degraded: 0, down: 0, maintenance: 0, not_connected: 0 };
  for (const interval of statusIntervals(window)) totals[interval.status] += interval.to.getTime() - interval.from.getTime();
  const working = totals.up + totals.degraded;
  const measured = working + totals.down;
  return {
    ratio: measured === 0 ? null : working / measured,
    upMs: totals.up,
    degradedMs: totals.degraded,
    downMs: totals.down,
    maintenanceMs: totals.maintenance,
    notConnectedMs: totals.not_connected,
  };
}

/** The down and degraded periods of the window, latest first. */
export function incidents(window: ChangeLogWindow): Incident[] {
  const end = window.now.getTime();
  return statusIntervals(window)
    .filter((interval): interval is StatusInterval & { status: Incident["status"] } => interval.status === "down" || interval.status === "degraded")
    .map((interval) => ({
      status: interval.status,
      from: interval.from,
      to: interval.to.getTime() === end ? null : interval.to,
      durationMs: interval.to.getTime() - interval.from.getTime(),
    }))
    .reverse();
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** The periods of the console and the public API: 24 h, 7, 30 and 90 days. */
export const UPTIME_PERIODS = { d1: 1, d7: 7, d30: 30, d90: 90 } as const;
export type UptimePeriod = keyof typeof UPTIME_PERIODS;
