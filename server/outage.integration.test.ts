import type { AddressInfo } from "node:net";
import type { ServerBuild } from "@remix-run/node";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { handleError } from "../app/entry.server";
import { isDatabaseUnavailable, openDatabase, type DatabaseHandle } from "../db/client";
import { adjustRemixResponse, createApp } from "./app";
import { createHttpServer } from "./http";
import { createLogger } from "./logging";

/**
 * Issue 11, item 10: with PostgreSQL unreachable, requests fail within the connect timeout as a
 * 503 with Retry-After (JSON for the API), and /readyz answers fast.
 */

let down: DatabaseHandle;
let server: ReturnType<typeof createHttpServer>;
let base: string;

function buildQuerying(db: DatabaseHandle["db"]): ServerBuild {
  const loader = async () => {
    await db.execute(sql`select 1`);
    return Response.json({ ok: true });
  };
  return {
    mode: "production",
    entry: { module: { default: () => new Response("no documents here", { status: 500 }), handleError } },
    routes: {
      root: { id: "root", path: "", module: {} },
      "routes/$": { id: "routes/$", parentId: "root", path: "*", module: { loader } },
    },
    assets: { entry: { imports: [], module: "" }, routes: {}, url: "", version: "test" },
    publicPath: "/",
    assetsBuildDirectory: "build/client",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true, v3_routeConfig: false },
    isSpaMode: false,
  } as unknown as ServerBuild;
}

beforeAll(async () => {
  // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
  down = await openDatabase({ driver: "postgres", url: "postgres://postgres@127.0.0.1:9/guichet", connectTimeoutSeconds: 2 });
  const app = createApp({ mode: "production", build: buildQuerying(down.db), getDb: async () => down.db, logger: createLogger({ level: "error", write: () => {} }) });
  server = createHttpServer(app).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  await down.close().catch(() => {});
});

describe("a database outage", () => {
  it("is recognised in the error drizzle throws", async () => {
    const error = await down.db.execute(sql`select 1`).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(isDatabaseUnavailable(new Error("a bug"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("unique"), { code: "23505" }))).toBe(false);
  });

  it("answers the API with a JSON 503 and Retry-After, within the connect timeout", async () => {
    const started = Date.now();
    const res = await fetch(`${base}/api/v1/status`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toMatchObject({ error: "service_unavailable" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("keeps /readyz fast: 503 at once", async () => {
    const started = Date.now();
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("leaves other answers alone, and gives any API 5xx the JSON error shape", async () => {
    const ok = new Response("fine", { status: 200 });
    expect(adjustRemixResponse(ok, { api: true, databaseUnavailable: true })).toBe(ok);
    const bug = adjustRemixResponse(new Response("Unexpected Server Error", { status: 500 }), { api: true, databaseUnavailable: false });
    expect(bug.status).toBe(500);
    expect(await bug.json()).toEqual({ error: "internal_error", message: "internal server error" });
    const page = adjustRemixResponse(new Response("<html>", { status: 500, headers: { "Content-Type": "text/html" } }), { api: false, databaseUnavailable: true });
    expect(page.status).toBe(503);
    expect(page.headers.get("retry-after")).toBe("30");
    expect(await page.text()).toBe("<html>");
  });
});
