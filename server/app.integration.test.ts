import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "../db/client";
import { auditLog, sites } from "../db/schema";
import { createSiteWithOffice } from "../db/seed/factories";
import { createTestDatabase } from "../db/testing";
import { sessionCookieName } from "../app/utils/session.server";
import { readForm } from "~/utils/body.server";
import { createApp, type AppOptions } from "./app";
import { createHttpServer } from "./http";
import { createLogger } from "./logging";
import { ORIGIN_REFUSED_MESSAGE } from "./origin";

/**
 * A minimal Remix build: one splat resource route that answers with the load context it got,
 * a long text (to see compression) or an event stream, and accepts POSTs.
 */
function fakeBuild(): ServerBuild {
  const loader = ({ request, context }: { request: Request; context: Record<string, unknown> }) => {
    const url = new URL(request.url);
    if (url.pathname === "/long") return new Response("Guichet ".repeat(2_000), { headers: { "Content-Type": "text/html; charset=utf-8" } });
    if (url.pathname === "/events") return new Response("data: x\n\n".repeat(500), { headers: { "Content-Type": "text/event-stream" } });
    if (url.pathname === "/route-headers") {
      return new Response("ok", { headers: { "X-Content-Type-Options": "nosniff", "Cache-Control": "public, max-age=60", "Set-Cookie": "a=1; Path=/" } });
    }
    return Response.json({ context, path: url.pathname, host: url.host });
  };
  const action = async ({ request }: { request: Request }) => {
    // A form route: readForm refuses past 1 MB (413) without reading the rest.
    if (new URL(request.url).pathname === "/form") return Response.json({ fields: [...(await readForm(request)).keys()] });
    return Response.json({ done: true });
  };
  return {
    mode: "production",
    entry: { module: { default: () => new Response("no documents here", { status: 500 }) } },
    routes: {
      root: { id: "root", path: "", module: {} },
      "routes/$": { id: "routes/$", parentId: "root", path: "*", module: { loader, action } },
    },
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true, v3_routeConfig: false },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const logLines: Record<string, unknown>[] = [];
const logger = createLogger({ level: "debug", write: (line) => logLines.push(JSON.parse(line) as Record<string, unknown>) });

async function listen(options: Partial<AppOptions> & Pick<AppOptions, "getDb">): Promise<{ server: Server; port: number }> {
  const app = createApp({ mode: "production", build: fakeBuild(), logger, ...options });
  const server = createHttpServer(app).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  return { server, port: (server.address() as AddressInfo).port };
}

describe("the HTTP server", () => {
  let migrated: DatabaseHandle;
  let bare: DatabaseHandle;
  let main: { server: Server; port: number };
  let proxied: { server: Server; port: number };
  let unmigrated: { server: Server; port: number };

  beforeAll(async () => {
    [migrated, bare] = await Promise.all([createTestDatabase(), openDatabase({ driver: "pglite" })]);
    main = await listen({ getDb: async () => migrated.db });
    proxied = await listen({ getDb: async () => migrated.db, trustProxy: true });
    unmigrated = await listen({ getDb: async () => bare.db });
  });

  afterAll(async () => {
    for (const s of [main, proxied, unmigrated]) await new Promise((r) => s?.server.close(r));
    await Promise.all([migrated?.close(), bare?.close()]);
  });

  it("sets the security headers and a nonce the loaders receive", async () => {
    const res = await send(main.port, "/anything?token=secret");
    expect(res.status).toBe(200);
    const csp = String(res.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(res.headers["x-frame-options"]).toBe("DENY");
    expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(res.headers["permissions-policy"]).toContain("camera=()");
    expect(res.headers["x-powered-by"]).toBeUndefined();
    expect(res.headers["strict-transport-security"]).toBeUndefined();

    const { context } = JSON.parse(res.body) as { context: { cspNonce: string; requestId: string; ip: string } };
    expect(context.cspNonce).toBe(nonce);
    expect(context.requestId).toBe(res.headers["x-request-id"]);
    expect(context.ip).toMatch(/127\.0\.0\.1/);
  });

  it("gives each request an id and logs it as JSON without the query string", async () => {
    const res = await send(main.port, "/logged?token=secret", { headers: { "X-Request-Id": "from-client", "User-Agent": "vitest" } });
    const id = res.headers["x-request-id"];
    expect(id).toMatch(/^[0-9a-f-]{36}$/); // not trusted without TRUST_PROXY
    const line = logLines.find((l) => l.msg === "request" && l.requestId === id);
    expect(line).toMatchObject({ level: "info", method: "GET", path: "/logged", status: 200, userAgent: "vitest" });
    expect(typeof line?.durationMs).toBe("number");
    expect(JSON.stringify(line)).not.toContain("secret");
  });

  it("keeps a trusted proxy's request id and client address, and sends HSTS over HTTPS", async () => {
    const res = await send(proxied.port, "/behind-proxy", {
      headers: { "X-Request-Id": "lb-42", "X-Forwarded-For": "41.207.1.2", "X-Forwarded-Proto": "https" },
    });
    expect(res.headers["x-request-id"]).toBe("lb-42");
    expect(res.headers["strict-transport-security"]).toMatch(/max-age=\d+/);
    expect((JSON.parse(res.body) as { context: { ip: string } }).context.ip).toBe("41.207.1.2");
  });

  it("refuses a foreign-origin POST with 403 and writes it to the audit log", async () => {
    const res = await send(main.port, "/connexion", {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded", Accept: "text/plain" },
      body: "email=a%40b.tg",
    });
    expect(res.status).toBe(403);
    expect(res.body).toBe(ORIGIN_REFUSED_MESSAGE);
    const requestId = String(res.headers["x-request-id"]);
    await expect.poll(async () => (await migrated.db.select().from(auditLog).where(eq(auditLog.requestId, requestId))).length).toBe(1);
    const [row] = await migrated.db.select().from(auditLog).where(eq(auditLog.requestId, requestId));
    expect(row).toMatchObject({ action: "request.origin_refused", outcome: "refused" });
    expect(logLines.some((l) => l.msg === "origin_refused" && l.requestId === requestId)).toBe(true);
  });

  it("refuses Sec-Fetch-Site: cross-site and lets same-origin and header-less POSTs through", async () => {
    const cross = await send(main.port, "/connexion", { method: "POST", headers: { "Sec-Fetch-Site": "cross-site", Accept: "text/html" } });
    expect(cross.status).toBe(403);
    expect(cross.headers["content-type"]).toMatch(/text\/html/);
    const same = await send(main.port, "/connexion", { method: "POST", headers: { Origin: `http://127.0.0.1:${main.port}`, "Sec-Fetch-Site": "same-origin" } });
    expect(same.status).toBe(200);
    const curl = await send(main.port, "/connexion", { method: "POST" });
    expect(curl.status).toBe(200);
    const probe = await send(main.port, "/api/v1/sites/heartbeats", { method: "POST", headers: { Origin: "https://probe.example", Authorization: "Bearer t" } });
    expect(probe.status).toBe(200);
  });

  it("answers /healthz without the database", async () => {
    const res = await send(main.port, "/healthz");
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ status: "ok" });
    expect(res.headers["cache-control"]).toBe("no-store");
    const line = logLines.find((l) => l.msg === "request" && l.requestId === res.headers["x-request-id"]);
    expect(line?.level).toBe("debug");
  });

  it("answers /readyz 200 on a migrated database and 503 on an unmigrated one", async () => {
    const ready = await send(main.port, "/readyz");
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ status: "ready", monitoring: "live", sitesUnknown: 0 });
    expect(ready.headers["cache-control"]).toBe("no-store");
    const notReady = await send(unmigrated.port, "/readyz");
    expect(notReady.status).toBe(503);
    expect(JSON.parse(notReady.body)).toMatchObject({ status: "unavailable", reason: "migrations_pending" });
    expect(notReady.headers["cache-control"]).toBe("no-store");
  });

  it("stays ready on /readyz while monitoring is interrupted, and says how many buildings are unknown", async () => {
    const { site } = await createSiteWithOffice(migrated.db, { linkStatus: "down" });
    await migrated.db.update(sites).set({ monitoringLostAt: new Date(), monitoringLostReason: "mass_silence" }).where(eq(sites.id, site.id));
    try {
      const res = await send(main.port, "/readyz");
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toEqual({ status: "ready", monitoring: "interrupted", sitesUnknown: 1 });
    } finally {
      await migrated.db.update(sites).set({ monitoringLostAt: null, monitoringLostReason: null }).where(eq(sites.id, site.id));
    }
  });

  it("answers /readyz 503 when the database does not answer", async () => {
    const broken = await listen({ getDb: () => Promise.reject(new Error("connect ECONNREFUSED 10.0.0.5:5432")) });
    try {
      const res = await send(broken.port, "/readyz");
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body)).toEqual({ status: "unavailable", reason: "database_unreachable" });
    } finally {
      await new Promise((r) => broken.server.close(r));
    }
  });

  it("answers /readyz 503 while draining, and asks keep-alive clients to reconnect elsewhere", async () => {
    const draining = await listen({ getDb: async () => migrated.db, isDraining: () => true });
    try {
      const res = await send(draining.port, "/readyz");
      expect(res.status).toBe(503);
      expect(JSON.parse(res.body)).toEqual({ status: "unavailable", reason: "shutting_down" });
      expect(res.headers.connection).toBe("close");
    } finally {
      await new Promise((r) => draining.server.close(r));
    }
  });

  it("compresses text but not event streams", async () => {
    const page = await send(main.port, "/long", { headers: { "Accept-Encoding": "gzip" } });
    expect(page.headers["content-encoding"]).toBe("gzip");
    const stream = await send(main.port, "/events", { headers: { "Accept-Encoding": "gzip" } });
    expect(stream.headers["content-encoding"]).toBeUndefined();
  });

  describe("the request edge (issue 11, items 2, 7, 8, 12, 17)", () => {
    it("sends a page with a broken address or a control character to the error page, the API gets JSON", async () => {
      for (const path of ["/%", "/demarches/x%00y", "/demarches/%E9", "/suivi?reference=a%00b"]) {
        const page = await send(main.port, path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body: "a=b" });
        expect(JSON.parse(page.body), path).toMatchObject({ path: "/erreur/400" });
      }
      const api = await send(main.port, "/api/v1/sites/x%00y");
      expect(api.status).toBe(400);
      expect(api.headers["content-type"]).toMatch(/^application\/json/);
      expect(JSON.parse(api.body)).toMatchObject({ error: "bad_request" });
      // A client-side navigation's data request gets the bare status.
      const data = await send(main.port, "/demarches/x%00y.data");
      expect(data.status).toBe(400);
      // The language of the refused address still counts.
      expect(JSON.parse((await send(main.port, "/x%00y?lng=en")).body)).toMatchObject({ path: "/erreur/400" });
    });

    it("answers 414 to an address over 8 KB and 431 to headers over 64 KB, instead of cutting the connection", async () => {
      const long = "/demarches?q=" + "a".repeat(20 * 1024);
      expect(JSON.parse((await send(main.port, long)).body)).toMatchObject({ path: "/erreur/414" });
      const api = await send(main.port, "/api/v1/status?q=" + "a".repeat(20 * 1024));
      expect(api.status).toBe(414);
      const huge = await send(main.port, "/x", { headers: { "X-Filler": "a".repeat(70 * 1024) } });
      expect(huge.status).toBe(431);
    });

    it("a body too large gets its 413, not a reset connection, with or without Content-Length (found by the fuzzer)", async () => {
      const body = "x=" + "A".repeat(3 * 1024 * 1024);
      const origin = `http://127.0.0.1:${main.port}`;
      const declared = await send(main.port, "/form", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin }, body });
      expect(declared.status).toBe(413);
      expect(declared.headers.connection).toBe("close");
      const chunked = await send(main.port, "/form", {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin, "Transfer-Encoding": "chunked" },
        body,
      });
      expect(chunked.status).toBe(413);
      // The server is unharmed: a small form still goes through.
      const small = await send(main.port, "/form", { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin }, body: "a=1&b=2" });
      expect(JSON.parse(small.body)).toEqual({ fields: ["a", "b"] });
    });

    it("sends a header the route also set once, the route's value winning", async () => {
      const res = await send(main.port, "/route-headers");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(res.headers["cache-control"]).toBe("public, max-age=60");
      expect(res.headers["set-cookie"]).toEqual(["a=1; Path=/"]);
    });

    it("marks every answer seen with a session private, no-store, whatever the route said", async () => {
      const res = await send(main.port, "/route-headers", { headers: { Cookie: `${sessionCookieName()}=abc` } });
      expect(res.headers["cache-control"]).toBe("private, no-store");
    });

    it("ignores X-Forwarded-Host from a client that is not a trusted proxy", async () => {
      const direct = await send(main.port, "/where", { headers: { "X-Forwarded-Host": "evil.example:8443" } });
      expect(JSON.parse(direct.body)).toMatchObject({ host: `127.0.0.1:${main.port}` });
      const viaProxy = await send(proxied.port, "/where", { headers: { "X-Forwarded-Host": "guichet.gouv.tg:8443" } });
      expect(JSON.parse(viaProxy.body)).toMatchObject({ host: "guichet.gouv.tg:8443" });
    });
  });
});
