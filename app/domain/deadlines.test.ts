import { describe, expect, it } from "vitest";
import { casePauseMs, continuesPreviousOutage, dueDate, outagePauseMs } from "./deadlines";

const H = 60 * 60 * 1000;
const at = (iso: string) => new Date(iso);

describe("dueDate", () => {
  it.each([
    { submitted: "2026-03-02T08:00:00Z", days: 10, paused: 0, due: "2026-03-12T08:00:00Z" },
    { submitted: "2026-03-02T08:00:00Z", days: 10, paused: 3 * H, due: "2026-03-12T11:00:00Z" },
    { submitted: "2026-03-02T08:00:00Z", days: 0, paused: 90 * 60_000, due: "2026-03-02T09:30:00Z" },
    { submitted: "2026-02-27T12:00:00Z", days: 3, paused: 2 * 24 * H, due: "2026-03-04T12:00:00Z" },
    { submitted: "2026-03-02T08:00:00Z", days: 5, paused: -H, due: "2026-03-07T08:00:00Z" },
  ])("$submitted + $days d + $paused ms = $due", ({ submitted, days, paused, due }) => {
    expect(dueDate(at(submitted), days, paused).toISOString()).toBe(at(due).toISOString());
  });
});

describe("outagePauseMs", () => {
  it.each([
    { started: "2026-03-02T08:00:00Z", ended: "2026-03-02T10:30:00Z", ms: 2.5 * H },
    { started: "2026-03-02T08:00:00Z", ended: "2026-03-02T08:00:00Z", ms: 0 },
    { started: "2026-03-02T08:00:00Z", ended: "2026-03-02T07:00:00Z", ms: 0 },
    { started: "2026-03-02T08:00:00Z", ended: null, ms: 0 },
  ])("$started → $ended = $ms ms", ({ started, ended, ms }) => {
    expect(outagePauseMs(at(started), ended ? at(ended) : null)).toBe(ms);
  });
});

describe("casePauseMs", () => {
  it.each([
    { name: "case filed before the outage gets all of it", submitted: "2026-03-01T08:00:00Z", ms: 4 * H },
    { name: "case filed during the outage gets the rest", submitted: "2026-03-02T11:00:00Z", ms: H },
    { name: "case filed after the outage gets nothing", submitted: "2026-03-02T13:00:00Z", ms: 0 },
    { name: "case without a filing time gets all of it", submitted: null, ms: 4 * H },
  ])("$name", ({ submitted, ms }) => {
    expect(casePauseMs(submitted ? at(submitted) : null, at("2026-03-02T08:00:00Z"), at("2026-03-02T12:00:00Z"))).toBe(ms);
  });
});

describe("continuesPreviousOutage", () => {
  it.each([
    { name: "no previous outage", ended: null, failed: "2026-03-02T08:00:00Z", same: false },
    { name: "fails again 2 minutes later", ended: "2026-03-02T08:00:00Z", failed: "2026-03-02T08:02:00Z", same: true },
    { name: "fails again exactly 15 minutes later", ended: "2026-03-02T08:00:00Z", failed: "2026-03-02T08:15:00Z", same: true },
    { name: "fails again 16 minutes later", ended: "2026-03-02T08:00:00Z", failed: "2026-03-02T08:16:00Z", same: false },
    { name: "failure dated before the previous end", ended: "2026-03-02T08:00:00Z", failed: "2026-03-02T07:59:00Z", same: false },
  ])("$name", ({ ended, failed, same }) => {
    expect(continuesPreviousOutage(ended ? at(ended) : null, at(failed))).toBe(same);
  });
});
