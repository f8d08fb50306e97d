import { describe, expect, it } from "vitest";
import type { LinkStatus, RegionCode } from "./constants";
import { routeCase, type RoutingDecision, type RoutingOffice } from "./routing";

const AGENCY = 1;
const OTHER_AGENCY = 2;

function office(id: number, siteStatus: LinkStatus, overrides: Partial<RoutingOffice> = {}): RoutingOffice {
  return { id, agencyId: AGENCY, regions: ["kara"], acceptsOnline: true, nationalCompetence: false, siteStatus, openCases: 0, ...overrides };
}
const national = (id: number, siteStatus: LinkStatus, overrides: Partial<RoutingOffice> = {}) =>
  office(id, siteStatus, { regions: ["maritime"], nationalCompetence: true, ...overrides });

const toOffice = (officeId: number, reason: Extract<RoutingDecision, { outcome: "office" }>["reason"]): RoutingDecision => ({
  outcome: "office",
  officeId,
  reason,
});
const queued = (reason: Extract<RoutingDecision, { outcome: "queued" }>["reason"]): RoutingDecision => ({ outcome: "queued", reason });

interface Row {
  name: string;
  region?: RegionCode;
  preferred?: number;
  exclude?: number[];
  offices: RoutingOffice[];
  expected: RoutingDecision;
}

