import { randomBytes } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, linkStatusChanges, monitoringTokens, siteProbeStates, sites } from "../../db/schema";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase, testDriver } from "../../db/testing";
import { action as alertmanagerAction } from "~/routes/api.v1.alertmanager";
import { action as heartbeatsAction } from "~/routes/api.v1.sites.heartbeats";
import { setDatabaseHandle } from "~/utils/db.server";
import { applyAlertmanagerPayload, ingestHeartbeats, markSilentSitesDown, STALE_NOTE, staleHeartbeatJob } from "./ingest.server";
import { createMonitoringToken, listMonitoringTokens, revokeMonitoringToken, verifyMonitoringToken } from "./monitoring-tokens.server";

const ENV_TOKEN = `env-token-${randomBytes(12).toString("hex")}`;
let handle: DatabaseHandle;

beforeAll(async () => {
  process.env.MONITORING_TOKEN = ENV_TOKEN;
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
});
afterAll(async () => {
  delete process.env.MONITORING_TOKEN;
  await handle?.close();
});

const t0 = new Date(Date.now() - 60 * 60_000); // an hour ago, so that no sample is "in the future"
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
const UP = { latencyMs: 12, lossPct: 0 };
const LOST = { latencyMs: 0, lossPct: 100 };
const SLOW = { latencyMs: 420, lossPct: 1 };

async function newSite(linkStatus: "up" | "down" | "maintenance" | "not_connected" = "up") {
  const { site } = await createSiteWithOffice(handle.db, { linkStatus });
  // Samples are dated from t0 on: the site's status must be older than that.
  await handle.db.update(sites).set({ linkStatusSince: new Date(t0.getTime() - 86_400_000) }).where(eq(sites.id, site.id));
  return site;
}

async function statusOf(siteId: number) {
  const [row] = await handle.db.select({ linkStatus: sites.linkStatus, lastHeartbeatAt: sites.lastHeartbeatAt }).from(sites).where(eq(sites.id, siteId));
  return row!;
}

/** Many sites in one statement (the factory makes one at a time, with an office each). */
async function bulkSites(count: number): Promise<{ id: number; code: string }[]> {
  const { site: model } = await createSiteWithOffice(handle.db);
  const prefix = `BLK-${randomBytes(3).toString("hex").toUpperCase()}`;
  return handle.db
    .insert(sites)
    .values(
      Array.from({ length: count }, (_, i) => ({
        code: `${prefix}-${String(i).padStart(4, "0")}`,
        name: `Bâtiment ${prefix} ${i}`,
        kind: model.kind,
        regionCode: model.regionCode,
        townId: model.townId,
        lat: model.lat,
        lng: model.lng,
        phase: 1,
        linkStatus: "up" as const,
        linkStatusSince: new Date(t0.getTime() - 86_400_000),
      })),
    )
    .returning({ id: sites.id, code: sites.code });
}

const context = (ip = "192.0.2.10") => ({ ip, requestId: "test", cspNonce: "n" }) as AppLoadContext;

