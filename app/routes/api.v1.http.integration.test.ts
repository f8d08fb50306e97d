import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import type { ServerBuild } from "@remix-run/node";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { createApp } from "../../server/app";
import { createLogger } from "../../server/logging";
import { createMonitoringToken } from "~/services/monitoring-tokens.server";
import { API_RATE_LIMIT, resetApiRateLimits, takeApiHit } from "~/services/public-api.server";
import { TOKEN_FAILURES_PER_MINUTE } from "~/utils/api.server";
import { setDatabaseHandle } from "~/utils/db.server";

/**
 * The public API and the ingest endpoints through the real Express server (Origin check, request
 * edge, Remix's routing) with the real route files of /api/v1/ and of the Atom feed, arranged by
 * Remix's own flat-routes convention: what a client of docs/api.md meets.
 */
async function apiBuild(): Promise<ServerBuild> {
  const manifest = flatRoutes(resolve(process.cwd(), "app"), ["**/*.test.{ts,tsx}", "**/.*"]);
  const routes: Record<string, unknown> = { root: { id: "root", path: "", module: {} } };
  for (const route of Object.values(manifest)) {
    if (!/^routes\/(api\.v1\.|etat-des-services\.flux)/.test(route.file)) continue;
    expect(route.parentId).toBe("root"); // flat resource routes, no layout in between
    routes[route.id] = { id: route.id, parentId: "root", path: route.path, index: route.index, module: (await import(/* @vite-ignore */ resolve(process.cwd(), "app", route.file))) as unknown };
  }
  return {
    mode: "production",
    entry: { module: { default: () => new Response("<!doctype html><p>HTML page</p>", { status: 404, headers: { "Content-Type": "text/html" } }) } },
    routes,
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true, v3_routeConfig: false },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

let handle: DatabaseHandle;
let server: Server;
let base = "";
let siteCode = "";
let token = "";
let nextAddress = 1;
/** Each test speaks from its own address (X-Forwarded-For from a trusted proxy): limits do not leak between tests. */
let ip = "";

function call(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("X-Forwarded-For", ip);
  return fetch(`${base}${path}`, { ...init, headers, redirect: "manual" });
}

async function expectError(res: Response, status: number, error: string): Promise<Record<string, unknown>> {
  expect(res.status).toBe(status);
  expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
  expect(res.headers.get("Cache-Control")).toBe("no-store");
  const body = (await res.json()) as Record<string, unknown>;
  expect(body.error).toBe(error);
  return body;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  siteCode = (await createSiteWithOffice(handle.db, { regionCode: "kara", linkStatus: "down" })).site.code;
  token = (await createMonitoringToken(handle.db, { name: "sonde-http" })).token;
  const app = createApp({ mode: "production", build: await apiBuild(), getDb: async () => handle.db, logger: createLogger({ level: "error", write: () => {} }), trustProxy: true });
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await handle?.close();
});
beforeEach(() => {
  resetApiRateLimits();
  ip = `198.51.100.${nextAddress++}`;
});

const PUBLIC_GETS = () => ["/api/v1/status", "/api/v1/sites", `/api/v1/sites/${siteCode}`, "/api/v1/procedures?region=kara", "/etat-des-services/flux.atom"];

