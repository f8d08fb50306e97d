import type { LinkSource, LinkStatus } from "../../../app/domain/constants";
import type { Random } from "../random";
import type { SiteSeed } from "./sites";

export interface StatusChangeSeed {
  siteCode: string;
  fromStatus: LinkStatus | null;
  toStatus: LinkStatus;
  at: Date;
  source: LinkSource;
  note: string;
  /** Recorded by the operator account (its id is filled in when demo accounts exist). */
  byOperator: boolean;
}

export interface MaintenanceSeed {
  siteCode: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
}

export interface NetworkSeed {
  status: Map<string, { linkStatus: LinkStatus; since: Date }>;
  changes: StatusChangeSeed[];
  maintenanceWindows: MaintenanceSeed[];
}

type ConnectedStatus = Exclude<LinkStatus, "not_connected">;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Phase 2 was planned (and its sites recorded) on this date. */
const PHASE_2_PLANNED_AT = new Date("2023-11-15T09:00:00Z");

const DOWN_CAUSES: readonly { source: LinkSource; note: string; byOperator?: boolean }[] = [
  { source: "probe", note: "Perte de paquets de 100 % sur deux mesures consécutives" },
  { source: "alertmanager", note: "Alerte SiteLinkDown déclenchée" },
  { source: "system", note: "Aucun signal de la sonde depuis 5 minutes" },
  { source: "operator", note: "Coupure de la fibre signalée par le bureau — équipe d'intervention dépêchée", byOperator: true },
];
const DEGRADED_CAUSES: readonly { source: LinkSource; note: string }[] = [
  { source: "probe", note: "Latence supérieure à 300 ms sur deux mesures consécutives" },
  { source: "probe", note: "Perte de paquets de 8 % sur deux mesures consécutives" },
  { source: "alertmanager", note: "Alerte SiteLinkDegraded déclenchée" },
];

const CURRENT_MAINTENANCE_REASON = "Migration du routeur d'accès du local technique vers la nouvelle boucle optique";
const PAST_MAINTENANCE_REASON = "Mise à jour logicielle des équipements actifs du local technique";
const FUTURE_MAINTENANCE_REASON = "Remplacement du convertisseur optique et tests de la liaison";

function randomStatus(random: Random): ConnectedStatus {
  const r = random.next();
  if (r < 0.045) return "degraded";
  if (r < 0.07) return "down";
  return "up";
}

/**
 * Link statuses, their history over the past 90 days and the maintenance windows, relative to
 * `now`. `forced` gives the status of the buildings that house offices (so every availability
 * state shows); the others draw theirs: mostly up, some degraded, a few down.
 */
