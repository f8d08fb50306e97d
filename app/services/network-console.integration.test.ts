import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, linkStatusChanges, siteMonitoringGaps, sites } from "../../db/schema";
import { createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { DatabaseHandle } from "../../db/client";
import { action as siteAction } from "~/routes/reseau.sites.$code";
import { setDatabaseHandle } from "~/utils/db.server";
import { createSession, sessionCookieName } from "~/utils/session.server";
import { ingestHeartbeats } from "./ingest.server";
import {
  foldForSearch,
  listSites,
  parseLomeDateTime,
  regionMaintenanceSchema,
  releaseSiteHold,
  setSiteStatusByOperator,
  siteDetails,
} from "./network-console.server";
import { siteUptime, siteUptimeReport } from "./site-uptime.server";

const frNetwork = JSON.parse(readFileSync(new URL("../../locales/fr/network.json", import.meta.url), "utf8")) as Record<string, unknown>;
/** The French text of a key of the network namespace. */
const fr = (key: string): unknown => key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], frNetwork);

const DAY = 24 * 60 * 60 * 1000;
const H = 60 * 60 * 1000;

describe("network console", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    setDatabaseHandle(handle);
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
    expect(result).toEqual({ ok: true, from: "up", to: "down", heldUntil: null });

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
    expect(audits[0]?.details).toMatchObject({ before: { linkStatus: "up", hold: null }, after: { linkStatus: "down", hold: { until: null } }, note: "Fibre coupée à Bè" });

    // Held until released already: the same status held the same way changes nothing.
    expect(await setSiteStatusByOperator(db, { siteId: site.id, to: "down", note: "encore", actorId: user.id })).toEqual({ ok: false, reason: "same_status" });
    expect(await setSiteStatusByOperator(db, { siteId: site.id, to: "up", note: "Réparée", actorId: user.id })).toEqual({ ok: true, from: "down", to: "up", heldUntil: null });
  });

  describe("the operator's hold", () => {
    // Samples an hour ago and after, 30 s apart: two agreeing samples confirm a status.
    const t0 = new Date(Date.now() - 60 * 60_000);
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const UP = { latencyMs: 12, lossPct: 0 };
    const beat = (code: string, seconds: number) => ({ site: code, at: at(seconds).toISOString(), ...UP });

    async function heldSite(hold: { until: Date | null }) {
      const { db } = handle;
      const { site } = await createSiteWithOffice(db, { linkStatus: "up" });
      await db.update(sites).set({ linkStatusSince: new Date(t0.getTime() - DAY) }).where(eq(sites.id, site.id));
      const { user } = await createStaff(db, { role: "operator" });
      const set = await setSiteStatusByOperator(db, { siteId: site.id, to: "down", note: "Coupure vue sur place", actorId: user.id, hold, at: new Date(t0.getTime() - 60_000) });
      expect(set).toMatchObject({ ok: true, from: "up", to: "down" });
      return { site, user };
    }
    const statusOf = async (id: number) => (await handle.db.select().from(sites).where(eq(sites.id, id)))[0]!;

    it("holds against probes saying otherwise, shows who set it, and after release the next evidence decides", async () => {
      const { db } = handle;
      const { site, user } = await heldSite({ until: null });
      expect(await statusOf(site.id)).toMatchObject({ linkStatus: "down", operatorHeld: true, operatorHoldUntil: null });

      const held = await ingestHeartbeats(db, [beat(site.code, 0), beat(site.code, 30), beat(site.code, 60)]);
      expect(held).toMatchObject({ accepted: 3, changes: [] });
      expect((await statusOf(site.id)).linkStatus).toBe("down");
      const details = await siteDetails(db, site.code);
      expect(details?.hold).toMatchObject({ until: null, actorName: user.fullName });
      expect(details?.hold?.setAt).toBeInstanceOf(Date);

      const released = await releaseSiteHold(db, { siteId: site.id, actorId: user.id, ip: "10.0.0.7" });
      expect(released).toEqual({ ok: true, status: "down" });
      // Releasing is no status change: the status stays until the next evidence, which decides.
      expect(await statusOf(site.id)).toMatchObject({ linkStatus: "down", operatorHeld: false, operatorHoldUntil: null });
      expect((await siteDetails(db, site.code))?.hold).toBeNull();
      const next = await ingestHeartbeats(db, [beat(site.code, 90)]);
      expect(next.changes).toEqual([{ site: site.code, from: "down", to: "up" }]);

      const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, "network.site.hold_released"), eq(auditLog.targetId, String(site.id))));
      expect(audits).toHaveLength(1);
      expect(audits[0]).toMatchObject({ actorId: user.id, targetType: "site", ip: "10.0.0.7", outcome: "success" });
      expect(audits[0]?.details).toMatchObject({ linkStatus: "down", before: { hold: { until: null } }, after: { hold: null } });
      // Nothing held any more: a second release is refused, and writes nothing.
      expect(await releaseSiteHold(db, { siteId: site.id, actorId: user.id })).toEqual({ ok: false, reason: "not_held" });
      expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "network.site.hold_released"), eq(auditLog.targetId, String(site.id))))).toHaveLength(1);
    });

    it("a timed hold holds until its time, then the probes decide; the page shows an expired hold as no hold", async () => {
      const { db } = handle;
      const { site } = await heldSite({ until: at(45) });
      expect(await ingestHeartbeats(db, [beat(site.code, 0), beat(site.code, 30)])).toMatchObject({ accepted: 2, changes: [] });
      expect((await statusOf(site.id)).linkStatus).toBe("down");
      expect((await siteDetails(db, site.code, at(40)))?.hold).toMatchObject({ until: at(45) });
      // Past its time (the column still says held): no hold on the page, and probes decide.
      expect((await siteDetails(db, site.code, at(50)))?.hold).toBeNull();
      expect((await siteDetails(db, site.code))?.hold).toBeNull();
      expect((await ingestHeartbeats(db, [beat(site.code, 60)])).changes).toEqual([{ site: site.code, from: "down", to: "up" }]);
    });

    it("the same status may be held anew (no history row, audited), not held the same way twice", async () => {
      const { db } = handle;
      const { site } = await createSiteWithOffice(db, { linkStatus: "down" });
      const { user } = await createStaff(db, { role: "operator" });
      const until = new Date(Date.now() + 4 * 60 * 60_000);
      const changesBefore = await db.select().from(linkStatusChanges).where(eq(linkStatusChanges.siteId, site.id));

      expect(await setSiteStatusByOperator(db, { siteId: site.id, to: "down", note: "Je la garde interrompue", actorId: user.id, hold: { until } })).toEqual({
        ok: true,
        from: "down",
        to: "down",
        heldUntil: until,
      });
      expect(await statusOf(site.id)).toMatchObject({ linkStatus: "down", operatorHeld: true, operatorHoldUntil: until });
      expect(await db.select().from(linkStatusChanges).where(eq(linkStatusChanges.siteId, site.id))).toHaveLength(changesBefore.length);
      const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, "network.site.hold_set"), eq(auditLog.targetId, String(site.id))));
      expect(audit?.details).toMatchObject({ before: { linkStatus: "down", hold: null }, after: { linkStatus: "down", hold: { until: until.toISOString() } } });

      expect(await setSiteStatusByOperator(db, { siteId: site.id, to: "down", note: "encore", actorId: user.id, hold: { until } })).toEqual({ ok: false, reason: "same_status" });
      // Until released instead of until a time: the hold changes, so it is accepted.
      expect(await setSiteStatusByOperator(db, { siteId: site.id, to: "down", note: "Jusqu'à nouvel ordre", actorId: user.id })).toMatchObject({ ok: true, heldUntil: null });
      expect((await statusOf(site.id)).operatorHoldUntil).toBeNull();
      // A hold ending in the past is refused, and nothing is written.
      expect(await setSiteStatusByOperator(db, { siteId: site.id, to: "up", note: "x", actorId: user.id, hold: { until: new Date(Date.now() - 1000) } })).toEqual({
        ok: false,
        reason: "hold_past",
      });
      expect((await statusOf(site.id)).linkStatus).toBe("down");
    });

    async function postStatus(code: string, fields: Record<string, string>) {
      const { user } = await createStaff(handle.db, { role: "operator" });
      const token = (await createSession(handle.db, user.id)).token;
      const form = new URLSearchParams({ intent: "status", ...fields });
      const request = new Request(`http://localhost/reseau/sites/${code}`, {
        method: "POST",
        body: form,
        headers: { Cookie: `${sessionCookieName()}=${token}`, "Content-Type": "application/x-www-form-urlencoded" },
      });
      const result = (await siteAction({ request, params: { code }, context: { cspNonce: "n", requestId: "r", ip: "203.0.113.5" } })) as unknown;
      return { result, user };
    }
    type Reply = { init: { status: number } | null; data: { intent: string; result: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } } };

    it("the form refuses a duration not offered, a malformed or past date with a French field error, and keeps what was typed", async () => {
      const { db } = handle;
      const { site } = await createSiteWithOffice(db, { linkStatus: "up" });
      const cases: [Record<string, string>, string, string][] = [
        [{ hold: "7" }, "hold", "validation.hold.invalid"],
        [{ hold: "until", holdUntil: "demain matin" }, "holdUntil", "validation.holdUntil.invalid"],
        [{ hold: "until", holdUntil: "31/02/2031 10:00" }, "holdUntil", "validation.holdUntil.invalid"],
        [{ hold: "until", holdUntil: "2020-01-15T10:00" }, "holdUntil", "validation.holdUntil.past"],
        [{ hold: "until" }, "holdUntil", "validation.holdUntil.required"],
      ];
      for (const [fields, field, key] of cases) {
        const { result } = await postStatus(site.code, { status: "down", note: "Fibre coupée", ...fields });
        const reply = result as Reply;
        expect(reply.init?.status, JSON.stringify(fields)).toBe(400);
        expect(reply.data.result.error?.[field], JSON.stringify(fields)).toEqual([key]);
        expect(fr(key), key).toMatch(/^(Choisissez|Saisissez|La date)/);
        expect(reply.data.result.initialValue).toMatchObject({ status: "down", note: "Fibre coupée", ...fields });
      }
      expect(await statusOf(site.id)).toMatchObject({ linkStatus: "up", operatorHeld: false });

      // A good one: held for 4 hours from the request.
      const before = Date.now();
      const { result } = await postStatus(site.code, { status: "down", note: "Fibre coupée", hold: "4" });
      expect(result).toBeInstanceOf(Response);
      expect((result as Response).headers.get("Location")).toBe(`/reseau/sites/${site.code}?etat=down`);
      const row = await statusOf(site.id);
      expect(row).toMatchObject({ linkStatus: "down", operatorHeld: true });
      expect(row.operatorHoldUntil!.getTime() - before).toBeGreaterThanOrEqual(4 * H);
      expect(row.operatorHoldUntil!.getTime() - before).toBeLessThan(4 * H + 60_000);
    });
  });

  it("the history lists monitoring gaps among the changes, and the rule of automatic changes; the page knows monitoring is lost", async () => {
    const { db } = handle;
    const { site } = await createSiteWithOffice(db, { linkStatus: "up" });
    const base = new Date("2026-11-20T08:00:00Z");
    await db.update(linkStatusChanges).set({ at: new Date(base.getTime() - DAY) }).where(eq(linkStatusChanges.siteId, site.id));
    await db.insert(linkStatusChanges).values([
      { siteId: site.id, fromStatus: "up", toStatus: "down", at: new Date(base.getTime() + H), source: "probe", rule: "probe_down" },
      { siteId: site.id, fromStatus: "down", toStatus: "up", at: new Date(base.getTime() + 3 * H), source: "alertmanager", rule: "alert_resolved" },
    ]);
    await db.insert(siteMonitoringGaps).values([
      { siteId: site.id, reason: "mass_silence", startedAt: new Date(base.getTime() + 2 * H), endedAt: new Date(base.getTime() + 2.5 * H), knownStatus: "down" },
      { siteId: site.id, reason: "target_unreachable", startedAt: new Date(base.getTime() + 5 * H), endedAt: null, knownStatus: "up" },
    ]);
    await db.update(sites).set({ monitoringLostAt: new Date(base.getTime() + 5 * H), monitoringLostReason: "target_unreachable" }).where(eq(sites.id, site.id));

    const details = await siteDetails(db, site.code);
    expect(details?.site).toMatchObject({ linkStatus: "up", monitoringLostReason: "target_unreachable" });
    expect(details?.site.monitoringLostAt?.getTime()).toBe(base.getTime() + 5 * H);
    expect(details?.history.map((h) => (h.kind === "gap" ? ["gap", h.reason, h.endedAt === null ? "ongoing" : "ended", h.knownStatus] : ["change", h.toStatus, h.rule]))).toEqual([
      ["gap", "target_unreachable", "ongoing", "up"],
      ["change", "up", "alert_resolved"],
      ["gap", "mass_silence", "ended", "down"],
      ["change", "down", "probe_down"],
      ["change", "up", null],
    ]);
    for (const key of ["site.rule.probe_down", "site.rule.alert_resolved", "site.monitoring.cause.target_unreachable", "site.monitoring.lost"]) expect(typeof fr(key), key).toBe("string");
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
