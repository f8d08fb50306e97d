import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sites } from "../../db/schema";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { DatabaseHandle } from "../../db/client";
import { invalidateStatusSummary } from "~/services/link-status.server";
import { forgetStatusSummaryMemo } from "~/services/status-summary.server";
import { resetApiRateLimits, takeApiHit } from "~/services/public-api.server";
import { setDatabaseHandle } from "~/utils/db.server";
import { loader as siteLoader } from "./api.v1.sites.$code";
import { loader as sitesLoader } from "./api.v1.sites._index";
import { loader as statusLoader } from "./api.v1.status";
import { loader as feedLoader } from "./etat-des-services.flux[.]atom";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "./desabonnement";

const context = { cspNonce: "n", requestId: "r", ip: "10.1.2.3" };
const get = (path: string) => new Request(`http://localhost${path}`);

describe("public JSON API and feed", () => {
  let handle: DatabaseHandle;
  let siteCode = "";
  beforeAll(async () => {
    handle = await createTestDatabase();
    setDatabaseHandle(handle);
    resetApiRateLimits();
    const { site } = await createSiteWithOffice(handle.db, { regionCode: "kara", townName: "Kara", linkStatus: "down" });
    siteCode = site.code;
    for (let i = 0; i < 3; i++) await createSiteWithOffice(handle.db, { regionCode: "maritime" });
  });
  afterAll(async () => handle?.close());

  it("GET /api/v1/status", async () => {
    const res = await statusLoader({ request: get("/api/v1/status"), params: {}, context });
    expect(res.status).toBe(200);
    expect(res.headers.get("Cache-Control")).toBe("public, max-age=30");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = await res.json();
    expect(Object.keys(body)).toEqual(expect.arrayContaining(["generatedAt", "regions", "incidents"]));
    expect(body.regions.map((r: { code: string }) => r.code)).toEqual(["maritime", "kara"]); // the regions the factory created, south to north
    expect(body.regions[0].sites).toEqual({ total: 3, connected: 3, up: 3, degraded: 0, down: 0, maintenance: 0, notConnected: 0, unknown: 0 });
    expect(body.monitoring).toEqual({ interrupted: false, sitesUnknown: 0, since: null });
    expect(body.incidents).toEqual([expect.objectContaining({ site: siteCode, status: "down", since: expect.any(String) })]);
  });

  it("GET /api/v1/sites filters, paginates and refuses bad parameters", async () => {
    const response1 = await sitesLoader({ request: get("/api/v1/sites?region=maritime&perPage=2"), params: {}, context });
    const page1 = await response1.json();
    expect(response1.headers.get("X-Total-Count")).toBe("3");
    expect(response1.headers.get("Link")).toContain('</api/v1/sites?region=maritime&perPage=2&page=2>; rel="next"');
    expect(page1).toHaveLength(2);
    expect(Object.keys(page1[0]).sort()).toEqual(["code", "knownStatus", "name", "region", "since", "status", "town"]);
    const response2 = await sitesLoader({ request: get("/api/v1/sites?region=maritime&perPage=2&page=2"), params: {}, context });
    const page2 = await response2.json();
    expect(page2).toHaveLength(1);
    expect(response2.headers.get("Link")).not.toContain('rel="next"');
    expect(response2.headers.get("Link")).toContain('rel="prev"');
    const down = await (await sitesLoader({ request: get("/api/v1/sites?status=down"), params: {}, context })).json();
    expect(down.map((s: { code: string }) => s.code)).toEqual([siteCode]);

    const bad = await sitesLoader({ request: get("/api/v1/sites?region=mars&perPage=1000"), params: {}, context });
    expect(bad.status).toBe(400);
    const error = await bad.json();
    expect(error.error).toBe("invalid_query");
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(["perPage", "region"]);
  });

  it("GET /api/v1/sites/:code with its uptime, 404 for an unknown code", async () => {
    const res = await siteLoader({ request: get(`/api/v1/sites/${siteCode}`), params: { code: siteCode }, context });
    const body = await res.json();
    expect(body).toMatchObject({ code: siteCode, region: "kara", town: "Kara", status: "down" });
    expect(Object.keys(body.uptime).sort()).toEqual(["d1", "d30", "d7", "d90"]);
    const missing = await siteLoader({ request: get("/api/v1/sites/NOPE-1"), params: { code: "NOPE-1" }, context });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not_found" });
  });

  it("shows a building whose monitoring is interrupted as unknown, with its last known status, and says so in /api/v1/status", async () => {
    const lostAt = new Date("2026-12-01T08:00:00Z");
    await handle.db.update(sites).set({ monitoringLostAt: lostAt, monitoringLostReason: "source_silent" }).where(eq(sites.code, siteCode));
    await invalidateStatusSummary(handle.db);
    forgetStatusSummaryMemo(handle.db);
    try {
      const status = await (await statusLoader({ request: get("/api/v1/status"), params: {}, context })).json();
      expect(status.monitoring).toEqual({ interrupted: true, sitesUnknown: 1, since: lostAt.toISOString() });
      expect(status.regions[1].sites).toMatchObject({ down: 0, unknown: 1, connected: 1 });
      expect(status.incidents).toEqual([]); // not an outage the public is told about

      const unknown = await (await sitesLoader({ request: get("/api/v1/sites?status=unknown"), params: {}, context })).json();
      expect(unknown).toEqual([expect.objectContaining({ code: siteCode, status: "unknown", knownStatus: "down" })]);
      const down = await (await sitesLoader({ request: get("/api/v1/sites?status=down"), params: {}, context })).json();
      expect(down).toEqual([]);
      const one = await (await siteLoader({ request: get(`/api/v1/sites/${siteCode}`), params: { code: siteCode }, context })).json();
      expect(one).toMatchObject({ status: "unknown", knownStatus: "down" });
    } finally {
      await handle.db.update(sites).set({ monitoringLostAt: null, monitoringLostReason: null }).where(eq(sites.code, siteCode));
      await invalidateStatusSummary(handle.db);
    forgetStatusSummaryMemo(handle.db);
    }
  });

  it("rate-limits per client address", () => {
    resetApiRateLimits();
    const rule = { limit: 2, windowMs: 60_000 };
    expect(takeApiHit("10.9.9.9", 0, rule).allowed).toBe(true);
    expect(takeApiHit("10.9.9.9", 1, rule).allowed).toBe(true);
    expect(takeApiHit("10.9.9.9", 2, rule)).toMatchObject({ allowed: false, retryAfterSeconds: 60 });
    expect(takeApiHit("10.9.9.8", 2, rule).allowed).toBe(true);
    expect(takeApiHit("10.9.9.9", 60_001, rule).allowed).toBe(true);
    resetApiRateLimits();
  });

  it("serves a well-formed Atom feed", async () => {
    const res = await feedLoader({ request: get("/etat-des-services/flux.atom"), params: {}, context });
    expect(res.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    for (const tag of ["<id>", "<title>", "<updated>", '<link rel="self"']) expect(xml).toContain(tag);
    expect(xml).toContain(`incident:${siteCode}:`);
    // Balanced entries, nothing unescaped in text nodes.
    expect(xml.match(/<entry>/g)?.length).toBe(xml.match(/<\/entry>/g)?.length);
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it("answers an unknown unsubscribe token with 404 and any POST with the same confirmation", async () => {
    const unknown = await unsubscribeLoader({ request: get("/desabonnement?t=abcdefghijklmnopqrstuvwx"), params: {}, context });
    expect((unknown as unknown as { init: { status: number } }).init.status).toBe(404);
    const form = new FormData();
    form.set("token", "abcdefghijklmnopqrstuvwx");
    const res = await unsubscribeAction({ request: new Request("http://localhost/desabonnement", { method: "POST", body: form }), params: {}, context });
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/desabonnement?fait");
  });
});
