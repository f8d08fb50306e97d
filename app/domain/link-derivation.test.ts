import { describe, expect, it } from "vitest";
import type { LinkStatus } from "./constants";
import { isStale, nextProbeState, statusFromSample, type ProbeState } from "./link-derivation";

describe("statusFromSample", () => {
  it.each([
    { latencyMs: 20, lossPct: 0, expected: "up" },
    { latencyMs: 300, lossPct: 4.9, expected: "up" },
    { latencyMs: 300.1, lossPct: 0, expected: "degraded" },
    { latencyMs: 20, lossPct: 5, expected: "degraded" },
    { latencyMs: 900, lossPct: 49.9, expected: "degraded" },
    { latencyMs: 20, lossPct: 50, expected: "down" },
    { latencyMs: 0, lossPct: 100, expected: "down" },
  ])("latency $latencyMs ms, loss $lossPct % → $expected", ({ latencyMs, lossPct, expected }) => {
    expect(statusFromSample({ latencyMs, lossPct })).toBe(expected);
  });
});

const t0 = new Date("2026-11-22T08:00:00Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const UP = { latencyMs: 20, lossPct: 0 };
const SLOW = { latencyMs: 450, lossPct: 0 };
const LOST = { latencyMs: 0, lossPct: 100 };
// The previous sample a minute before the new one (at 0), the run starting one minute per sample earlier.
const state = (candidateStatus: LinkStatus, consecutive: number, seconds = -60): ProbeState => ({
  lastSampleAt: at(seconds),
  candidateStatus,
  consecutive,
  candidateSince: at(seconds - (consecutive - 1) * 60),
});
const strip = (step: ReturnType<typeof nextProbeState>) => ({ candidateStatus: step.candidateStatus, consecutive: step.consecutive, change: step.change });

describe("nextProbeState (two consecutive samples to change)", () => {
  it.each([
    { name: "first sample agreeing with the site", previous: null, sample: UP, site: "up", expected: { candidateStatus: "up", consecutive: 1, change: null } },
    { name: "first sample of a new status: wait", previous: null, sample: LOST, site: "up", expected: { candidateStatus: "down", consecutive: 1, change: null } },
    { name: "second sample of a new status: change", previous: state("down", 1), sample: LOST, site: "up", expected: { candidateStatus: "down", consecutive: 2, change: "down" } },
    { name: "third sample, site already changed", previous: state("down", 2), sample: LOST, site: "down", expected: { candidateStatus: "down", consecutive: 3, change: null } },
    { name: "flap: down then up resets the count", previous: state("down", 1), sample: UP, site: "up", expected: { candidateStatus: "up", consecutive: 1, change: null } },
    { name: "flap: up then down while down waits", previous: state("up", 1), sample: LOST, site: "down", expected: { candidateStatus: "down", consecutive: 1, change: null } },
    { name: "recovery needs two samples too", previous: state("up", 1), sample: UP, site: "down", expected: { candidateStatus: "up", consecutive: 2, change: "up" } },
    { name: "degraded after two slow samples", previous: state("degraded", 1), sample: SLOW, site: "up", expected: { candidateStatus: "degraded", consecutive: 2, change: "degraded" } },
    { name: "down → degraded", previous: state("degraded", 4), sample: SLOW, site: "down", expected: { candidateStatus: "degraded", consecutive: 5, change: "degraded" } },
    { name: "maintenance is never left by probes", previous: state("up", 3), sample: UP, site: "maintenance", expected: { candidateStatus: "up", consecutive: 4, change: null } },
    { name: "not connected is never left by probes", previous: state("up", 3), sample: UP, site: "not_connected", expected: { candidateStatus: "up", consecutive: 4, change: null } },
    { name: "a stale previous state does not count", previous: state("up", 9, -301), sample: UP, site: "down", expected: { candidateStatus: "up", consecutive: 1, change: null } },
    { name: "a previous state just within 5 minutes counts", previous: state("up", 1, -300), sample: UP, site: "down", expected: { candidateStatus: "up", consecutive: 2, change: "up" } },
  ] as const)("$name", ({ previous, sample, site, expected }) => {
    expect(strip(nextProbeState(previous, { ...sample, at: at(0) }, site))).toEqual(expected);
  });
});

describe("nextProbeState (time as well as count)", () => {
  it.each([
    { name: "two samples one second apart do not flip a site", previous: state("down", 1, -1), expected: null },
    { name: "two samples 29 s apart do not either", previous: state("down", 1, -29), expected: null },
    { name: "two samples 30 s apart do", previous: state("down", 1, -30), expected: "down" },
    { name: "three samples within 20 s do not", previous: { lastSampleAt: at(-10), candidateStatus: "down", consecutive: 2, candidateSince: at(-20) }, expected: null },
    { name: "a stored state without its start counts from its last sample", previous: { lastSampleAt: at(-45), candidateStatus: "down", consecutive: 1, candidateSince: null }, expected: "down" },
  ] as const)("$name", ({ previous, expected }) => {
    const step = nextProbeState(previous, { ...LOST, at: at(0) }, "up");
    expect(step.change).toBe(expected);
    expect(step.confirmed).toBe(expected);
  });

  it("keeps the start of the run while samples agree, and restarts it on a new status", () => {
    const first = nextProbeState(null, { ...LOST, at: at(0) }, "up");
    const second = nextProbeState({ lastSampleAt: at(0), candidateStatus: first.candidateStatus, consecutive: first.consecutive, candidateSince: first.candidateSince }, { ...LOST, at: at(10) }, "up");
    expect(second.candidateSince).toEqual(at(0));
    const third = nextProbeState({ lastSampleAt: at(10), candidateStatus: "down", consecutive: 2, candidateSince: at(0) }, { ...UP, at: at(20) }, "up");
    expect(third.candidateSince).toEqual(at(20));
    expect(third.consecutive).toBe(1);
  });
});

describe("isStale", () => {
  it.each([
    { seconds: 0, expected: false },
    { seconds: 299, expected: false },
    { seconds: 300, expected: false },
    { seconds: 301, expected: true },
    { seconds: 3600, expected: true },
  ])("last sample $seconds s ago → $expected", ({ seconds, expected }) => {
    expect(isStale(t0, at(seconds))).toBe(expected);
  });
});
