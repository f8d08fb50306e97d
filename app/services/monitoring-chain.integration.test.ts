import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { linkStatusChanges, sites } from "../../db/schema";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase, testDriver } from "../../db/testing";
import { createApp } from "../../server/app";
import { createLogger } from "../../server/logging";
import {
  alertmanagerTestConfig,
  BINARIES,
  blackboxTestConfig,
  freePort,
  ManagedProcess,
  missingBinaries,
  prometheusTestConfig,
  routesBuild,
  rulesTestConfig,
  TEST_SCALE,
  waitFor,
} from "./testing/monitoring-stack";
import * as alertmanagerRoute from "~/routes/api.v1.alertmanager";
import { setDatabaseHandle } from "~/utils/db.server";

/**
 * The documented chain, run for real: Debian's blackbox_exporter 0.23 probes two buildings (an
 * HTTP server per building, on loopback, that the test stops and starts), Prometheus 2.42 turns
 * the probes into alerts with docs/prometheus-rules.yml, Alertmanager 0.25 posts them to the
 * portal's real /api/v1/alertmanager route with a real token. The documented files are rewritten
 * only for ports, targets and intervals divided by TEST_SCALE (30 s of scrape → 1 s).
 * The delays measured here are those of docs/monitoring.md, "Delays".
 */
const reason = missingBinaries("prometheus", "blackbox", "alertmanager");
const STEP_TIMEOUT = 30_000;

/** A building's own web server: stop it and the building's link is cut. */
class Building {
  server: Server | undefined;
  port = 0;
  async start(): Promise<void> {
    this.server = createServer((_req, res) => res.writeHead(200, { "Content-Type": "text/plain" }).end("ok"));
    await new Promise<void>((r) => this.server!.listen(this.port, "127.0.0.1", r));
    this.port = (this.server.address() as AddressInfo).port;
  }
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
}

