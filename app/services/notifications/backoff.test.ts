import { describe, expect, it } from "vitest";
import { BACKOFF_CAP_MS, backoffDelayMs } from "./backoff";

const middle = () => 0.5; // no jitter

describe("backoffDelayMs", () => {
  it.each([
    [1, 30_000],
    [2, 60_000],
    [3, 120_000],
    [4, 240_000],
    [5, 480_000],
    [6, 960_000],
    [7, 1_920_000],
    [8, 3_600_000],
    [20, 3_600_000],
  ])("after %i failed attempt(s) waits %i ms", (attempts, expected) => {
    expect(backoffDelayMs(attempts, middle)).toBe(expected);
  });

  it("jitters by at most 10 % and never exceeds the cap", () => {
    expect(backoffDelayMs(1, () => 0)).toBe(27_000);
    expect(backoffDelayMs(1, () => 0.999_999)).toBeLessThanOrEqual(33_000);
    expect(backoffDelayMs(1, () => 0.999_999)).toBeGreaterThan(32_900);
    for (let i = 0; i < 50; i++) expect(backoffDelayMs(12)).toBeLessThanOrEqual(BACKOFF_CAP_MS);
  });

  it("grows monotonically without jitter", () => {
    const schedule = Array.from({ length: 10 }, (_, i) => backoffDelayMs(i + 1, middle));
    expect([...schedule].sort((a, b) => a - b)).toEqual(schedule);
  });
});
