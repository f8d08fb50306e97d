import { describe, expect, it } from "vitest";
import type { LinkStatus } from "./constants";
import { incidents, statusIntervals, uptime, type StatusChange } from "./uptime";

const H = 60 * 60 * 1000;
const T0 = new Date("2026-03-01T00:00:00Z");
const at = (hours: number) => new Date(T0.getTime() + hours * H);
const log = (...entries: [hours: number, to: LinkStatus][]): StatusChange[] => entries.map(([h, toStatus]) => ({ at: at(h), toStatus }));

describe("uptime", () => {
  const cases: {
    name: string;
    changes: StatusChange[];
    before: LinkStatus | null;
    expected: { ratio: number | null; upH?: number; degradedH?: number; downH?: number; maintenanceH?: number; notConnectedH?: number };
  }[] = [
    { name: "up all along", changes: [], before: "up", expected: { ratio: 1, upH: 10 } },
    { name: "down all along", changes: [], before: "down", expected: { ratio: 0, downH: 10 } },
    { name: "down for 2 h out of 10", changes: log([4, "down"], [6, "up"]), before: "up", expected: { ratio: 0.8, upH: 8, downH: 2 } },
    { name: "degraded counts as up", changes: log([2, "degraded"], [7, "up"]), before: "up", expected: { ratio: 1, upH: 5, degradedH: 5 } },
    {
      name: "maintenance is left out of the ratio",
      changes: log([0, "up"], [2, "maintenance"], [7, "up"], [8, "down"], [9, "up"]),
      before: "up",
      expected: { ratio: 4 / 5, upH: 4, maintenanceH: 5, downH: 1 },
    },
    { name: "only maintenance: nothing measurable", changes: [], before: "maintenance", expected: { ratio: null, maintenanceH: 10 } },
    { name: "not connected: nothing measurable", changes: [], before: "not_connected", expected: { ratio: null, notConnectedH: 10 } },
    { name: "connected in the window", changes: log([5, "up"], [9, "down"]), before: "not_connected", expected: { ratio: 0.8, notConnectedH: 5, upH: 4, downH: 1 } },
    { name: "unknown before the first change is not measured", changes: log([5, "down"], [6, "up"]), before: null, expected: { ratio: 0.8, downH: 1, upH: 4 } },
    { name: "no history at all", changes: [], before: null, expected: { ratio: null } },
    { name: "a change before the window sets the starting status", changes: log([-30, "down"]), before: "up", expected: { ratio: 0, downH: 10 } },
    { name: "the latest change before the window wins, in any order", changes: log([-1, "up"], [-30, "down"]), before: null, expected: { ratio: 1, upH: 10 } },
    { name: "a change exactly at the window start applies from the start", changes: log([0, "down"]), before: "up", expected: { ratio: 0, downH: 10 } },
    { name: "a change at now or later is ignored", changes: log([10, "down"], [12, "up"]), before: "up", expected: { ratio: 1, upH: 10 } },
    { name: "unsorted changes are sorted", changes: log([6, "up"], [4, "down"]), before: "up", expected: { ratio: 0.8, upH: 8, downH: 2 } },
  ];

  for (const c of cases) {
    it(c.name, () => {
      const result = uptime({ changes: c.changes, statusBefore: c.before, from: T0, now: at(10) });
      if (c.expected.ratio === null) expect(result.ratio).toBeNull();
      else expect(result.ratio).toBeCloseTo(c.expected.ratio, 10);
      expect({
        up: result.upMs,
        degraded: result.degradedMs,
        down: result.downMs,
        maintenance: result.maintenanceMs,
        notConnected: result.notConnectedMs,
      }).toEqual({
        up: (c.expected.upH ?? 0) * H,
        degraded: (c.expected.degradedH ?? 0) * H,
        down: (c.expected.downH ?? 0) * H,
        maintenance: (c.expected.maintenanceH ?? 0) * H,
        notConnected: (c.expected.notConnectedH ?? 0) * H,
      });
    });
  }

  it("an empty or reversed window measures nothing", () => {
    expect(uptime({ changes: [], statusBefore: "up", from: at(5), now: at(5) }).ratio).toBeNull();
    expect(statusIntervals({ changes: [], statusBefore: "up", from: at(5), now: at(1) })).toEqual([]);
  });
});

describe("statusIntervals", () => {
  it("merges consecutive equal statuses", () => {
    expect(statusIntervals({ changes: log([2, "up"], [4, "down"]), statusBefore: "up", from: T0, now: at(6) })).toEqual([
      { status: "up", from: at(0), to: at(4) },
      { status: "down", from: at(4), to: at(6) },
    ]);
  });
});

describe("incidents", () => {
  it("lists down and degraded periods, latest first, the open one without end", () => {
    const result = incidents({
      changes: log([1, "degraded"], [2, "down"], [3, "up"], [5, "maintenance"], [6, "up"], [8, "down"]),
      statusBefore: "up",
      from: T0,
      now: at(10),
    });
    expect(result).toEqual([
      { status: "down", from: at(8), to: null, durationMs: 2 * H },
      { status: "down", from: at(2), to: at(3), durationMs: H },
      { status: "degraded", from: at(1), to: at(2), durationMs: H },
    ]);
  });

  it("an incident begun before the window starts at the window start", () => {
    expect(incidents({ changes: log([-5, "down"], [3, "up"]), statusBefore: null, from: T0, now: at(10) })).toEqual([
      { status: "down", from: at(0), to: at(3), durationMs: 3 * H },
    ]);
  });

  it("maintenance and not connected are not incidents", () => {
    expect(incidents({ changes: log([1, "maintenance"], [2, "not_connected"]), statusBefore: "up", from: T0, now: at(10) })).toEqual([]);
  });
});