export function buildNetwork(
  sites: readonly SiteSeed[],
  forced: ReadonlyMap<string, ConnectedStatus>,
  pastMaintenanceSite: string,
  futureMaintenanceSite: string,
  random: Random,
  now: Date,
): NetworkSeed {
  const changes: StatusChangeSeed[] = [];
  const maintenanceWindows: MaintenanceSeed[] = [];
  const current = new Map<string, ConnectedStatus>();

  for (const site of sites) {
    if (site.connectedOn === null) {
      changes.push({ siteCode: site.code, fromStatus: null, toStatus: "not_connected", at: PHASE_2_PLANNED_AT, source: "system", note: "Site planifié — phase 2 du réseau", byOperator: false });
      continue;
    }
    const status = forced.get(site.code) ?? randomStatus(random);
    current.set(site.code, status);
    changes.push({ siteCode: site.code, fromStatus: null, toStatus: "up", at: new Date(`${site.connectedOn}T10:00:00Z`), source: "system", note: "Raccordement initial", byOperator: false });
  }

  // Short incidents over the past 90 days, on ~45 buildings and on every office building.
  const connected = sites.filter((s) => s.connectedOn !== null && s.code !== pastMaintenanceSite);
  const withHistory = new Set([...random.shuffle(connected).slice(0, 45).map((s) => s.code), ...[...forced.keys()].filter((c) => c !== pastMaintenanceSite)]);
  for (const site of connected) {
    if (!withHistory.has(site.code)) continue;
    const days = random.shuffle(Array.from({ length: 84 }, (_, i) => i + 5)).slice(0, random.int(1, 3));
    for (const daysAgo of days.sort((a, b) => b - a)) {
      const start = new Date(now.getTime() - daysAgo * DAY + random.int(6 * 60, 20 * 60) * MINUTE - (now.getTime() % DAY));
      const isDown = random.chance(0.55);
      const cause = isDown ? random.pick(DOWN_CAUSES) : random.pick(DEGRADED_CAUSES);
      const minutes = isDown ? random.int(8, 180) : random.int(20, 360);
      const to: LinkStatus = isDown ? "down" : "degraded";
      changes.push({ siteCode: site.code, fromStatus: "up", toStatus: to, at: start, source: cause.source, note: cause.note, byOperator: "byOperator" in cause && cause.byOperator === true });
      const recoverySource: LinkSource = cause.source === "system" ? "probe" : cause.source;
      changes.push({ siteCode: site.code, fromStatus: to, toStatus: "up", at: new Date(start.getTime() + minutes * MINUTE), source: recoverySource, note: "Liaison rétablie", byOperator: recoverySource === "operator" });
    }
  }

  // A maintenance three weeks ago, counted apart from outages in uptime figures.
  const pastStart = new Date(now.getTime() - 21 * DAY - (now.getTime() % DAY) + 22 * HOUR);
  const pastEnd = new Date(pastStart.getTime() + 150 * MINUTE);
  maintenanceWindows.push({ siteCode: pastMaintenanceSite, startsAt: pastStart, endsAt: pastEnd, reason: PAST_MAINTENANCE_REASON });
  changes.push(
    { siteCode: pastMaintenanceSite, fromStatus: "up", toStatus: "maintenance", at: pastStart, source: "operator", note: PAST_MAINTENANCE_REASON, byOperator: true },
    { siteCode: pastMaintenanceSite, fromStatus: "maintenance", toStatus: "up", at: pastEnd, source: "operator", note: "Fin de maintenance", byOperator: true },
  );

  // The current state of the buildings that are not up.
  for (const [code, status] of current) {
    if (status === "up") continue;
    if (status === "maintenance") {
      const startsAt = new Date(now.getTime() - 90 * MINUTE);
      maintenanceWindows.push({ siteCode: code, startsAt, endsAt: new Date(now.getTime() + 150 * MINUTE), reason: CURRENT_MAINTENANCE_REASON });
      changes.push({ siteCode: code, fromStatus: "up", toStatus: "maintenance", at: startsAt, source: "operator", note: CURRENT_MAINTENANCE_REASON, byOperator: true });
      continue;
    }
    const cause = status === "down" ? random.pick(DOWN_CAUSES) : random.pick(DEGRADED_CAUSES);
    const at = new Date(now.getTime() - random.int(12, 3 * 24 * 60) * MINUTE);
    changes.push({ siteCode: code, fromStatus: "up", toStatus: status, at, source: cause.source, note: cause.note, byOperator: "byOperator" in cause && cause.byOperator === true });
  }

  // A planned maintenance in three days.
  const futureStart = new Date(now.getTime() + 3 * DAY - (now.getTime() % DAY) + 20 * HOUR);
  maintenanceWindows.push({ siteCode: futureMaintenanceSite, startsAt: futureStart, endsAt: new Date(futureStart.getTime() + 4 * HOUR), reason: FUTURE_MAINTENANCE_REASON });

  changes.sort((a, b) => (a.siteCode === b.siteCode ? a.at.getTime() - b.at.getTime() : a.siteCode < b.siteCode ? -1 : 1));
  const status = new Map<string, { linkStatus: LinkStatus; since: Date }>();
  for (const change of changes) status.set(change.siteCode, { linkStatus: change.toStatus, since: change.at });
  return { status, changes, maintenanceWindows };
}
