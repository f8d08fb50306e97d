/**
 * Statistics of an office (pure): the period asked for, the percentile method, the weeks of a
 * period and the CSV cells. The figures themselves are computed in SQL
 * (app/services/statistics.server.ts) with the same percentile method as `percentile` here:
 * PostgreSQL's `percentile_cont`, i.e. linear interpolation between the closest ranks
 * (R type 7, Excel PERCENTILE.INC).
 */

const DAY_MS = 86_400_000;

/** Case statuses that count as decided: accepted (then ready, delivered), rejected, closed. Withdrawn does not. */
export const DECIDED_STATUSES = ["accepted", "ready", "delivered", "rejected", "closed"] as const;
/** Case statuses that count as in progress at the office: waiting for its decision. */
export const OPEN_STATUSES = ["submitted", "in_review", "awaiting_info"] as const;

export const DEFAULT_PERIOD_DAYS = 90;
export const MAX_PERIOD_DAYS = 366;

/**
 * The p-th percentile (0 ≤ p ≤ 1) of `values`, by linear interpolation between the closest ranks
 * (rank h = (n − 1)·p): the method of PostgreSQL's percentile_cont. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.ceil(h);
  return sorted[lower]! + (h - lower) * (sorted[upper]! - sorted[lower]!);
}

export const median = (values: readonly number[]) => percentile(values, 0.5);
export const p90 = (values: readonly number[]) => percentile(values, 0.9);

/** Share (0–1) of the cases decided on or before their due date; null when none was decided. */
export function shareWithinTarget(cases: readonly { decidedAt: Date; dueAt: Date | null }[]): number | null {
  if (cases.length === 0) return null;
  const within = cases.filter((c) => c.dueAt !== null && c.decidedAt.getTime() <= c.dueAt.getTime()).length;
  return within / cases.length;
}

/** The office's own processing time: filing → decision, less the paused time (never negative). */
export function processingMs(c: { submittedAt: Date; decidedAt: Date; pausedMs: number }): number {
  return Math.max(0, c.decidedAt.getTime() - c.submittedAt.getTime() - c.pausedMs);
}

/** A period of whole days, Togo time (UTC): [from 00:00, to + 1 day 00:00). */
export interface Period {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD, inclusive */
  to: string;
}

export type PeriodError = "invalid_date" | "from_after_to" | "too_long" | "in_future";
export type PeriodResult = { ok: true; period: Period } | { ok: false; errors: { from?: PeriodError; to?: PeriodError } };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const FRENCH_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/**
 * A real calendar day typed as jj/mm/aaaa (also with . or -, one-digit day or month) or
 * aaaa-mm-jj, as a UTC midnight; else null.
 */
export function parseDay(value: string): Date | null {
  const iso = ISO_DAY.exec(value);
  const french = iso ? null : FRENCH_DAY.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : french ? [french[3], french[2], french[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

/** A day as typed in the form: jj/mm/aaaa. */
export function typedDay(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}

export const dayString = (date: Date) => date.toISOString().slice(0, 10);

export function defaultPeriod(now: Date): Period {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { from: dayString(new Date(to.getTime() - (DEFAULT_PERIOD_DAYS - 1) * DAY_MS)), to: dayString(to) };
}

/** The period of a GET form: both dates empty or absent → the last 90 days; else both checked. */
export function parsePeriod(raw: { from?: string | null; to?: string | null }, now: Date): PeriodResult {
  const fromRaw = raw.from?.trim() ?? "";
  const toRaw = raw.to?.trim() ?? "";
  const fallback = defaultPeriod(now);
  if (!fromRaw && !toRaw) return { ok: true, period: fallback };
  const from = parseDay(fromRaw || fallback.from);
  const to = parseDay(toRaw || fallback.to);
  const errors: { from?: PeriodError; to?: PeriodError } = {};
  if (!from) errors.from = "invalid_date";
  if (!to) errors.to = "invalid_date";
  if (from && to) {
    const today = parseDay(fallback.to)!;
    if (to.getTime() > today.getTime()) errors.to = "in_future";
    else if (from.getTime() > to.getTime()) errors.from = "from_after_to";
    else if (periodDays({ from: dayString(from), to: dayString(to) }) > MAX_PERIOD_DAYS) errors.from = "too_long";
  }
  if (errors.from || errors.to) return { ok: false, errors };
  return { ok: true, period: { from: dayString(from!), to: dayString(to!) } };
}

/** Number of days of a period, both ends included. */
export function periodDays(period: Period): number {
  return Math.round((parseDay(period.to)!.getTime() - parseDay(period.from)!.getTime()) / DAY_MS) + 1;
}

/** The instants bounding a period: [start, end). */
export function periodBounds(period: Period): { start: Date; end: Date } {
  return { start: parseDay(period.from)!, end: new Date(parseDay(period.to)!.getTime() + DAY_MS) };
}

/** A week of the period: starts on Monday (ISO), clipped to the period (first and last may be partial). */
export interface Week {
  /** Monday of the week, YYYY-MM-DD (the key SQL's date_trunc('week') gives). */
  key: string;
  /** First and last day of the week inside the period. */
  from: string;
  to: string;
}

export function weeksOf(period: Period): Week[] {
  const start = parseDay(period.from)!;
  const end = parseDay(period.to)!;
  const mondayOffset = (start.getUTCDay() + 6) % 7;
  const weeks: Week[] = [];
  for (let monday = start.getTime() - mondayOffset * DAY_MS; monday <= end.getTime(); monday += 7 * DAY_MS) {
    const from = Math.max(monday, start.getTime());
    const to = Math.min(monday + 6 * DAY_MS, end.getTime());
    weeks.push({ key: dayString(new Date(monday)), from: dayString(new Date(from)), to: dayString(new Date(to)) });
  }
  return weeks;
}

/** Milliseconds an interval [start, end) (end null: still going at `now`) overlaps [periodStart, periodEnd). */
export function overlapMs(interval: { start: Date; end: Date | null }, bounds: { start: Date; end: Date }, now: Date): number {
  const end = Math.min((interval.end ?? now).getTime(), bounds.end.getTime(), now.getTime());
  return Math.max(0, end - Math.max(interval.start.getTime(), bounds.start.getTime()));
}

/** Milliseconds → days (for display and export). */
export const msToDays = (ms: number | null) => (ms === null ? null : ms / DAY_MS);
/** Milliseconds → hours. */
export const msToHours = (ms: number) => ms / 3_600_000;
