/**
 * Link status you can trust (issue 13, decision 018), through the real ingest services with
 * explicit times: a blind exporter is not "up", a silent agent is not a national outage, a firing
 * alert is not overwritten by a probe saying up, and two samples a second apart do not flip a
 * building. Each test would have failed when the last writer won and hysteresis counted samples.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { cases, linkStatusChanges, notifications, siteOutages, sites } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase, testDriver } from "../../db/testing";
import { displayedLinkStatus } from "~/domain/link-combination";
import { applyAlertmanagerPayload, ingestHeartbeats, markSilentSitesDown } from "./ingest.server";

const MIN = 60_000;
const UP = { latencyMs: 12, lossPct: 0 };
const LOST = { latencyMs: 0, lossPct: 100 };

describe(`link status you can trust (${testDriver})`, () => {
  let handle: DatabaseHandle;
  // A database per test: the silence job weighs every watched building of the database.
  beforeEach(async () => {
    handle = await createTestDatabase();
  });
  afterEach(async () => handle?.close());

  const t0 = new Date(Date.now() - 3 * 60 * MIN);
  const at = (minutes: number) => new Date(t0.getTime() + minutes * MIN);

  /** A building with an office, a citizen's case there, and an operator on duty. */
  async function building(linkStatus: "up" | "down" = "up") {
    const { site, office, agency } = await createSiteWithOffice(handle.db, { linkStatus });
    await handle.db.update(sites).set({ linkStatusSince: new Date(t0.getTime() - 86_400_000) }).where(eq(sites.id, site.id));
    const { procedure, version } = await createProcedure(handle.db, { agencyId: agency.id, targetDelayDays: 10 });
    const { user } = await createCitizen(handle.db, { phone: `+2289${Math.floor(1e7 + Math.random() * 9e7)}` });
    const filed = await createCase(handle.db, { procedure, versionId: version.id, applicantId: user.id, officeId: office.id, submittedAt: t0, status: "in_review" });
    return { site, user, filed };
  }
  const operator = () => createStaff(handle.db, { role: "operator" });

  async function shown(siteId: number) {
    const [row] = await handle.db
      .select({ linkStatus: sites.linkStatus, monitoringLostAt: sites.monitoringLostAt, reason: sites.monitoringLostReason })
      .from(sites)
      .where(eq(sites.id, siteId));
    return { status: row!.linkStatus, displayed: displayedLinkStatus(row!), reason: row!.reason };
  }
  const outages = (siteId: number) => handle.db.select().from(siteOutages).where(eq(siteOutages.siteId, siteId)).orderBy(asc(siteOutages.id));
  const templatesTo = async (userId: string) =>
    (await handle.db.select({ template: notifications.template }).from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.channel, "in_app")))).map(
      (n) => n.template,
    );
  /** The automatic changes of the building's history (the factory's first row left out). */
  const history = async (siteId: number) =>
    (await handle.db.select({ to: linkStatusChanges.toStatus, rule: linkStatusChanges.rule, source: linkStatusChanges.source }).from(linkStatusChanges).where(eq(linkStatusChanges.siteId, siteId)).orderBy(asc(linkStatusChanges.id))).filter(
      (h) => h.source !== "system",
    );

  const alert = (code: string, alertname: string, status: "firing" | "resolved", now: Date) =>
    applyAlertmanagerPayload(
      handle.db,
      { version: "4", status, receiver: "guichet", alerts: [{ status, labels: { alertname, site: code }, startsAt: t0.toISOString(), ...(status === "resolved" ? { endsAt: now.toISOString() } : {}) }] },
      { now },
    );
  const samples = (sourceName: string, list: { code: string; at: Date; s: typeof UP }[], now: Date) =>
    ingestHeartbeats(handle.db, list.map((x) => ({ site: x.code, at: x.at.toISOString(), ...x.s })), { now, sourceName });

  it("a blind exporter does not bring a dead building up: its resolved alert waits for fresh evidence", async () => {
    const { site, user } = await building();
    const { user: op } = await operator();
    await alert(site.code, "SiteLinkDown", "firing", at(0));
    expect(await shown(site.id)).toMatchObject({ status: "down", displayed: "down" });

    // 46 minutes later the exporter dies: SiteMonitoringLost fires, then the link alert resolves for lack of data.
    await alert(site.code, "SiteMonitoringLost", "firing", at(46));
    await alert(site.code, "SiteLinkDown", "resolved", at(48));
    expect(await shown(site.id)).toMatchObject({ status: "down", displayed: "unknown" });
    expect((await outages(site.id)).map((o) => o.endedAt)).toEqual([null]); // the outage goes on
    expect(await templatesTo(user.id)).not.toContain("office_back");
    expect(await templatesTo(op.id)).toContain("monitoring_interrupted_target_unreachable");

    // The exporter is back: watched again, the building is still down until the resolution is confirmed.
    await alert(site.code, "SiteMonitoringLost", "resolved", at(60));
    expect(await shown(site.id)).toMatchObject({ status: "down", displayed: "down" });
    await markSilentSitesDown(handle.db, at(62));
    expect((await shown(site.id)).status).toBe("down");
    // Five minutes watched without SiteLinkDown firing again: the resolution is confirmed.
    await markSilentSitesDown(handle.db, at(66));
    expect(await shown(site.id)).toMatchObject({ status: "up", displayed: "up" });
    expect((await outages(site.id))[0]!.endedAt).not.toBeNull();
  });

  it("a silent probe agent makes its buildings unknown, not down: no outage, no notice, no pause; operators are told", async () => {
    const list = await Promise.all([building(), building(), building()]);
    const other = await building();
    const { user: op } = await operator();
    const agent = `agent-${randomBytes(3).toString("hex")}`;
    await samples(agent, list.flatMap(({ site }) => [0, 1].map((m) => ({ code: site.code, at: at(m), s: UP }))), at(1));
    // Another agent keeps speaking for another building: the silence is the agent's, not the network's.
    await samples("agent-kara", [{ code: other.site.code, at: at(1), s: UP }, { code: other.site.code, at: at(7), s: UP }], at(7));

    const result = await markSilentSitesDown(handle.db, at(7));
    expect(result.down).toEqual([]);
    for (const { site, user, filed } of list) {
      expect(await shown(site.id)).toMatchObject({ status: "up", displayed: "unknown", reason: "source_silent" });
      expect(await outages(site.id)).toEqual([]);
      expect(await templatesTo(user.id)).not.toContain("office_outage");
      const [row] = await handle.db.select({ pausedMs: cases.pausedMs, dueAt: cases.dueAt }).from(cases).where(eq(cases.id, filed.id));
      expect(row!.pausedMs).toBe(0);
    }
    expect(await templatesTo(op.id)).toContain("monitoring_interrupted_source_silent");

    // The agent speaks again: its buildings show their status.
    await samples(agent, list.map(({ site }) => ({ code: site.code, at: at(9), s: UP })), at(9));
    for (const { site } of list) expect(await shown(site.id)).toMatchObject({ status: "up", displayed: "up" });
  });

  it("most buildings silent at once is the monitor's failure (unknown, operators told once); one silent building is down", async () => {
    const many = await Promise.all(Array.from({ length: 8 }, () => building()));
    const { user: op } = await operator();
    // One agent for all; two samples keep it alive for the last building only.
    await samples("agent-lome", many.map(({ site }) => ({ code: site.code, at: at(0), s: UP })), at(0));
    const last = many.at(-1)!;
    await samples("agent-lome", [{ code: last.site.code, at: at(6), s: UP }], at(6));

    const mass = await markSilentSitesDown(handle.db, at(6));
    expect(mass.down).toEqual([]);
    expect(mass.unknown).toEqual({ mass_silence: 7 });
    for (const { site } of many.slice(0, 7)) {
      expect(await shown(site.id)).toMatchObject({ status: "up", displayed: "unknown", reason: "mass_silence" });
      expect(await outages(site.id)).toEqual([]);
    }
    expect((await templatesTo(op.id)).filter((t) => t === "monitoring_interrupted_mass_silence")).toHaveLength(1);

    // All speak again; then a single building falls silent while the agent speaks for the others.
    await samples("agent-lome", many.map(({ site }) => ({ code: site.code, at: at(8), s: UP })), at(8));
    const lone = many[0]!;
    await samples("agent-lome", many.slice(1).map(({ site }) => ({ code: site.code, at: at(14), s: UP })), at(14));
    const single = await markSilentSitesDown(handle.db, at(14));
    expect(single.down).toEqual([lone.site.code]);
    expect(await shown(lone.site.id)).toMatchObject({ status: "down", displayed: "down" });
    expect(await outages(lone.site.id)).toHaveLength(1);
  });

  it("a firing alert wins over a probe saying up until it resolves, and the history says which rule decided", async () => {
    const { site } = await building();
    await alert(site.code, "SiteLinkDown", "firing", at(0));
    // Probes confirm up (two samples 30 s apart) while the alert still fires: the building stays down.
    await samples("agent", [0.5, 1.5].map((m) => ({ code: site.code, at: at(m), s: UP })), at(2));
    expect((await shown(site.id)).status).toBe("down");
    // Alertmanager resolves it while it still sees the building, the probes say up: up.
    await alert(site.code, "SiteLinkDown", "resolved", at(3));
    expect((await shown(site.id)).status).toBe("up");
    expect(await history(site.id)).toEqual([
      { to: "down", rule: "alert_down", source: "alertmanager" },
      { to: "up", rule: "probe", source: "alertmanager" },
    ]);
  });

  it("two lost samples a second apart do not flip a building; two 30 s apart do", async () => {
    const { site } = await building();
    const t = at(0);
    const second = new Date(t.getTime() + 1_000);
    await samples("agent", [{ code: site.code, at: t, s: LOST }, { code: site.code, at: second, s: LOST }], second);
    expect((await shown(site.id)).status).toBe("up");
    await samples("agent", [{ code: site.code, at: new Date(t.getTime() + 31_000), s: LOST }], new Date(t.getTime() + 31_000));
    expect((await shown(site.id)).status).toBe("down");
    const [open] = await handle.db.select().from(siteOutages).where(and(eq(siteOutages.siteId, site.id), isNull(siteOutages.endedAt)));
    expect(open).toBeDefined();
    expect(await history(site.id)).toEqual([{ to: "down", rule: "probe_down", source: "probe" }]);
  });
});
