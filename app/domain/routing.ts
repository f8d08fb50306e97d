import type { LinkStatus, RegionCode } from "./constants";

/** An office as routing sees it: who it belongs to, whom it serves, its building's link and its load. */
export interface RoutingOffice {
  id: number;
  agencyId: number;
  regions: readonly RegionCode[];
  acceptsOnline: boolean;
  nationalCompetence: boolean;
  siteStatus: LinkStatus;
  /** Cases waiting for or under instruction at the office (see OPEN_CASE_STATUSES). */
  openCases: number;
}

export interface RoutingInput {
  agencyId: number;
  region: RegionCode;
  preferredOfficeId?: number | null;
  /** Offices never chosen (re-routing a case away from its current office). */
  excludeOfficeIds?: readonly number[];
  offices: readonly RoutingOffice[];
}

export const ROUTING_REASONS = [
  "preferred_office",
  "least_loaded_up",
  "degraded_fallback",
  "national_fallback",
  "queued_unreachable",
  "queued_not_connected",
] as const;
export type RoutingReason = (typeof ROUTING_REASONS)[number];

export type RoutingDecision =
  | { outcome: "office"; officeId: number; reason: Exclude<RoutingReason, `queued_${string}`> }
  | { outcome: "queued"; reason: Extract<RoutingReason, `queued_${string}`> };

/** Statuses counted as an office's load. */
export const OPEN_CASE_STATUSES = ["submitted", "in_review", "awaiting_info"] as const;

/** A site that receives cases: up or degraded. */
export function isServing(status: LinkStatus): boolean {
  return status === "up" || status === "degraded";
}

/** Down or in maintenance: connected, but not receiving cases for now. */
export function isOutage(status: LinkStatus): boolean {
  return status === "down" || status === "maintenance";
}

/** Offices of the agency that take online cases from the region (the candidates of DESIGN.md §5). */
export function eligibleOffices(input: Pick<RoutingInput, "agencyId" | "region" | "offices">): RoutingOffice[] {
  return input.offices.filter((o) => o.agencyId === input.agencyId && o.acceptsOnline && o.regions.includes(input.region));
}

/** Fewest open cases first, then lowest id: the same input always gives the same office. */
function leastLoaded(offices: readonly RoutingOffice[]): RoutingOffice | undefined {
  return [...offices].sort((a, b) => a.openCases - b.openCases || a.id - b.id)[0];
}

/**
 * Where a case goes (DESIGN.md §5): the citizen's chosen office if it is up or degraded; else the
 * least loaded up office serving the region; else the least loaded degraded one; else the least
 * loaded up office of the agency with national competence; else the case waits in the queue.
 */
export function routeCase(input: RoutingInput): RoutingDecision {
  const excluded = new Set(input.excludeOfficeIds ?? []);
  const allowed = input.offices.filter((o) => !excluded.has(o.id));
  const candidates = eligibleOffices({ ...input, offices: allowed });

  const preferred = candidates.find((o) => o.id === input.preferredOfficeId);
  if (preferred && isServing(preferred.siteStatus)) return { outcome: "office", officeId: preferred.id, reason: "preferred_office" };

  const up = leastLoaded(candidates.filter((o) => o.siteStatus === "up"));
  if (up) return { outcome: "office", officeId: up.id, reason: "least_loaded_up" };

  const degraded = leastLoaded(candidates.filter((o) => o.siteStatus === "degraded"));
  if (degraded) return { outcome: "office", officeId: degraded.id, reason: "degraded_fallback" };

  const national = leastLoaded(
    allowed.filter((o) => o.agencyId === input.agencyId && o.acceptsOnline && o.nationalCompetence && o.siteStatus === "up"),
  );
  if (national) return { outcome: "office", officeId: national.id, reason: "national_fallback" };

  // Excluded offices still count as connected: the case is waiting for them, not for a new building.
  const connected = eligibleOffices({ ...input }).some((o) => o.siteStatus !== "not_connected");
  return { outcome: "queued", reason: connected ? "queued_unreachable" : "queued_not_connected" };
}