function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${ENV_TOKEN}`, ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

async function call(fn: (args: never) => Promise<Response> | Response, request: Request, ip?: string): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  let response: Response;
  try {
    response = await fn({ request, context: context(ip), params: {} } as never);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    response = thrown;
  }
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe(`monitoring tokens (${testDriver})`, () => {
  it("creates a token shown once and stored hashed, lists it, revokes it, with audit entries", async () => {
    const { token, record } = await createMonitoringToken(handle.db, { name: "probe-lome" });
    expect(token).toMatch(/^gmt_[a-z2-7]{32}$/);
    const [stored] = await handle.db.select().from(monitoringTokens).where(eq(monitoringTokens.id, record.id));
    expect(stored!.tokenHash).not.toContain(token);
    expect(stored!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(createMonitoringToken(handle.db, { name: "probe-lome" })).rejects.toThrow(/exists/);

    const now = new Date();
    expect(await verifyMonitoringToken(handle.db, token, { now })).toEqual({ kind: "stored", id: record.id, name: "probe-lome" });
    expect((await listMonitoringTokens(handle.db)).find((t) => t.name === "probe-lome")?.lastUsedAt?.getTime()).toBe(now.getTime());
    // Within the minute, last_used_at is not rewritten.
    await verifyMonitoringToken(handle.db, token, { now: new Date(now.getTime() + 30_000) });
    expect((await listMonitoringTokens(handle.db)).find((t) => t.name === "probe-lome")?.lastUsedAt?.getTime()).toBe(now.getTime());
    await verifyMonitoringToken(handle.db, token, { now: new Date(now.getTime() + 61_000) });
    expect((await listMonitoringTokens(handle.db)).find((t) => t.name === "probe-lome")?.lastUsedAt?.getTime()).toBe(now.getTime() + 61_000);

    expect(await verifyMonitoringToken(handle.db, `${token}x`)).toBeNull();
    await revokeMonitoringToken(handle.db, { name: "probe-lome" });
    expect(await verifyMonitoringToken(handle.db, token)).toBeNull();
    await expect(revokeMonitoringToken(handle.db, { name: "probe-lome" })).rejects.toThrow(/no active token/);

    const actions = (await handle.db.select({ action: auditLog.action }).from(auditLog).where(inArray(auditLog.action, ["monitoring_token.create", "monitoring_token.revoke"]))).map((a) => a.action);
    expect(actions.sort()).toEqual(["monitoring_token.create", "monitoring_token.revoke"]);
    expect(await verifyMonitoringToken(handle.db, ENV_TOKEN)).toEqual({ kind: "environment", name: "MONITORING_TOKEN" });
  });
});

describe(`POST /api/v1/sites/heartbeats (${testDriver})`, () => {
  it("refuses a missing, wrong or revoked token with 401 JSON", async () => {
    const site = await newSite();
    const body = { samples: [{ site: site.code, at: at(0).toISOString(), ...UP }] };
    const missing = await call(heartbeatsAction, post("/api/v1/sites/heartbeats", body, { Authorization: "" }));
    expect(missing).toMatchObject({ status: 401, body: { error: "unauthorized" } });
    expect(missing.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(await call(heartbeatsAction, post("/api/v1/sites/heartbeats", body, { Authorization: "Bearer nope" }))).toMatchObject({ status: 401, body: { error: "unauthorized" } });

    const { token } = await createMonitoringToken(handle.db, { name: "probe-revoked" });
    expect((await call(heartbeatsAction, post("/api/v1/sites/heartbeats", body, { Authorization: `Bearer ${token}` }))).status).toBe(200);
    await revokeMonitoringToken(handle.db, { name: "probe-revoked" });
    expect((await call(heartbeatsAction, post("/api/v1/sites/heartbeats", { samples: [{ ...body.samples[0], at: at(1).toISOString() }] }, { Authorization: `Bearer ${token}` }))).status).toBe(401);
  });

  it("answers 429 after 30 failed token attempts from one address", async () => {
    const ip = "198.51.100.77";
    for (let i = 0; i < 30; i++) expect((await call(heartbeatsAction, post("/api/v1/sites/heartbeats", [], { Authorization: "Bearer wrong" }), ip)).status).toBe(401);
    const limited = await call(heartbeatsAction, post("/api/v1/sites/heartbeats", []), ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await call(heartbeatsAction, post("/api/v1/sites/heartbeats", []), "198.51.100.78")).status).toBe(200);
  });

  it("refuses a body that is not JSON, and more than 1,000 samples", async () => {
    expect((await call(heartbeatsAction, post("/api/v1/sites/heartbeats", "site=LOM", { "Content-Type": "application/x-www-form-urlencoded" }))).status).toBe(415);
    expect(await call(heartbeatsAction, post("/api/v1/sites/heartbeats", "{not json"))).toMatchObject({ status: 400, body: { error: "invalid_json" } });
    expect(await call(heartbeatsAction, post("/api/v1/sites/heartbeats", { nope: 1 }))).toMatchObject({ status: 400, body: { error: "invalid_body" } });
    const many = Array.from({ length: 1001 }, () => ({ site: "X", at: at(0).toISOString(), ...UP }));
    expect(await call(heartbeatsAction, post("/api/v1/sites/heartbeats", many))).toMatchObject({ status: 413, body: { error: "too_many_samples" } });
  });

  it("reports each bad item with its index and reason and still applies the good ones", async () => {
    const site = await newSite();
    const samples = [
      { site: site.code, at: at(0).toISOString(), ...LOST },
      { site: site.code, at: "yesterday", ...UP },
      { site: "NOPE-404", at: at(0).toISOString(), ...UP },
      { site: site.code, at: at(10).toISOString(), latencyMs: 5, lossPct: 140 },
      { site: site.code, at: at(40).toISOString(), ...LOST },
      { site: site.code, at: new Date(Date.now() + 3_600_000).toISOString(), ...UP },
    ];
    const res = await call(heartbeatsAction, post("/api/v1/sites/heartbeats", { samples }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_samples", accepted: 2, changes: [{ site: site.code, from: "up", to: "down" }] });
    const errors = res.body.errors as { index: number; reason: string }[];
    expect(errors.map((e) => e.index)).toEqual([1, 2, 3, 5]);
    expect(errors[0]!.reason).toMatch(/^at: /);
    expect(errors[1]!.reason).toMatch(/unknown site code NOPE-404/);
    expect(errors[2]!.reason).toMatch(/^lossPct: /);
    expect(errors[3]!.reason).toMatch(/future/);
    expect((await statusOf(site.id)).linkStatus).toBe("down");
  });

  it("needs two consecutive samples to change, and counts a repeated sample once", async () => {
    const site = await newSite();
    const one = (s: number, m: typeof UP) => ({ site: site.code, at: at(s).toISOString(), ...m });
    expect(await ingestHeartbeats(handle.db, [one(0, LOST)])).toMatchObject({ accepted: 1, changes: [] });
    // The same sample again (a probe retrying) does not make two.
    expect(await ingestHeartbeats(handle.db, [one(0, LOST), one(0, LOST)])).toMatchObject({ accepted: 0, duplicates: 2, changes: [] });
    expect((await statusOf(site.id)).linkStatus).toBe("up");
    // A late sample is ignored; flapping resets the count.
    expect(await ingestHeartbeats(handle.db, [one(-30, LOST), one(30, UP), one(60, LOST)])).toMatchObject({ accepted: 2, late: 1, changes: [] });
    expect((await statusOf(site.id)).linkStatus).toBe("up");
    const res = await ingestHeartbeats(handle.db, [one(90, LOST)]);
    expect(res.changes).toEqual([{ site: site.code, from: "up", to: "down" }]);
    const [probe] = await handle.db.select().from(siteProbeStates).where(eq(siteProbeStates.siteId, site.id));
    expect(probe).toMatchObject({ candidateStatus: "down", consecutive: 2, lastLossPct: 100 });
    expect((await statusOf(site.id)).lastHeartbeatAt?.getTime()).toBe(at(90).getTime());
    // Two samples, in one batch, bring it back; the history has the probe's note.
    expect((await ingestHeartbeats(handle.db, [one(150, SLOW), one(120, SLOW)])).changes).toEqual([{ site: site.code, from: "down", to: "degraded" }]);
    const history = await handle.db.select().from(linkStatusChanges).where(eq(linkStatusChanges.siteId, site.id)).orderBy(linkStatusChanges.id);
    expect(history.slice(1).map((h) => [h.toStatus, h.source])).toEqual([["down", "probe"], ["degraded", "probe"]]);
    expect(history[2]!.note).toMatch(/latence 420 ms/);
    expect(history[2]!.at.getTime()).toBe(at(150).getTime());
  });

  it("never moves a site in maintenance or not yet connected", async () => {
    const maintenance = await newSite("maintenance");
    const planned = await newSite("not_connected");
    const samples = [0, 30, 60].flatMap((s) => [maintenance, planned].map((site) => ({ site: site.code, at: at(s).toISOString(), ...LOST })));
    expect(await ingestHeartbeats(handle.db, samples)).toMatchObject({ accepted: 6, changes: [] });
    expect((await statusOf(maintenance.id)).linkStatus).toBe("maintenance");
    expect((await statusOf(planned.id)).linkStatus).toBe("not_connected");
  });

  it("applies a 1,000-sample batch in one transaction, and 560 samples (one per connected site)", async () => {
    const many = await bulkSites(560);
    // 560 sites, one sample each: the steady state of the network, every minute.
    const steady = many.map((s) => ({ site: s.code, at: at(0).toISOString(), ...UP }));
    let started = performance.now();
    const res560 = await call(heartbeatsAction, post("/api/v1/sites/heartbeats", { samples: steady }));
    const ms560 = performance.now() - started;
    expect(res560).toMatchObject({ status: 200, body: { accepted: 560, duplicates: 0, changes: [] } });

    // 1,000 samples: two per site for 500 sites, all losing everything — 500 changes, the worst case.
    const batch = many.slice(0, 500).flatMap((s) => [30, 60].map((sec) => ({ site: s.code, at: at(sec).toISOString(), ...LOST })));
    started = performance.now();
    const res1000 = await call(heartbeatsAction, post("/api/v1/sites/heartbeats", batch));
    const ms1000 = performance.now() - started;
    expect(res1000.status).toBe(200);
    expect(res1000.body).toMatchObject({ accepted: 1000, duplicates: 0 });
    expect((res1000.body.changes as unknown[]).length).toBe(500);

    // Every row the batch wrote carries the same transaction id.
    const ids = many.slice(0, 500).map((s) => s.id);
    const [xids] = await handle.db.execute<{ n: number }>(sql`
      select count(distinct x)::int as n from (
        select xmin::text as x from site_probe_state where site_id in ${ids}
        union all select xmin::text from link_status_change where site_id in ${ids} and to_status = 'down'
        union all select xmin::text from site where id in ${ids}) t`).then((r) => (Array.isArray(r) ? r : (r as { rows: { n: number }[] }).rows));
    expect(xids!.n).toBe(1);

    // The same 1,000 again: the last sample of each site is a repeat, the one before it late.
    started = performance.now();
    expect(await ingestHeartbeats(handle.db, batch)).toMatchObject({ accepted: 0, duplicates: 500, late: 500, changes: [] });
    const msRepeat = performance.now() - started;
    console.warn(`[${testDriver}] heartbeat batches: 560 samples ${ms560.toFixed(0)} ms, 1,000 samples with 500 changes ${ms1000.toFixed(0)} ms, 1,000 repeats ${msRepeat.toFixed(0)} ms`);
  });
});

describe(`stale heartbeats (${testDriver})`, () => {
  it("puts down the sites whose probes fell silent for 5 minutes, not those that never reported", async () => {
    const silent = await newSite();
    const alive = await newSite();
    const never = await newSite();
    const now = at(3600);
    // The agent posted a minute ago: the silent site's last sample is its own old one.
    await ingestHeartbeats(
      handle.db,
      [
        { site: silent.code, at: new Date(now.getTime() - 301_000).toISOString(), ...UP },
        { site: alive.code, at: new Date(now.getTime() - 60_000).toISOString(), ...UP },
      ],
      { now: new Date(now.getTime() - 60_000), sourceName: "stale-test" },
    );
    expect(staleHeartbeatJob.name).toBe("stale-heartbeats");
    // The other tests' sites fell silent too at this date: a mass silence, which is tested in
    // link-trust.integration.test.ts; here, one site's own silence.
    const result = await markSilentSitesDown(handle.db, now, { share: 1 });
    expect((result as { down: string[] }).down).toContain(silent.code);
    expect((result as { down: string[] }).down).not.toContain(alive.code);
    expect((await statusOf(silent.id)).linkStatus).toBe("down");
    expect((await statusOf(alive.id)).linkStatus).toBe("up");
    expect((await statusOf(never.id)).linkStatus).toBe("up");
    const [last] = await handle.db.select().from(linkStatusChanges).where(eq(linkStatusChanges.siteId, silent.id)).orderBy(sql`${linkStatusChanges.id} desc`).limit(1);
    expect(last).toMatchObject({ toStatus: "down", source: "system", note: STALE_NOTE });
    // Idempotent; and an operator's later "up" is not overridden by the same old silence.
    expect(await markSilentSitesDown(handle.db, now, { share: 1 })).toMatchObject({ down: [] });
    await handle.db.update(sites).set({ linkStatus: "up", linkStatusSince: new Date(now.getTime() + 60_000) }).where(eq(sites.id, silent.id));
    expect(await markSilentSitesDown(handle.db, new Date(now.getTime() + 120_000), { share: 1 })).toMatchObject({ down: [] });
  });
});

describe(`POST /api/v1/alertmanager (${testDriver})`, () => {
  const payload = (status: "firing" | "resolved", alerts: { alertname: string; site?: string; status?: "firing" | "resolved"; summary?: string }[]) => ({
    version: "4",
    groupKey: "{}:{}",
    status,
    receiver: "guichet",
    groupLabels: {},
    commonLabels: {},
    commonAnnotations: {},
    externalURL: "http://alertmanager:9093",
    truncatedAlerts: 0,
    alerts: alerts.map((a) => ({
      status: a.status ?? status,
      labels: { alertname: a.alertname, ...(a.site ? { site: a.site } : {}), severity: "critical" },
      annotations: a.summary ? { summary: a.summary } : {},
      startsAt: at(0).toISOString(),
      endsAt: status === "resolved" ? at(60).toISOString() : "0001-01-01T00:00:00Z",
      generatorURL: "http://prometheus:9090/graph",
      fingerprint: randomBytes(8).toString("hex"),
    })),
  });

  it("refuses a missing token", async () => {
    expect((await call(alertmanagerAction, post("/api/v1/alertmanager", payload("firing", []), { Authorization: "" }))).status).toBe(401);
  });

  it("sets a site down on SiteLinkDown firing and up when resolved, reporting unknown alerts and sites", async () => {
    const site = await newSite();
    const fired = await call(
      alertmanagerAction,
      post("/api/v1/alertmanager", payload("firing", [{ alertname: "SiteLinkDown", site: site.code.toLowerCase(), summary: "Fibre coupée" }, { alertname: "DiskFull", site: site.code }, { alertname: "SiteLinkDown", site: "NOPE-1" }])),
    );
    expect(fired.status).toBe(200);
    expect(fired.body).toMatchObject({
      applied: 1,
      unknownSites: ["NOPE-1"],
      alerts: [
        { alertname: "SiteLinkDown", site: site.code, result: "applied", from: "up", to: "down" },
        { alertname: "DiskFull", result: "ignored", reason: "unknown_alertname" },
        { alertname: "SiteLinkDown", site: "NOPE-1", result: "ignored", reason: "unknown_site" },
      ],
    });
    expect((await statusOf(site.id)).linkStatus).toBe("down");
    const [change] = await handle.db.select().from(linkStatusChanges).where(eq(linkStatusChanges.siteId, site.id)).orderBy(sql`${linkStatusChanges.id} desc`).limit(1);
    expect(change).toMatchObject({ source: "alertmanager", toStatus: "down", note: "SiteLinkDown : Fibre coupée" });

    // A resolved "degraded" does not bring a down site up; a degraded firing does not hide it either.
    const degraded = await call(alertmanagerAction, post("/api/v1/alertmanager", payload("resolved", [{ alertname: "SiteLinkDegraded", site: site.code }])));
    // The combination rule (decision 018) names the rule that kept it: the down alert still fires.
    expect(degraded.body).toMatchObject({ applied: 0, alerts: [{ result: "unchanged", reason: "alert_down" }] });
    await applyAlertmanagerPayload(handle.db, payload("firing", [{ alertname: "SiteLinkDegraded", site: site.code }]) as never);
    expect((await statusOf(site.id)).linkStatus).toBe("down");

    // The interruption ends while the disturbance still fires: degraded, not up.
    const resolved = await call(alertmanagerAction, post("/api/v1/alertmanager", payload("resolved", [{ alertname: "SiteLinkDown", site: site.code }])));
    expect(resolved.body).toMatchObject({ applied: 1, alerts: [{ result: "applied", from: "down", to: "degraded" }] });
    const cleared = await call(alertmanagerAction, post("/api/v1/alertmanager", payload("resolved", [{ alertname: "SiteLinkDegraded", site: site.code }])));
    expect(cleared.body).toMatchObject({ applied: 1, alerts: [{ result: "applied", from: "degraded", to: "up" }] });
    expect((await statusOf(site.id)).linkStatus).toBe("up");
  });

  it("refuses a payload that is not version 4", async () => {
    const res = await call(alertmanagerAction, post("/api/v1/alertmanager", { ...payload("firing", []), version: "3" }));
    expect(res).toMatchObject({ status: 400, body: { error: "invalid_payload" } });
  });

  it("leaves a site in maintenance alone", async () => {
    const site = await newSite("maintenance");
    const res = await applyAlertmanagerPayload(handle.db, payload("firing", [{ alertname: "SiteLinkDown", site: site.code }]) as never);
    expect(res.alerts[0]).toMatchObject({ result: "unchanged", reason: "maintenance" });
  });
});
