import type { DisplayedLinkStatus, LinkStatus, MonitoringLossReason } from "./constants";
import type { ProbeStatus } from "./link-derivation";

/**
 * How probes, Alertmanager and the operator combine into one link status (decision 018,
 * docs/monitoring.md "How the sources combine"). Pure: the ingest services gather the evidence
 * of one site and apply the verdict through changeSiteLinkStatus.
 *
 * In order, the first rule that applies decides:
 *  1. a site not yet connected stays so (only the administration connects it);
 *  2. maintenance (a window in progress, or set by hand) holds;
 *  3. an operator's status holds until the operator releases it or its hold time ends;
 *  4. a firing "down" alert from a live Alertmanager → down (a probe saying up does not end it);
 *  5. probes asserting down → down;
 *  6. a firing "degraded" alert → degraded;
 *  7. probes asserting a status → that status;
 *  8. an alert just resolved while Alertmanager still sees the site → up;
 *  9. every source watching the site is blind → the last known status, shown `unknown`;
 * 10. otherwise nothing new is known → the status stays.
 * A resolution for lack of data (the site's monitoring lost) is not evidence of up: the caller
 * keeps such an alert firing (site_alert.suspect_since).
 */

export type AlertEvidence = "down" | "degraded";

export interface SiteEvidence {
  current: LinkStatus;
  inMaintenanceWindow: boolean;
  operatorHold: { until: Date | null } | null;
  /**
   * What Alertmanager says, or null when no live Alertmanager watches the site (never reported
   * on it, its receiver silent, or the site's own probe target unreachable: `SiteMonitoringLost`).
   */
  alerts: { firing: readonly AlertEvidence[]; justResolved: boolean } | null;
  /** True when Alertmanager reported the site but cannot see it now (a silent receiver, or SiteMonitoringLost). */
  alertsBlind: boolean;
  /**
   * What the probes say, or null when no probe reports on the site. `asserted`: the status the
   * latest samples confirm (hysteresis), null while they do not agree yet; `live`: the samples are
   * fresh and their agent speaks.
   */
  probe: { asserted: ProbeStatus | null; live: boolean } | null;
  now: Date;
}

export const COMBINATION_RULES = [
  "not_connected",
  "maintenance",
  "operator_hold",
  "alert_down",
  "probe_down",
  "alert_degraded",
  "probe",
  "alert_resolved",
  "monitoring_lost",
  "no_news",
] as const;
export type CombinationRule = (typeof COMBINATION_RULES)[number];

export interface LinkVerdict {
  status: LinkStatus;
  /** Set when the site's monitoring is interrupted: every source that watches it is blind. */
  monitoringLost: boolean;
  rule: CombinationRule;
}

/** How long an operator's status holds: until released, a number of hours, or a date and time. */
export const HOLD_CHOICES = ["release", "1", "4", "24", "until"] as const;
export type HoldChoice = (typeof HOLD_CHOICES)[number];

export function operatorHoldActive(hold: { until: Date | null } | null, now: Date): boolean {
  return hold !== null && (hold.until === null || hold.until.getTime() > now.getTime());
}

export function combineLinkEvidence(e: SiteEvidence): LinkVerdict {
  const probeLive = e.probe !== null && e.probe.live;
  const alertsLive = e.alerts !== null;
  // Blind: someone watched the site and no one can see it now.
  const watched = e.probe !== null || e.alerts !== null || e.alertsBlind;
  const monitoringLost = watched && !probeLive && !alertsLive;
  const keep = (rule: CombinationRule, lost = monitoringLost): LinkVerdict => ({ status: e.current, monitoringLost: lost, rule });

  if (e.current === "not_connected") return keep("not_connected", false);
  if (e.current === "maintenance" || e.inMaintenanceWindow) return { status: "maintenance", monitoringLost: false, rule: "maintenance" };
  if (operatorHoldActive(e.operatorHold, e.now)) return keep("operator_hold", false);

  const asserted = probeLive ? e.probe!.asserted : null;
  if (alertsLive && e.alerts!.firing.includes("down")) return { status: "down", monitoringLost: false, rule: "alert_down" };
  if (asserted === "down") return { status: "down", monitoringLost: false, rule: "probe_down" };
  if (alertsLive && e.alerts!.firing.includes("degraded")) return { status: "degraded", monitoringLost: false, rule: "alert_degraded" };
  if (asserted) return { status: asserted, monitoringLost: false, rule: "probe" };
  // Probes that watch the site but do not agree yet: their hysteresis decides, not the alert's end.
  if (alertsLive && e.alerts!.justResolved && !probeLive) return { status: "up", monitoringLost: false, rule: "alert_resolved" };
  if (monitoringLost) return keep("monitoring_lost", true);
  return keep("no_news", false);
}

/**
 * What pages and the API show for a site: maintenance, planned sites and an operator's status
 * as they are; `unknown` while its monitoring is lost; otherwise its link status.
 */
export function displayedLinkStatus(site: {
  linkStatus: LinkStatus;
  monitoringLostAt: Date | string | null;
  /** The operator's hold is in force now (see operatorHoldActive), not merely recorded. */
  operatorHeld?: boolean;
}): DisplayedLinkStatus {
  if (site.linkStatus === "maintenance" || site.linkStatus === "not_connected") return site.linkStatus;
  if (site.operatorHeld) return site.linkStatus;
  return site.monitoringLostAt ? "unknown" : site.linkStatus;
}

/** Share of the watched sites that, silent together, point to the monitor rather than the fibres. */
export const DEFAULT_MASS_SILENCE_SHARE = 0.2;
/** Fewer silent sites than this is never a mass silence (a small network, or a handful of buildings). */
export const MASS_SILENCE_MIN_SITES = 5;

/**
 * Why a silent site (no sample for STALE_AFTER_MS) is silent: its agent stopped (source_silent),
 * too many sites at once (mass_silence), or — null — the site itself, which then goes down.
 */
export function silenceCause(input: { agentSilent: boolean; silentSites: number; watchedSites: number; share?: number }): MonitoringLossReason | null {
  if (input.agentSilent) return "source_silent";
  const share = input.share ?? DEFAULT_MASS_SILENCE_SHARE;
  if (input.silentSites >= MASS_SILENCE_MIN_SITES && input.watchedSites > 0 && input.silentSites / input.watchedSites > share) return "mass_silence";
  return null;
}
