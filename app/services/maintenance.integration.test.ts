import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, sites } from "../../db/schema";
import { createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { changeSiteLinkStatus } from "./link-status.server";
import { applyMaintenanceSchedule, cancelMaintenance, listMaintenance, planMaintenance } from "./maintenance.server";

const MIN = 60_000;

describe("maintenance windows", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  const statusOf = async (siteId: number) => (await handle.db.select({ s: sites.linkStatus }).from(sites).where(eq(sites.id, siteId)))[0]!.s;
  const run = (now: Date) => handle.db.transaction((tx) => applyMaintenanceSchedule(tx, now));

  it("validates a window", async () => {
    const { user } = await createStaff(handle.db, { role: "operator" });
    const now = new Date("2026-07-01T08:00:00Z");
    const base = { siteId: 1, startsAt: new Date(now.getTime() + MIN), endsAt: new Date(now.getTime() + 60 * MIN), reason: "Travaux", actorId: user.id, now };
    expect(await planMaintenance(handle.db, { ...base, endsAt: base.startsAt })).toMatchObject({ ok: false, errors: { endsAt: "maintenance.errors.ends_before_start" } });
    expect(await planMaintenance(handle.db, { ...base, startsAt: new Date(now.getTime() - 5 * MIN) })).toMatchObject({ ok: false, errors: { startsAt: "maintenance.errors.starts_past" } });
    expect(await planMaintenance(handle.db, { ...base, reason: "  " })).toMatchObject({ ok: false, errors: { reason: "maintenance.errors.reason_required" } });
    expect(await planMaintenance(handle.db, { ...base, regionCode: "kara" })).toMatchObject({ ok: false, errors: { target: "maintenance.errors.target" } });
    expect(await planMaintenance(handle.db, { ...base, siteId: 999_999 })).toMatchObject({ ok: false, errors: { target: "maintenance.errors.target" } });
  });

  it("starts and ends a window on schedule, idempotently, and leaves a hand-set maintenance alone", async () => {
    const { db } = handle;
    const { user } = await createStaff(db, { role: "operator" });
    const { site } = await createSiteWithOffice(db, { regionCode: "savanes" });
    const { site: neighbour } = await createSiteWithOffice(db, { regionCode: "savanes" });
    const { site: planned } = await createSiteWithOffice(db, { regionCode: "savanes", linkStatus: "not_connected" });
    const { site: manual } = await createSiteWithOffice(db, { regionCode: "centrale" });
    const now = new Date("2026-07-02T08:00:00Z");
    await db.transaction((tx) => changeSiteLinkStatus(tx, { siteId: manual.id, to: "maintenance", source: "operator", note: "À la main", at: now }));

    const planned1 = await planMaintenance(db, { siteId: site.id, startsAt: new Date(now.getTime() + 10 * MIN), endsAt: new Date(now.getTime() + 70 * MIN), reason: "Remplacement du routeur", actorId: user.id, now });
    expect(planned1.ok).toBe(true);
    const region = await planMaintenance(db, { regionCode: "savanes", startsAt: new Date(now.getTime() + 60 * MIN), endsAt: new Date(now.getTime() + 90 * MIN), reason: "Coupure de la dorsale", actorId: user.id, now });
    expect(region.ok).toBe(true);
    expect(await db.select().from(auditLog).where(eq(auditLog.action, "network.maintenance.plan"))).toHaveLength(2);

    expect((await listMaintenance(db, { now, upcoming: true, current: false })).map((w) => w.reason)).toEqual(["Remplacement du routeur", "Coupure de la dorsale"]);
    expect(await listMaintenance(db, { now, upcoming: false, current: true })).toEqual([]);

    expect(await run(new Date(now.getTime() + 5 * MIN))).toEqual({ started: [], ended: [] });
    const t1 = new Date(now.getTime() + 15 * MIN);
    expect(await run(t1)).toEqual({ started: [site.id], ended: [] });
    expect(await run(t1)).toEqual({ started: [], ended: [] });
    expect(await statusOf(site.id)).toBe("maintenance");
    expect((await listMaintenance(db, { now: t1, upcoming: false, current: true }))[0]).toMatchObject({ state: "current", siteId: site.id });

    // The region window takes the neighbour too; the site's own window ends but the region one still covers it.
    expect(await run(new Date(now.getTime() + 65 * MIN))).toEqual({ started: [neighbour.id], ended: [] });
    expect(await run(new Date(now.getTime() + 75 * MIN))).toEqual({ started: [], ended: [] });
    expect(await statusOf(planned.id)).toBe("not_connected");

    const end = new Date(now.getTime() + 95 * MIN);
    const result = await run(end);
    expect(result.ended.sort()).toEqual([site.id, neighbour.id].sort());
    expect(await statusOf(site.id)).toBe("up");
    expect(await statusOf(manual.id)).toBe("maintenance");
    expect(await run(end)).toEqual({ started: [], ended: [] });
  });

  it("cancelling a window in progress brings the site back", async () => {
    const { db } = handle;
    const { user } = await createStaff(db, { role: "operator" });
    const { site } = await createSiteWithOffice(db, { regionCode: "kara" });
    const now = new Date("2026-07-03T08:00:00Z");
    const planned = await planMaintenance(db, { siteId: site.id, startsAt: now, endsAt: new Date(now.getTime() + 60 * MIN), reason: "Urgence", actorId: user.id, now });
    expect(planned.ok).toBe(true);
    expect(await statusOf(site.id)).toBe("maintenance"); // starting now: at once
    if (!planned.ok) return;
    expect(await cancelMaintenance(db, { windowId: planned.window.id, actorId: user.id, now: new Date(now.getTime() + 5 * MIN) })).toEqual({ ok: true });
    expect(await statusOf(site.id)).toBe("up");
    expect(await cancelMaintenance(db, { windowId: planned.window.id, actorId: user.id })).toEqual({ ok: false, reason: "already_cancelled" });
  });
});
