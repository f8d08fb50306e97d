import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { linkStatusChanges, sites } from "../../db/schema";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase, testDriver } from "../../db/testing";
import { createApp } from "../../server/app";
import { createLogger } from "../../server/logging";
import { alertmanagerTestConfig } from "./testing/monitoring-stack";
import * as alertmanagerRoute from "~/routes/api.v1.alertmanager";
import { setDatabaseHandle } from "~/utils/db.server";

/**
 * A real Alertmanager (Debian's prometheus-alertmanager, installed by .ci/run) with the receiver
 * of docs/alertmanager.yml, posting to the portal's Express server, which serves the real route
 * module of /api/v1/alertmanager (a one-route server build: no Vite build needed).
 */
const ALERTMANAGER = "/usr/bin/prometheus-alertmanager";

function oneRouteBuild(): ServerBuild {
  return {
    mode: "production",
    entry: { module: { default: () => new Response("no documents here", { status: 500 }) } },
    routes: {
      root: { id: "root", path: "", module: {} },
      "routes/api.v1.alertmanager": { id: "routes/api.v1.alertmanager", parentId: "root", path: "api/v1/alertmanager", module: alertmanagerRoute },
    },
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true, v3_routeConfig: false },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.runIf(existsSync(ALERTMANAGER))(`a real Alertmanager posting to the portal (${testDriver})`, () => {
  const token = `am-${randomBytes(16).toString("hex")}`;
  let handle: DatabaseHandle;
  let server: Server;
  let alertmanager: ChildProcess | undefined;
  let amUrl = "";
  let dir = "";
  const amLog: string[] = [];

  beforeAll(async () => {
    process.env.MONITORING_TOKEN = token;
    handle = await createTestDatabase();
    setDatabaseHandle(handle);
    const app = createApp({ mode: "production", build: oneRouteBuild(), getDb: async () => handle.db, logger: createLogger({ level: "error", write: () => {} }) });
    server = app.listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const portalPort = (server.address() as AddressInfo).port;

    // The documented receiver, pointed at this portal, with short waits for the test.
    dir = mkdtempSync(join(tmpdir(), "guichet-am-"));
    writeFileSync(join(dir, "guichet-token"), token);
    const config = alertmanagerTestConfig({ portalUrl: `http://127.0.0.1:${portalPort}`, tokenFile: join(dir, "guichet-token") });
    expect(config).toContain(`127.0.0.1:${portalPort}`);
    writeFileSync(join(dir, "alertmanager.yml"), config);

    const amPort = await freePort();
    amUrl = `http://127.0.0.1:${amPort}`;
    alertmanager = spawn(
      ALERTMANAGER,
      [`--config.file=${join(dir, "alertmanager.yml")}`, `--storage.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${amPort}`, "--cluster.listen-address="],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    alertmanager.stdout?.on("data", (d: Buffer) => amLog.push(d.toString()));
    alertmanager.stderr?.on("data", (d: Buffer) => amLog.push(d.toString()));
    await waitFor("Alertmanager to be ready", async () => ((await fetch(`${amUrl}/-/ready`)).ok ? true : undefined));
  });

  afterAll(async () => {
    if (alertmanager && alertmanager.exitCode === null) {
      const exited = new Promise((r) => alertmanager!.once("exit", r));
      alertmanager.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3_000))]);
      if (alertmanager.exitCode === null) alertmanager.kill("SIGKILL");
    }
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    await handle?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    delete process.env.MONITORING_TOKEN;
  });

  async function postAlert(site: string, endsAt?: Date) {
    const alert = {
      labels: { alertname: "SiteLinkDown", site, severity: "critical" },
      annotations: { summary: "Fibre coupée (test)" },
      startsAt: startedAt.toISOString(),
      ...(endsAt ? { endsAt: endsAt.toISOString() } : {}),
    };
    const res = await fetch(`${amUrl}/api/v2/alerts`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify([alert]) });
    expect(res.status, amLog.join("")).toBe(200);
  }
  const startedAt = new Date(Date.now() - 10_000);

  async function statusOf(siteId: number) {
    const [row] = await handle.db.select({ linkStatus: sites.linkStatus }).from(sites).where(eq(sites.id, siteId));
    return row!.linkStatus;
  }

  it("sets the site down when SiteLinkDown fires, and back up when it is resolved", async () => {
    const { site } = await createSiteWithOffice(handle.db);
    await postAlert(site.code);
    await waitFor("the site to go down", async () => ((await statusOf(site.id)) === "down" ? true : undefined)).catch((e: Error) => {
      throw new Error(`${e.message}\n${amLog.join("")}`);
    });

    await postAlert(site.code, new Date(Date.now() - 1_000));
    await waitFor("the site to come back up", async () => ((await statusOf(site.id)) === "up" ? true : undefined)).catch((e: Error) => {
      throw new Error(`${e.message}\n${amLog.join("")}`);
    });

    const history = await handle.db.select().from(linkStatusChanges).where(eq(linkStatusChanges.siteId, site.id)).orderBy(linkStatusChanges.id);
    expect(history.slice(1).map((h) => [h.fromStatus, h.toStatus, h.source])).toEqual([
      ["up", "down", "alertmanager"],
      ["down", "up", "alertmanager"],
    ]);
    expect(history[1]!.note).toBe("SiteLinkDown : Fibre coupée (test)");
  });
});
