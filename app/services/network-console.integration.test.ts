import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, linkStatusChanges, sites } from "../../db/schema";
import { createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { DatabaseHandle } from "../../db/client";
import { foldForSearch, listSites, parseLomeDateTime, regionMaintenanceSchema, setSiteStatusByOperator, siteDetails } from "./network-console.server";
import { siteUptime, siteUptimeReport } from "./site-uptime.server";

const DAY = 24 * 60 * 60 * 1000;
const H = 60 * 60 * 1000;

describe("network console", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("siteUptime over a seeded change log: one query, maintenance apart, the status before the window", async () => {
    const { db } = handle;
    const { site } = await createSiteWithOffice(db);
    const now = new Date("2026-11-22T12:00:00Z");
    // The factory's initial change is at insertion time (now, in real time): move it far back.
    await db.update(linkStatusChanges).set({ at: new Date(now.getTime() - 200 * DAY) }).where(eq(linkStatusChanges.siteId, site.id));
    const at = (msAgo: number) => new Date(now.getTime() - msAgo);
    await db.insert(linkStatusChanges).values([
      // 60 days ago: down for 9 days (counts in d90 only).
      { siteId: site.id, fromStatus: "up", toStatus: "down", at: at(60 * DAY), source: "probe" },
      { siteId: site.id, fromStatus: "down", toStatus: "up", at: at(51 * DAY), source: "probe" },
      // 3 days ago: 12 h of maintenance (not counted), then 6 h degraded (counts as up).
      { siteId: site.id, fromStatus: "up", toStatus: "maintenance", at: at(3 * DAY), source: "system" },
      { siteId: site.id, fromStatus: "maintenance", toStatus: "degraded", at: at(3 * DAY - 12 * H), source: "system" },
      { siteId: site.id, fromStatus: "degraded", toStatus: "up", at: at(3 * DAY - 18 * H), source: "probe" },
      // 6 hours ago: down for 2 h.
      { siteId: site.id, fromStatus: "up", toStatus: "down", at: at(6 * H), source: "alertmanager" },
      { siteId: site.id, fromStatus: "down", toStatus: "up", at: at(4 * H), source: "alertmanager" },
      // After now: ignored.
      { siteId: site.id, fromStatus: "up", toStatus: "down", at: new Date(now.getTime() + H), source: "probe" },
    ]);

    const result = await siteUptime(db, site.id, now);
    expect(result.d1).toBeCloseTo(22 / 24, 10);
    expect(result.d7).toBeCloseTo((7 * 24 - 12 - 2) / (7 * 24 - 12), 10);
    expect(result.d30).toBeCloseTo((30 * 24 - 12 - 2) / (30 * 24 - 12), 10);
    expect(result.d90).toBeCloseTo((90 * 24 - 12 - 2 - 9 * 24) / (90 * 24 - 12), 10);

    const report = await siteUptimeReport(db, site.id, now);
    expect(report.uptime.d7.maintenanceMs).toBe(12 * H);
    expect(report.incidents.map((i) => [i.status, i.durationMs])).toEqual([
      ["down", 2 * H],
      ["degraded", 6 * H],
      ["down", 9 * DAY],
    ]);
  });

  it("a site without any change before the window is not measured before its first change", async () => {
    const { db } = handle;
    const { site } = await createSiteWithOffice(db, { linkStatus: "not_connected" });
    const result = await siteUptime(db, site.id, new Date(Date.now() + 1000));
    expect(result).toEqual({ d1: null, d7: null, d30: null, d90: null });
  });

  it("setting a status writes the history with note and actor, and the audit with before and after", async () => {
    const { db } = handle;
    const { site } = await createSiteWithOffice(db, { linkStatus: "up" });
    const { user } = await createStaff(db, { role: "operator" });

    const result = await setSiteStatusByOperator(db, { siteId: site.id, to: "down", note: "Fibre coupée à Bè", actorId: user.id, ip: "10.0.0.9" });
    expect(result).toEqual({ ok: true, from: "up", to: "down" });

    const [row] = await db.select().from(sites).where(eq(sites.id, site.id));
    expect(row?.linkStatus).toBe("down");
    const details = await siteDetails(db, site.code);
    expect(details?.history[0]).toMatchObject({ fromStatus: "up", toStatus: "down", source: "operator", note: "Fibre coupée à Bè", actorName: user.fullName });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "network.site.status_set"), eq(auditLog.targetId, String(site.id))));
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: user.id, outcome: "success", targetType: "site", ip: "10.0.0.9" });
    expect(audits[0]?.details).toMatchObject({ before: { linkStatus: "up" }, after: { linkStatus: "down" }, note: "Fibre coupée à Bè" });

    expect(await setSiteStatusByOperator(db, { siteId: site.id, to: "down", note: "encore", actorId: user.id })).toEqual({ ok: false, reason: "same_status" });
    expect(await setSiteStatusByOperator(db, { siteId: site.id, to: "up", note: "Réparée", actorId: user.id })).toEqual({ ok: true, from: "down", to: "up" });
  });

  it("lists sites with filters, accent-insensitive search, counts per status and pages", async () => {
    const { db } = handle;
    const region = "savanes" as const;
    const made = [];
    for (const linkStatus of ["up", "up", "down", "degraded", "maintenance"] as const) made.push((await createSiteWithOffice(db, { regionCode: region, linkStatus })).site);
    await db.update(sites).set({ name: "Hôpital régional de Dapaong" }).where(eq(sites.id, made[2]!.id));

    const all = await listSites(db, { region });
    expect(all.total).toBe(5);
    expect(all.counts).toEqual({ up: 2, degraded: 1, down: 1, maintenance: 1, not_connected: 0 });

    const down = await listSites(db, { region, status: "down" });
    expect(down.rows.map((r) => r.code)).toEqual([made[2]!.code]);
    expect(down.total).toBe(1);
    // The counts ignore the status filter, so they still show every status of the region.
    expect(down.counts.up).toBe(2);

    for (const q of ["hopital", "HÔPITAL", "dapaong", made[2]!.code.toLowerCase()]) {
      const found = await listSites(db, { region, q });
      expect(found.rows.map((r) => r.code), q).toEqual([made[2]!.code]);
      expect(found.counts.down, q).toBe(1);
    }
    expect((await listSites(db, { region, q: "100%" })).total).toBe(0);
    expect((await listSites(db, { region, kind: "hospital" })).total).toBe(0);
    expect((await listSites(db, { region, townId: made[0]!.townId })).total).toBe(5);

    const past = await listSites(db, { region }, 3);
    expect(past).toMatchObject({ rows: [], total: 5, page: 3, pageCount: 1 });
  });

  it("pages 50 sites at a time", async () => {
    const { db } = handle;
    for (let i = 0; i < 52; i++) await createSiteWithOffice(db, { regionCode: "kara" });
    const first = await listSites(db, { region: "kara" });
    const second = await listSites(db, { region: "kara" }, 2);
    expect(first.rows).toHaveLength(50);
    expect(second.rows.length).toBeGreaterThanOrEqual(2);
    expect(first.pageCount).toBe(2);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.code)).size).toBe(first.total);
  });
});

