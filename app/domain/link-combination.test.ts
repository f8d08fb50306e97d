import { describe, expect, it } from "vitest";
import { combineLinkEvidence, displayedLinkStatus, silenceCause, type SiteEvidence } from "./link-combination";

const now = new Date("2026-12-04T10:00:00Z");
const base: SiteEvidence = { current: "up", inMaintenanceWindow: false, operatorHold: null, alerts: null, alertsBlind: false, probe: null, now };
const alerts = (firing: ("down" | "degraded")[] = [], justResolved = false) => ({ firing, justResolved });
const probe = (asserted: "up" | "degraded" | "down" | null, live = true) => ({ asserted, live });

describe("combineLinkEvidence: the table of decision 018", () => {
  it.each([
    // name, evidence, status, lost, rule
    ["a planned site stays planned whatever the probes say", { current: "not_connected", probe: probe("up") }, "not_connected", false, "not_connected"],
    ["maintenance holds against a firing alert", { inMaintenanceWindow: true, alerts: alerts(["down"]) }, "maintenance", false, "maintenance"],
    ["maintenance set by hand holds against probes", { current: "maintenance", probe: probe("up") }, "maintenance", false, "maintenance"],
    ["an operator's status holds against probes", { current: "down", operatorHold: { until: null }, probe: probe("up") }, "down", false, "operator_hold"],
    ["an operator's status holds until its time", { current: "down", operatorHold: { until: new Date(now.getTime() + 1) }, alerts: alerts([], true) }, "down", false, "operator_hold"],
    ["an expired hold no longer holds", { current: "down", operatorHold: { until: new Date(now.getTime() - 1) }, probe: probe("up") }, "up", false, "probe"],
    ["a firing alert wins over a probe saying up (the 19 minutes)", { current: "down", alerts: alerts(["down"]), probe: probe("up") }, "down", false, "alert_down"],
    ["a firing down alert brings an up site down", { alerts: alerts(["down"]) }, "down", false, "alert_down"],
    ["probes asserting down win over a degraded alert", { alerts: alerts(["degraded"]), probe: probe("down") }, "down", false, "probe_down"],
    ["a degraded alert wins over probes saying up", { alerts: alerts(["degraded"]), probe: probe("up") }, "degraded", false, "alert_degraded"],
    ["down wins over degraded among alerts", { alerts: alerts(["degraded", "down"]) }, "down", false, "alert_down"],
    ["probes alone decide", { current: "down", probe: probe("up") }, "up", false, "probe"],
    ["probes not agreeing yet: no change", { current: "down", probe: probe(null) }, "down", false, "no_news"],
    ["a resolved alert with Alertmanager watching brings the site up", { current: "down", alerts: alerts([], true) }, "up", false, "alert_resolved"],
    ["a resolved alert waits for live probes that do not agree yet", { current: "down", alerts: alerts([], true), probe: probe(null) }, "down", false, "no_news"],
    ["a resolved alert while blind (SiteMonitoringLost) does not bring it up", { current: "down", alerts: null, alertsBlind: true }, "down", true, "monitoring_lost"],
    ["a silent probe agent: the last known status, unknown", { current: "up", probe: probe("down", false) }, "up", true, "monitoring_lost"],
    ["a silent agent while Alertmanager still watches: not lost", { current: "up", probe: probe(null, false), alerts: alerts() }, "up", false, "no_news"],
    ["Alertmanager blind while probes live: probes decide", { current: "up", alertsBlind: true, probe: probe("down") }, "down", false, "probe_down"],
    ["an unwatched site: nothing known, nothing lost", {}, "up", false, "no_news"],
  ] as const)("%s", (_name, evidence, status, lost, rule) => {
    expect(combineLinkEvidence({ ...base, ...(evidence as Partial<SiteEvidence>) })).toEqual({ status, monitoringLost: lost, rule });
  });
});

describe("displayedLinkStatus", () => {
  it.each([
    [{ linkStatus: "up", monitoringLostAt: null }, "up"],
    [{ linkStatus: "down", monitoringLostAt: now }, "unknown"],
    [{ linkStatus: "up", monitoringLostAt: now.toISOString() }, "unknown"],
    [{ linkStatus: "maintenance", monitoringLostAt: now }, "maintenance"],
    [{ linkStatus: "not_connected", monitoringLostAt: now }, "not_connected"],
    [{ linkStatus: "down", monitoringLostAt: now, operatorHeld: true }, "down"],
  ] as const)("%j → %s", (site, expected) => {
    expect(displayedLinkStatus(site)).toBe(expected);
  });
});

describe("silenceCause", () => {
  it.each([
    [{ agentSilent: true, silentSites: 1, watchedSites: 560 }, "source_silent"],
    [{ agentSilent: false, silentSites: 559, watchedSites: 560 }, "mass_silence"],
    [{ agentSilent: false, silentSites: 113, watchedSites: 560 }, "mass_silence"],
    [{ agentSilent: false, silentSites: 112, watchedSites: 560 }, null],
    [{ agentSilent: false, silentSites: 1, watchedSites: 560 }, null],
    [{ agentSilent: false, silentSites: 4, watchedSites: 4 }, null],
    [{ agentSilent: false, silentSites: 10, watchedSites: 100, share: 0.05 }, "mass_silence"],
  ] as const)("%j → %s", (input, expected) => {
    expect(silenceCause(input)).toBe(expected);
  });
});
