import { describe, expect, it } from "vitest";
import { procedureAvailability, officeAvailability, type Availability } from "./availability";
import type { LinkStatus, RegionCode } from "./constants";
import type { RoutingOffice } from "./routing";

function office(id: number, siteStatus: LinkStatus, overrides: Partial<RoutingOffice> = {}): RoutingOffice {
  return { id, agencyId: 1, regions: ["plateaux"], acceptsOnline: true, nationalCompetence: false, siteStatus, openCases: 0, ...overrides };
}
const national = (id: number, siteStatus: LinkStatus) => office(id, siteStatus, { regions: ["maritime"], nationalCompetence: true });

describe("officeAvailability", () => {
  it.each<[LinkStatus, Availability]>([
    ["up", "available"],
    ["degraded", "disturbed"],
    ["down", "unavailable"],
    ["maintenance", "unavailable"],
    ["not_connected", "not_online"],
  ])("%s → %s", (status, expected) => expect(officeAvailability(status)).toBe(expected));
});

describe("procedureAvailability", () => {
  it.each<{ name: string; region?: RegionCode; offices: RoutingOffice[]; expected: Availability }>([
    { name: "an eligible office up", offices: [office(1, "up"), office(2, "down")], expected: "available" },
    { name: "up and degraded", offices: [office(1, "degraded"), office(2, "up")], expected: "available" },
    { name: "only degraded ones reachable", offices: [office(1, "degraded"), office(2, "down")], expected: "disturbed" },
    { name: "degraded regional office, national office up (routing picks the regional one)", offices: [office(1, "degraded"), national(2, "up")], expected: "disturbed" },
    { name: "all down, a national office up", offices: [office(1, "down"), national(2, "up")], expected: "available" },
    { name: "region not connected, a national office up", offices: [office(1, "not_connected"), national(2, "up")], expected: "available" },
    { name: "all down or in maintenance", offices: [office(1, "down"), office(2, "maintenance")], expected: "unavailable" },
    { name: "all down, the national office degraded", offices: [office(1, "down"), national(2, "degraded")], expected: "unavailable" },
    { name: "none connected in the region", offices: [office(1, "not_connected")], expected: "not_online" },
    { name: "no office in the region", region: "savanes", offices: [office(1, "up")], expected: "not_online" },
    { name: "offices not accepting online cases", offices: [office(1, "up", { acceptsOnline: false })], expected: "not_online" },
    { name: "another agency's office up", offices: [office(1, "up", { agencyId: 9 }), office(2, "down")], expected: "unavailable" },
  ])("$name → $expected", ({ region, offices, expected }) => {
    expect(procedureAvailability({ agencyId: 1, region: region ?? "plateaux", offices })).toBe(expected);
  });
});