describe("console helpers", () => {
  it("folds accents as the SQL side does", () => {
    expect(foldForSearch("Hôpital de Sokodé — Ɛwɛ")).toBe("hopital de sokode — ewe");
  });

  it("reads Lomé date-times (UTC all year)", () => {
    expect(parseLomeDateTime("2026-06-15T22:00")?.toISOString()).toBe("2026-06-15T22:00:00.000Z");
    expect(parseLomeDateTime("15/06/2026 22:00")?.toISOString()).toBe("2026-06-15T22:00:00.000Z");
    expect(parseLomeDateTime("31/02/2026 10:00")).toBeNull();
    expect(parseLomeDateTime("demain")).toBeNull();
  });

  it("checks a maintenance period: start not past, end after start and in the future", () => {
    const now = new Date("2026-06-15T12:00:00Z");
    const parse = (value: Record<string, string>) => regionMaintenanceSchema(now).safeParse(value);
    const errors = (value: Record<string, string>) => {
      const result = parse(value);
      return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
    };
    expect(parse({ region: "kara", startsAt: "2026-06-15T22:00", endsAt: "2026-06-16T02:00", reason: "Commutateur" }).data).toEqual({
      region: "kara",
      startsAt: new Date("2026-06-15T22:00:00Z"),
      endsAt: new Date("2026-06-16T02:00:00Z"),
      reason: "Commutateur",
    });
    expect(errors({ region: "kara", startsAt: "2026-06-15T22:00", endsAt: "2026-06-15T21:00", reason: "x" })).toEqual({ endsAt: "validation.endsAt.beforeStart" });
    expect(errors({ region: "kara", startsAt: "2026-06-14T08:00", endsAt: "2026-06-14T09:00", reason: "x" })).toEqual({
      startsAt: "validation.startsAt.past",
      endsAt: "validation.endsAt.past",
    });
    expect(errors({ region: "nowhere", startsAt: "demain", endsAt: "2026-06-16T02:00", reason: " " })).toEqual({
      region: "validation.region.required",
      startsAt: "validation.startsAt.invalid",
      reason: "validation.reason.required",
    });
  });

  it("English mirrors every key of network.json", () => {
    const keys = (value: unknown, prefix = ""): string[] =>
      typeof value === "object" && value !== null
        ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
        : [prefix];
    const read = (lng: string) => JSON.parse(readFileSync(new URL(`../../locales/${lng}/network.json`, import.meta.url), "utf8")) as unknown;
    expect(keys(read("en")).sort()).toEqual(keys(read("fr")).sort());
  });
});
