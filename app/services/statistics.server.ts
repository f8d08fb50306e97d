/**
 * Figures of one office over a period, per procedure and per week, for its supervisors
 * (/agent/statistiques and its CSV). Everything is aggregated in SQL, bounded by the office and
 * the period so that it reads the office's rows only:
 * - received: cases of the office whose submitted_at falls in the period;
 * - decided: cases of the office whose decided_at falls in the period and whose status is a
 *   decision (accepted → ready → delivered, rejected, closed; a withdrawal is not a decision, a
 *   reopened case waits for its new decision);
 * - in progress: cases of the office waiting for its decision now (submitted, in review, awaiting
 *   the citizen's pieces) — a count of today, not of the period;
 * - processing time of a decided case: submitted_at → decided_at less paused_ms (waiting for the
 *   citizen's pieces, the queue before the office, link outages): the office's own time;
 *   median and 90th percentile with percentile_cont (linear interpolation, see domain/statistics);
 * - within target: decided_at ≤ due_at (the due date already moved by the pauses);
 * - link outages: the time the office's building was down or in maintenance (site_outage),
 *   clipped to the period — one figure for the office, not per procedure.
 */
import { and, asc, eq, gte, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import { cases, offices, procedures, siteOutages } from "../../db/schema";
import type { Locale } from "~/domain/constants";
import {
  DECIDED_STATUSES,
  msToDays,
  msToHours,
  OPEN_STATUSES,
  overlapMs,
  periodBounds,
  weeksOf,
  type Period,
  type Week,
} from "~/domain/statistics";
import { CSV_BOM, csvLine, csvNumber } from "~/utils/csv";
import type { Executor } from "~/utils/db.server";

export interface ProcedureFigures {
  /** null: the row of all procedures. */
  procedureId: number | null;
  title: string;
  received: number;
  decided: number;
  inProgress: number;
  medianMs: number | null;
  p90Ms: number | null;
  decidedWithinTarget: number;
  /** decidedWithinTarget / decided, null when nothing was decided. */
  shareWithinTarget: number | null;
}

export interface WeekFigures extends Week {
  received: number;
  decided: number;
}

export interface OfficeStatistics {
  office: { id: number; code: string; name: string };
  period: Period;
  procedures: ProcedureFigures[];
  total: ProcedureFigures;
  weeks: WeekFigures[];
  outages: { count: number; downMs: number; maintenanceMs: number; totalMs: number };
}

/** The offices a user supervises (the statistics selector), by name. */
export async function supervisedOffices(db: Executor, officeIds: readonly number[]): Promise<{ id: number; code: string; name: string }[]> {
  if (officeIds.length === 0) return [];
  return db
    .select({ id: offices.id, code: offices.code, name: offices.name })
    .from(offices)
    .where(inArray(offices.id, [...officeIds]))
    .orderBy(asc(offices.name));
}

// ISO week (Monday) of a timestamp, Togo time = UTC, as the YYYY-MM-DD of its Monday.
const weekOf = (column: typeof cases.submittedAt | typeof cases.decidedAt) =>
  sql<string>`to_char(date_trunc('week', ${column} at time zone 'UTC'), 'YYYY-MM-DD')`;

const processing = sql`greatest(0, extract(epoch from (${cases.decidedAt} - ${cases.submittedAt})) * 1000 - ${cases.pausedMs})`;

export async function officeStatistics(
  db: Executor,
  input: { officeId: number; period: Period; locale: Locale; now?: Date },
): Promise<OfficeStatistics | null> {
  const now = input.now ?? new Date();
  const [office] = await db
    .select({ id: offices.id, code: offices.code, name: offices.name, siteId: offices.siteId })
    .from(offices)
    .where(eq(offices.id, input.officeId));
  if (!office) return null;
  const { start, end } = periodBounds(input.period);

  const receivedWeek = weekOf(cases.submittedAt);
  const decidedWeek = weekOf(cases.decidedAt);
  const [received, decided, open, outages] = await Promise.all([
    // Uses (office_id, submitted_at) when indexed; else the office prefix of case_office_status_due_idx.
    db
      .select({
        procedureId: cases.procedureId,
        week: receivedWeek,
        byProcedure: sql<number>`grouping(${cases.procedureId})`.mapWith(Number),
        count: sql<number>`count(*)::int`.mapWith(Number),
      })
      .from(cases)
      .where(and(eq(cases.officeId, office.id), gte(cases.submittedAt, start), lt(cases.submittedAt, end)))
      .groupBy(sql`grouping sets ((${cases.procedureId}), (${receivedWeek}))`),
    db
      .select({
        procedureId: cases.procedureId,
        week: decidedWeek,
        // 0 when grouped by procedure or overall; 1 when not (the week rows).
        byProcedure: sql<number>`grouping(${cases.procedureId})`.mapWith(Number),
        byWeek: sql<number>`grouping(${decidedWeek})`.mapWith(Number),
        count: sql<number>`count(*)::int`.mapWith(Number),
        medianMs: sql<number | null>`percentile_cont(0.5) within group (order by ${processing})`,
        p90Ms: sql<number | null>`percentile_cont(0.9) within group (order by ${processing})`,
        withinTarget: sql<number>`(count(*) filter (where ${cases.decidedAt} <= ${cases.dueAt}))::int`.mapWith(Number),
      })
      .from(cases)
      .where(
        and(
          eq(cases.officeId, office.id),
          gte(cases.decidedAt, start),
          lt(cases.decidedAt, end),
          inArray(cases.status, [...DECIDED_STATUSES]),
          isNotNull(cases.submittedAt),
        ),
      )
      .groupBy(sql`grouping sets ((${cases.procedureId}), (${decidedWeek}), ())`),
    // Uses case_office_status_due_idx (office_id, status, …).
    db
      .select({ procedureId: cases.procedureId, count: sql<number>`count(*)::int`.mapWith(Number) })
      .from(cases)
      .where(and(eq(cases.officeId, office.id), inArray(cases.status, [...OPEN_STATUSES])))
      .groupBy(cases.procedureId),
    // Uses site_outage_site_idx (site_id, started_at).
    db
      .select({ status: siteOutages.status, startedAt: siteOutages.startedAt, endedAt: siteOutages.endedAt })
      .from(siteOutages)
      .where(
        and(
          eq(siteOutages.siteId, office.siteId),
          lt(siteOutages.startedAt, end),
          or(sql`${siteOutages.endedAt} is null`, gte(siteOutages.endedAt, start)),
        ),
      ),
  ]);

  const ids = new Set<number>();
  for (const row of [...received, ...decided, ...open]) if (row.procedureId !== null && ("byProcedure" in row ? row.byProcedure === 0 : true)) ids.add(row.procedureId);
  const titles = ids.size
    ? await db
        .select({ id: procedures.id, titleFr: procedures.titleFr, titleEn: procedures.titleEn })
        .from(procedures)
        .where(inArray(procedures.id, [...ids]))
    : [];

  const asNumber = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  const empty = (procedureId: number | null, title: string): ProcedureFigures => ({
    procedureId,
    title,
    received: 0,
    decided: 0,
    inProgress: 0,
    medianMs: null,
    p90Ms: null,
    decidedWithinTarget: 0,
    shareWithinTarget: null,
  });
  const rows = new Map<number, ProcedureFigures>(
    titles.map((p) => [p.id, empty(p.id, input.locale === "en" ? p.titleEn : p.titleFr)]),
  );
  const total = empty(null, "");
  for (const row of received) {
    if (row.byProcedure !== 0) continue;
    rows.get(row.procedureId)!.received = row.count;
    total.received += row.count;
  }
  for (const row of decided) {
    if (row.byWeek === 1 && row.byProcedure === 1) {
      Object.assign(total, { decided: row.count, medianMs: asNumber(row.medianMs), p90Ms: asNumber(row.p90Ms), decidedWithinTarget: row.withinTarget });
    } else if (row.byProcedure === 0) {
      Object.assign(rows.get(row.procedureId)!, { decided: row.count, medianMs: asNumber(row.medianMs), p90Ms: asNumber(row.p90Ms), decidedWithinTarget: row.withinTarget });
    }
  }
  for (const row of open) {
    rows.get(row.procedureId)!.inProgress = row.count;
    total.inProgress += row.count;
  }
  for (const row of [...rows.values(), total]) row.shareWithinTarget = row.decided ? row.decidedWithinTarget / row.decided : null;

  const receivedByWeek = new Map(received.filter((r) => r.byProcedure === 1).map((r) => [r.week, r.count]));
  const decidedByWeek = new Map(decided.filter((r) => r.byProcedure === 1 && r.byWeek === 0).map((r) => [r.week, r.count]));
  const weeks = weeksOf(input.period).map((week) => ({
    ...week,
    received: receivedByWeek.get(week.key) ?? 0,
    decided: decidedByWeek.get(week.key) ?? 0,
  }));

  const outageTotals = { count: outages.length, downMs: 0, maintenanceMs: 0, totalMs: 0 };
  for (const outage of outages) {
    const ms = overlapMs({ start: outage.startedAt, end: outage.endedAt }, { start, end }, now);
    if (outage.status === "maintenance") outageTotals.maintenanceMs += ms;
    else outageTotals.downMs += ms;
    outageTotals.totalMs += ms;
  }

  const sorted = [...rows.values()].sort((a, b) => b.received - a.received || b.decided - a.decided || a.title.localeCompare(b.title, input.locale));
  return {
    office: { id: office.id, code: office.code, name: office.name },
    period: input.period,
    procedures: sorted,
    total,
    weeks,
    outages: outageTotals,
  };
}

/** Column headers of the CSV, in the reader's language (French by default). */
export const CSV_COLUMNS = ["office", "procedure", "received", "decided", "inProgress", "medianDays", "p90Days", "withinTargetPercent", "outageHours", "from", "to"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * The figures as CSV for a spreadsheet in French, streamed: UTF-8 with a BOM (Excel reads the
 * accents), ';' between cells, decimal comma, no thousands separator (a number Excel can sum),
 * durations in days with one decimal, the share in percent. One row per procedure, then the row
 * of all procedures, which alone carries the office's link outage hours.
 */
export function statisticsCsvStream(stats: OfficeStatistics, labels: { column: (c: CsvColumn) => string; allProcedures: string }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const row = (figures: ProcedureFigures, outageHours: string) =>
    csvLine([
      stats.office.name,
      figures.procedureId === null ? labels.allProcedures : figures.title,
      String(figures.received),
      String(figures.decided),
      String(figures.inProgress),
      csvNumber(msToDays(figures.medianMs)),
      csvNumber(msToDays(figures.p90Ms)),
      csvNumber(figures.shareWithinTarget === null ? null : figures.shareWithinTarget * 100),
      outageHours,
      stats.period.from,
      stats.period.to,
    ]);
  const lines = [
    `${CSV_BOM}${csvLine(CSV_COLUMNS.map(labels.column))}`,
    ...stats.procedures.map((figures) => row(figures, "")),
    row(stats.total, csvNumber(msToHours(stats.outages.totalMs))),
  ];
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index < lines.length) controller.enqueue(encoder.encode(lines[index++]));
      else controller.close();
    },
  });
}
