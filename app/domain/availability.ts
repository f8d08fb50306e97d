import type { LinkStatus } from "./constants";
import { routeCase, type RoutingInput } from "./routing";

export const AVAILABILITIES = ["available", "disturbed", "unavailable", "not_online"] as const;
/**
 * available: a case goes to an up office; disturbed: only to a degraded one; unavailable: the
 * offices are connected but down or in maintenance — requests are forwarded automatically;
 * not_online: no office of the procedure is connected in the region yet.
 */
export type Availability = (typeof AVAILABILITIES)[number];

/** An office's availability is its building's link status. */
export function officeAvailability(siteStatus: LinkStatus): Availability {
  switch (siteStatus) {
    case "up":
      return "available";
    case "degraded":
      return "disturbed";
    case "down":
    case "maintenance":
      return "unavailable";
    case "not_connected":
      return "not_online";
  }
}

/**
 * A procedure's availability for a region, by construction the same answer routing would give a
 * case filed now (without a chosen office): where it would go, or why it would wait.
 */
export function procedureAvailability(input: Pick<RoutingInput, "agencyId" | "region" | "offices">): Availability {
  const decision = routeCase({ agencyId: input.agencyId, region: input.region, offices: input.offices });
  switch (decision.reason) {
    case "least_loaded_up":
    case "national_fallback":
    case "preferred_office":
      return "available";
    case "degraded_fallback":
      return "disturbed";
    case "queued_unreachable":
      return "unavailable";
    case "queued_not_connected":
      return "not_online";
  }
}