const TABLE: Row[] = [
  // The citizen's chosen office.
  { name: "chosen office up", preferred: 2, offices: [office(1, "up"), office(2, "up", { openCases: 9 })], expected: toOffice(2, "preferred_office") },
  { name: "chosen office degraded, another up", preferred: 2, offices: [office(1, "up"), office(2, "degraded")], expected: toOffice(2, "preferred_office") },
  { name: "chosen office down → least loaded up", preferred: 2, offices: [office(1, "up", { openCases: 3 }), office(2, "down"), office(3, "up", { openCases: 1 })], expected: toOffice(3, "least_loaded_up") },
  { name: "chosen office in maintenance → up one", preferred: 2, offices: [office(1, "up"), office(2, "maintenance")], expected: toOffice(1, "least_loaded_up") },
  { name: "chosen office not connected → up one", preferred: 2, offices: [office(1, "up"), office(2, "not_connected")], expected: toOffice(1, "least_loaded_up") },
  { name: "chosen office down, only a degraded one left", preferred: 2, offices: [office(1, "degraded"), office(2, "down")], expected: toOffice(1, "degraded_fallback") },
  { name: "chosen office of another region is ignored", preferred: 2, offices: [office(1, "up"), office(2, "up", { regions: ["savanes"] })], expected: toOffice(1, "least_loaded_up") },
  { name: "chosen office not accepting online cases is ignored", preferred: 2, offices: [office(1, "up", { openCases: 5 }), office(2, "up", { acceptsOnline: false })], expected: toOffice(1, "least_loaded_up") },
  { name: "chosen office of another agency is ignored", preferred: 2, offices: [office(1, "up", { openCases: 5 }), office(2, "up", { agencyId: OTHER_AGENCY })], expected: toOffice(1, "least_loaded_up") },
  { name: "unknown chosen office", preferred: 99, offices: [office(1, "up")], expected: toOffice(1, "least_loaded_up") },
  // Load balancing.
  { name: "fewest open cases wins", offices: [office(1, "up", { openCases: 4 }), office(2, "up", { openCases: 2 }), office(3, "up", { openCases: 7 })], expected: toOffice(2, "least_loaded_up") },
  { name: "tie on open cases → lowest id", offices: [office(3, "up", { openCases: 2 }), office(1, "up", { openCases: 2 }), office(2, "up", { openCases: 5 })], expected: toOffice(1, "least_loaded_up") },
  { name: "an up office beats a less loaded degraded one", offices: [office(1, "degraded"), office(2, "up", { openCases: 50 })], expected: toOffice(2, "least_loaded_up") },
  { name: "degraded offices balanced by open cases", offices: [office(1, "degraded", { openCases: 6 }), office(2, "degraded", { openCases: 1 }), office(3, "down")], expected: toOffice(2, "degraded_fallback") },
  { name: "a degraded regional office beats an up national one", offices: [office(1, "degraded"), national(2, "up")], expected: toOffice(1, "degraded_fallback") },
  // National competence.
  { name: "regional offices down → national office up", offices: [office(1, "down"), national(2, "up")], expected: toOffice(2, "national_fallback") },
  { name: "regional offices in maintenance → least loaded national", offices: [office(1, "maintenance"), national(2, "up", { openCases: 8 }), national(3, "up", { openCases: 3 })], expected: toOffice(3, "national_fallback") },
  { name: "national office degraded is not a fallback", offices: [office(1, "down"), national(2, "degraded")], expected: queued("queued_unreachable") },
  { name: "national office down is not a fallback", offices: [office(1, "down"), national(2, "down")], expected: queued("queued_unreachable") },
  { name: "national office of another agency is ignored", offices: [office(1, "down"), national(2, "up", { agencyId: OTHER_AGENCY })], expected: queued("queued_unreachable") },
  { name: "national office not accepting online cases is ignored", offices: [office(1, "down"), national(2, "up", { acceptsOnline: false })], expected: queued("queued_unreachable") },
  { name: "region not connected yet → national office", offices: [office(1, "not_connected"), national(2, "up")], expected: toOffice(2, "national_fallback") },
  { name: "no regional office at all → national office", offices: [national(2, "up")], expected: toOffice(2, "national_fallback") },
  // Queued.
  { name: "every eligible office down → queued (unreachable)", offices: [office(1, "down"), office(2, "maintenance")], expected: queued("queued_unreachable") },
  { name: "region not connected, no national office → queued (not connected)", offices: [office(1, "not_connected")], expected: queued("queued_not_connected") },
  { name: "no office at all → queued (not connected)", offices: [], expected: queued("queued_not_connected") },
  { name: "only other regions' offices → queued (not connected)", region: "savanes", offices: [office(1, "up"), office(2, "up")], expected: queued("queued_not_connected") },
  { name: "only offices not accepting online cases → queued (not connected)", offices: [office(1, "up", { acceptsOnline: false })], expected: queued("queued_not_connected") },
  { name: "only the other agency's offices → queued (not connected)", offices: [office(1, "up", { agencyId: OTHER_AGENCY })], expected: queued("queued_not_connected") },
  { name: "other agency's up office ignored, own office down → queued (unreachable)", offices: [office(1, "up", { agencyId: OTHER_AGENCY }), office(2, "down")], expected: queued("queued_unreachable") },
  // Re-routing away from the current office.
  { name: "excluded office is never chosen, even as the chosen office", preferred: 1, exclude: [1], offices: [office(1, "up"), office(2, "up", { openCases: 9 })], expected: toOffice(2, "least_loaded_up") },
  { name: "excluded office only → queued (unreachable)", exclude: [1], offices: [office(1, "down")], expected: queued("queued_unreachable") },
  { name: "excluded regional office → national office", exclude: [1], offices: [office(1, "down"), national(2, "up")], expected: toOffice(2, "national_fallback") },
  // An office serving several regions.
  { name: "multi-region office serves the applicant's region", region: "savanes", offices: [office(1, "up", { regions: ["kara", "savanes"] })], expected: toOffice(1, "least_loaded_up") },
];

describe("routeCase", () => {
  it("covers the table", () => expect(TABLE.length).toBe(34));

  it.each(TABLE)("$name", (row) => {
    expect(
      routeCase({ agencyId: AGENCY, region: row.region ?? "kara", preferredOfficeId: row.preferred, excludeOfficeIds: row.exclude, offices: row.offices }),
    ).toEqual(row.expected);
  });

  it("does not depend on the order of the offices", () => {
    const offices = [office(4, "up", { openCases: 1 }), office(2, "up", { openCases: 1 }), office(3, "degraded")];
    const forward = routeCase({ agencyId: AGENCY, region: "kara", offices });
    const backward = routeCase({ agencyId: AGENCY, region: "kara", offices: [...offices].reverse() });
    expect(forward).toEqual(toOffice(2, "least_loaded_up"));
    expect(backward).toEqual(forward);
  });
});
