import { describe, expect, it } from "vitest";
import {
  defaultPeriod,
  typedDay,
  median,
  overlapMs,
  p90,
  parsePeriod,
  percentile,
  periodDays,
  processingMs,
  shareWithinTarget,
  weeksOf,
} from "./statistics";

const D = 86_400_000;
const now = new Date("2026-11-22T15:30:00Z");

describe("percentiles (linear interpolation between closest ranks, as percentile_cont)", () => {
  it.each([
    [[], null, null],
    [[4 * D], 4 * D, 4 * D],
    [[1, 2], 1.5, 1.9],
    [[15, 1, 9, 2], 5.5, 13.2],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5.5, 9.1],
    [[3, 3, 3], 3, 3],
  ] as [number[], number | null, number | null][])("%j → median %s, p90 %s", (values, m, p) => {
    if (m === null) expect(median(values)).toBeNull();
    else expect(median(values)).toBeCloseTo(m, 9);
    if (p === null) expect(p90(values)).toBeNull();
    else expect(p90(values)).toBeCloseTo(p, 9);
  });

  it("gives the extremes at 0 and 1 and does not reorder its input", () => {
    const values = [5, 1, 3];
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 1)).toBe(5);
    expect(values).toEqual([5, 1, 3]);
  });
});

describe("share decided within target and processing time", () => {
  const day = (n: number) => new Date(Date.UTC(2026, 9, n));
  it("counts decided on or before the due date; null without decisions", () => {
    expect(shareWithinTarget([])).toBeNull();
    expect(
      shareWithinTarget([
        { decidedAt: day(10), dueAt: day(10) },
        { decidedAt: day(11), dueAt: day(10) },
        { decidedAt: day(2), dueAt: day(10) },
        { decidedAt: day(2), dueAt: null },
      ]),
    ).toBe(0.5);
  });
  it("subtracts paused time, never below zero", () => {
    expect(processingMs({ submittedAt: day(1), decidedAt: day(11), pausedMs: 3 * D })).toBe(7 * D);
    expect(processingMs({ submittedAt: day(1), decidedAt: day(2), pausedMs: 3 * D })).toBe(0);
  });
});

describe("period", () => {
  it("defaults to the last 90 days, today included", () => {
    expect(defaultPeriod(now)).toEqual({ from: "2026-08-25", to: "2026-11-22" });
    expect(periodDays(defaultPeriod(now))).toBe(90);
    expect(parsePeriod({}, now)).toEqual({ ok: true, period: { from: "2026-08-25", to: "2026-11-22" } });
    expect(parsePeriod({ from: " ", to: "" }, now)).toEqual({ ok: true, period: { from: "2026-08-25", to: "2026-11-22" } });
  });
  it.each([
    [{ from: "2026-10-01", to: "2026-10-31" }, { ok: true, period: { from: "2026-10-01", to: "2026-10-31" } }],
    [{ from: "2026-10-01" }, { ok: true, period: { from: "2026-10-01", to: "2026-11-22" } }],
    [{ from: "01/10/2026", to: "31/10/2026" }, { ok: true, period: { from: "2026-10-01", to: "2026-10-31" } }],
    [{ from: "1.10.2026", to: "9-10-2026" }, { ok: true, period: { from: "2026-10-01", to: "2026-10-09" } }],
    [{ from: "2026-02-30", to: "2026-10-31" }, { ok: false, errors: { from: "invalid_date" } }],
    [{ from: "30/02/2026", to: "10/31/2026" }, { ok: false, errors: { from: "invalid_date", to: "invalid_date" } }],
    [{ from: "2026/10/01", to: "nope" }, { ok: false, errors: { from: "invalid_date", to: "invalid_date" } }],
    [{ from: "2026-10-31", to: "2026-10-01" }, { ok: false, errors: { from: "from_after_to" } }],
    [{ from: "2026-10-01", to: "2026-11-23" }, { ok: false, errors: { to: "in_future" } }],
    [{ from: "2025-01-01", to: "2026-10-01" }, { ok: false, errors: { from: "too_long" } }],
    [{ from: "2025-10-01", to: "2026-10-01" }, { ok: true, period: { from: "2025-10-01", to: "2026-10-01" } }],
  ])("%j → %j", (raw, expected) => {
    expect(parsePeriod(raw, now)).toEqual(expected);
  });

  it("shows a day as typed in the form", () => {
    expect(typedDay("2026-08-25")).toBe("25/08/2026");
  });

  it("splits into ISO weeks clipped to the period", () => {
    expect(weeksOf({ from: "2026-11-04", to: "2026-11-16" })).toEqual([
      { key: "2026-11-02", from: "2026-11-04", to: "2026-11-08" },
      { key: "2026-11-09", from: "2026-11-09", to: "2026-11-15" },
      { key: "2026-11-16", from: "2026-11-16", to: "2026-11-16" },
    ]);
    expect(weeksOf(defaultPeriod(now))).toHaveLength(13);
  });

  it("clips an interval to the period and to now", () => {
    const bounds = { start: new Date("2026-10-01T00:00:00Z"), end: new Date("2026-11-01T00:00:00Z") };
    expect(overlapMs({ start: new Date("2026-09-30T00:00:00Z"), end: new Date("2026-10-01T06:00:00Z") }, bounds, now)).toBe(6 * 3_600_000);
    expect(overlapMs({ start: new Date("2026-10-31T23:00:00Z"), end: null }, bounds, now)).toBe(3_600_000);
    expect(overlapMs({ start: new Date("2026-09-01T00:00:00Z"), end: new Date("2026-09-02T00:00:00Z") }, bounds, now)).toBe(0);
  });
});