describe("methods (issue 13)", () => {
  it("answers 405 with Allow: GET, HEAD to POST, PUT, PATCH and DELETE on every public endpoint, HEAD and GET are served", async () => {
    for (const path of PUBLIC_GETS()) {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const res = await call(path, { method, headers: { "Content-Type": "application/json" }, body: "{}" });
        const body = await expectError(res, 405, "method_not_allowed");
        expect([path, method, res.headers.get("Allow")]).toEqual([path, method, "GET, HEAD"]);
        expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
        expect(body.message).toBe("this endpoint answers GET and HEAD only");
      }
      expect([path, (await call(path, { method: "HEAD" })).status]).toEqual([path, 200]);
      expect([path, (await call(path)).status]).toEqual([path, 200]);
    }
  });

  it("a POST from another site's page meets the Origin check first, answered in the API's JSON shape", async () => {
    const res = await call("/api/v1/status", { method: "POST", headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site", Accept: "text/html" } });
    await expectError(res, 403, "forbidden_origin");
    // The same POST without browser headers (curl, a script) gets the 405.
    await expectError(await call("/api/v1/status", { method: "POST" }), 405, "method_not_allowed");
  });

  it("answers 405 with Allow: POST to GET, HEAD, PUT and DELETE on the ingest endpoints", async () => {
    for (const path of ["/api/v1/sites/heartbeats", "/api/v1/alertmanager"]) {
      for (const method of ["GET", "PUT", "DELETE"]) {
        const res = await call(path, { method, headers: { Authorization: `Bearer ${token}` } });
        await expectError(res, 405, "method_not_allowed");
        expect([path, method, res.headers.get("Allow")]).toEqual([path, method, "POST"]);
      }
      const head = await call(path, { method: "HEAD" });
      expect([path, head.status, head.headers.get("Allow")]).toEqual([path, 405, "POST"]);
    }
  });
});

describe("unknown addresses under /api/v1/", () => {
  it("are a JSON 404, whatever the method, never the HTML page", async () => {
    for (const [path, method] of [
      ["/api/v1/nope", "GET"],
      ["/api/v1/", "GET"],
      ["/api/v1/sites/KAR-001/extra", "GET"],
      ["/api/v1/statuses", "POST"],
    ] as const) {
      const body = await expectError(await call(path, { method }), 404, "not_found");
      expect([path, body.message]).toEqual([path, "no such endpoint (see docs/api.md)"]);
    }
  });
});

describe("rate limit of the Atom feed", () => {
  it("shares the JSON API's budget per address: 429 rate_limited with Retry-After", async () => {
    for (let i = 0; i < API_RATE_LIMIT.limit; i++) takeApiHit(ip);
    const res = await call("/etat-des-services/flux.atom");
    await expectError(res, 429, "rate_limited");
    expect(Number(res.headers.get("Retry-After"))).toBeGreaterThan(0);
    ip = "198.51.100.250"; // another address is not affected
    expect((await call("/etat-des-services/flux.atom")).status).toBe(200);
  });
});

describe("failed bearer tokens on the ingest endpoints", () => {
  const heartbeat = (bearer: string) =>
    call("/api/v1/sites/heartbeats", {
      method: "POST",
      headers: { Authorization: `Bearer ${bearer}`, "Content-Type": "application/json" },
      body: JSON.stringify({ samples: [{ site: siteCode, at: new Date().toISOString(), latencyMs: 10, lossPct: 0 }] }),
    });

  it(`after ${TOKEN_FAILURES_PER_MINUTE} wrong tokens the address gets 429, yet a valid token from it is still served`, async () => {
    for (let i = 0; i < TOKEN_FAILURES_PER_MINUTE; i++) expect((await heartbeat(`gmt_faux${i}`)).status).toBe(401);
    const limited = await heartbeat("gmt_faux-encore");
    const body = await expectError(limited, 429, "too_many_attempts");
    expect(body.message).toBe("too many failed token attempts from this address");
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);

    const served = await heartbeat(token);
    expect(served.status).toBe(200);
    expect(await served.json()).toMatchObject({ accepted: 1 });
    // The valid token did not lift the limit for the wrong ones.
    expect((await heartbeat("gmt_faux-toujours")).status).toBe(429);
  });
});

describe("query parameters: one parser, one error shape", () => {
  async function expectInvalid(path: string, parameters: string[]) {
    const res = await call(path);
    const body = await expectError(res, 400, "invalid_query");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const details = body.details as { path: string; message: string }[];
    expect([path, details.map((d) => d.path).sort()]).toEqual([path, [...parameters].sort()]);
    for (const d of details) expect(typeof d.message).toBe("string");
    return details;
  }

  it("refuses unknown parameters on every public endpoint, naming them", async () => {
    for (const path of PUBLIC_GETS()) {
      const joiner = path.includes("?") ? "&" : "?";
      const details = await expectInvalid(`${path}${joiner}limit=5&lang=en`, ["limit", "lang"]);
      expect(details.map((d) => d.message)).toEqual(["unknown parameter", "unknown parameter"]);
    }
  });

  it("refuses the same invalid value with the same words wherever the parameter is taken", async () => {
    const region = [await expectInvalid("/api/v1/sites?region=mars", ["region"]), await expectInvalid("/api/v1/procedures?region=mars", ["region"])];
    expect(region[0]).toEqual(region[1]);
    expect(region[0]![0]!.message).toBe("expected one of maritime, plateaux, centrale, kara, savanes");
    await expectInvalid("/api/v1/sites?region=", ["region"]);
    await expectInvalid("/api/v1/sites?status=broken&perPage=1000&page=0", ["status", "perPage", "page"]);
    await expectInvalid("/api/v1/sites?page=deux", ["page"]);
    await expectInvalid("/api/v1/sites?region=kara&region=savanes", ["region"]);
    expect((await expectInvalid("/api/v1/procedures", ["region"]))[0]!.message).toBe("required: a region code");
    const lng = [await expectInvalid("/api/v1/procedures?region=kara&lng=de", ["lng"]), await expectInvalid("/etat-des-services/flux.atom?lng=de", ["lng"])];
    expect(lng[0]).toEqual(lng[1]);
  });

  it("serves the parameters each endpoint documents", async () => {
    const sites = await call("/api/v1/sites?region=kara&status=down&page=1&perPage=10");
    expect(sites.status).toBe(200);
    expect(((await sites.json()) as { code: string }[]).map((s) => s.code)).toEqual([siteCode]);
    const en = await call("/api/v1/procedures?region=kara&lng=en");
    expect([en.status, en.headers.get("Content-Language")]).toEqual([200, "en"]);
    const feed = await call("/etat-des-services/flux.atom?lng=en");
    expect([feed.status, feed.headers.get("Content-Language")]).toEqual([200, "en"]);
    expect(feed.headers.get("Vary")).toContain("Accept-Language, Cookie");
  });
});