describe(`the documented monitoring chain, with Debian's Prometheus, blackbox_exporter and Alertmanager (${testDriver})`, () => {
  if (reason) {
    it(`is skipped: ${reason}`, (ctx) => ctx.skip(reason));
    return;
  }

  const token = `chain-${randomBytes(16).toString("hex")}`;
  let handle: DatabaseHandle;
  let portal: Server;
  let portalUrl = "";
  let dir = "";
  const buildingA = new Building();
  const buildingB = new Building();
  let siteA: { id: number; code: string };
  let siteB: { id: number; code: string };
  let prometheus: ManagedProcess;
  let blackbox: ManagedProcess;
  let alertmanager: ManagedProcess;
  let promUrl = "";
  let exporterUrl = "";
  const delays: Record<string, number> = {};
  const logs = () => [prometheus, blackbox, alertmanager].filter(Boolean).map((p) => p.tail()).join("\n");

  beforeAll(async () => {
    process.env.MONITORING_TOKEN = token;
    handle = await createTestDatabase();
    setDatabaseHandle(handle);
    const app = createApp({
      mode: "production",
      build: routesBuild({ "routes/api.v1.alertmanager": { path: "api/v1/alertmanager", module: alertmanagerRoute } }),
      getDb: async () => handle.db,
      logger: createLogger({ level: "error", write: () => {} }),
    });
    portal = app.listen(0, "127.0.0.1");
    await new Promise((r) => portal.once("listening", r));
    portalUrl = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;

    siteA = (await createSiteWithOffice(handle.db)).site;
    siteB = (await createSiteWithOffice(handle.db)).site;
    await buildingA.start();
    await buildingB.start();

    dir = mkdtempSync(join(tmpdir(), "guichet-chain-"));
    const [promPort, exporterPort, amPort] = [await freePort(), await freePort(), await freePort()];
    promUrl = `http://127.0.0.1:${promPort}`;
    exporterUrl = `http://127.0.0.1:${exporterPort}`;
    writeFileSync(join(dir, "guichet-token"), token);
    writeFileSync(join(dir, "alertmanager.yml"), alertmanagerTestConfig({ portalUrl, tokenFile: join(dir, "guichet-token") }));
    writeFileSync(join(dir, "blackbox.yml"), blackboxTestConfig());
    writeFileSync(join(dir, "prometheus-rules.yml"), rulesTestConfig());
    writeFileSync(
      join(dir, "prometheus.yml"),
      prometheusTestConfig({
        sites: [
          { site: siteA.code, url: `http://127.0.0.1:${buildingA.port}/` },
          { site: siteB.code, url: `http://127.0.0.1:${buildingB.port}/` },
        ],
        exporter: `127.0.0.1:${exporterPort}`,
        alertmanager: `127.0.0.1:${amPort}`,
        readyzUrl: `${portalUrl}/readyz`,
      }),
    );

    alertmanager = new ManagedProcess("alertmanager", BINARIES.alertmanager, [
      `--config.file=${join(dir, "alertmanager.yml")}`,
      `--storage.path=${join(dir, "am")}`,
      `--web.listen-address=127.0.0.1:${amPort}`,
      "--cluster.listen-address=",
    ]);
    blackbox = new ManagedProcess("blackbox_exporter", BINARIES.blackbox, [`--config.file=${join(dir, "blackbox.yml")}`, `--web.listen-address=127.0.0.1:${exporterPort}`]);
    prometheus = new ManagedProcess("prometheus", BINARIES.prometheus, [
      `--config.file=${join(dir, "prometheus.yml")}`,
      `--storage.tsdb.path=${join(dir, "tsdb")}`,
      `--web.listen-address=127.0.0.1:${promPort}`,
      // Firing alerts are sent again every minute by default: scaled like the rest.
      `--rules.alert.resend-delay=${Math.max(1, Math.round(60 / TEST_SCALE))}s`,
    ]);
    alertmanager.start();
    blackbox.start();
    prometheus.start();
    await waitFor("Alertmanager to be ready", async () => ((await fetch(`${alertmanager && `http://127.0.0.1:${amPort}`}/-/ready`)).ok ? true : undefined), 20_000, logs);
    await waitFor("the exporter to answer", async () => ((await fetch(`${exporterUrl}/metrics`)).ok ? true : undefined), 20_000, logs);
    await waitFor("Prometheus to be ready", async () => ((await fetch(`${promUrl}/-/ready`)).ok ? true : undefined), 30_000, logs);
  }, 60_000);

  afterAll(async () => {
    for (const p of [prometheus, blackbox, alertmanager]) await p?.stop();
    await buildingA.stop();
    await buildingB.stop();
    await new Promise((r) => (portal ? portal.close(r) : r(undefined)));
    await handle?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    delete process.env.MONITORING_TOKEN;
    if (Object.keys(delays).length) {
      const lines = Object.entries(delays).map(([step, ms]) => `  ${step}: ${(ms / 1000).toFixed(1)} s (× ${TEST_SCALE} ≈ ${((ms * TEST_SCALE) / 60_000).toFixed(1)} min)`);
      console.warn(`monitoring chain, measured delays (intervals ÷ ${TEST_SCALE}):\n${lines.join("\n")}`);
    }
  });

  async function query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
    const res = await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent(expr)}`);
    const body = (await res.json()) as { data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    return body.data.result;
  }

  async function site(id: number) {
    const [row] = await handle.db.select({ linkStatus: sites.linkStatus, monitoringLostAt: sites.monitoringLostAt }).from(sites).where(eq(sites.id, id));
    return row!;
  }

  async function history(id: number) {
    const rows = await handle.db.select().from(linkStatusChanges).where(eq(linkStatusChanges.siteId, id)).orderBy(asc(linkStatusChanges.id));
    return rows.slice(1).map((h) => [h.fromStatus, h.toStatus, h.source, h.rule]);
  }

  async function until(what: string, check: () => Promise<boolean>): Promise<number> {
    const started = Date.now();
    await waitFor(what, async () => ((await check()) ? true : undefined), STEP_TIMEOUT, logs);
    return Date.now() - started;
  }

  it("(a) a building whose target stops answering goes down, from Alertmanager", async () => {
    // Both buildings probed and answering first.
    await until("both buildings probed up", async () => (await query('probe_success{job="egov-links"} == 1')).length === 2);
    await buildingB.stop();
    delays["building cut → down in the portal"] = await until("building B down", async () => (await site(siteB.id)).linkStatus === "down");

    expect(await site(siteA.id)).toEqual({ linkStatus: "up", monitoringLostAt: null });
    expect(await site(siteB.id)).toEqual({ linkStatus: "down", monitoringLostAt: null });
    expect(await history(siteB.id)).toEqual([["up", "down", "alertmanager", "alert_down"]]);
  }, STEP_TIMEOUT + 10_000);

  it("(b) killing the exporter makes both buildings unknown, never up: the down one stays down", async () => {
    await blackbox.stop("SIGKILL");
    delays["exporter killed → buildings unknown"] = await until(
      "both buildings unknown",
      async () => (await site(siteA.id)).monitoringLostAt !== null && (await site(siteB.id)).monitoringLostAt !== null,
    );
    // Prometheus's probe window of B empties: SiteLinkDown must not resolve for lack of data.
    await until("B's probe window empty", async () => (await query(`site:probe_loss:ratio2m{site="${siteB.code}"}`)).length === 0);
    expect(await query(`ALERTS{alertname="SiteLinkDown", alertstate="firing", site="${siteB.code}"}`)).toHaveLength(1);
    expect(await query(`ALERTS{alertname="SiteMonitoringLost", alertstate="firing"}`)).toHaveLength(2);

    expect((await site(siteA.id)).linkStatus).toBe("up");
    expect((await site(siteB.id)).linkStatus).toBe("down");
    expect(await history(siteA.id)).toEqual([]);
    expect(await history(siteB.id)).toEqual([["up", "down", "alertmanager", "alert_down"]]);
  }, STEP_TIMEOUT * 2 + 10_000);

  it("(c) the exporter back: monitoring restored; the repaired building comes back up on fresh probes", async () => {
    blackbox.start();
    delays["exporter restarted → monitoring restored"] = await until(
      "both buildings watched again",
      async () => (await site(siteA.id)).monitoringLostAt === null && (await site(siteB.id)).monitoringLostAt === null,
    );
    // B's building is still cut: it is still down, now on fresh evidence.
    expect(await site(siteA.id)).toEqual({ linkStatus: "up", monitoringLostAt: null });
    expect((await site(siteB.id)).linkStatus).toBe("down");

    await buildingB.start();
    delays["building repaired → up in the portal"] = await until("building B up", async () => (await site(siteB.id)).linkStatus === "up");
    expect(await history(siteB.id)).toEqual([
      ["up", "down", "alertmanager", "alert_down"],
      ["down", "up", "alertmanager", "alert_resolved"],
    ]);
    expect(await history(siteA.id)).toEqual([]);
  }, STEP_TIMEOUT * 2 + 10_000);

  it("the http_guichet_monitoring module fails on a /readyz saying \"monitoring\":\"interrupted\"", async () => {
    let monitoring = "live";
    const stub = createServer((_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ status: "ready", monitoring })));
    await new Promise<void>((r) => stub.listen(0, "127.0.0.1", r));
    const target = `http://127.0.0.1:${(stub.address() as AddressInfo).port}/readyz`;
    const probe = async (url: string) => {
      const text = await (await fetch(`${exporterUrl}/probe?module=http_guichet_monitoring&target=${encodeURIComponent(url)}`)).text();
      const value = (name: string) => text.match(new RegExp(`^${name} (\\S+)$`, "m"))?.[1];
      return { success: value("probe_success"), regex: value("probe_failed_due_to_regex") };
    };
    try {
      expect(await probe(target)).toEqual({ success: "1", regex: "0" });
      monitoring = "interrupted";
      expect(await probe(target)).toEqual({ success: "0", regex: "1" });
      // The portal's real /readyz, its monitoring live again.
      expect((await probe(`${portalUrl}/readyz`)).success).toBe("1");
    } finally {
      stub.closeAllConnections();
      await new Promise((r) => stub.close(r));
    }
  });
});
