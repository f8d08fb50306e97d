import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { maintenanceWindows, statusSummaries } from "../../db/schema";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { DatabaseHandle } from "../../db/client";
import { incidentFeed } from "~/components/status/atom";
import { changeSiteLinkStatus } from "./link-status.server";
import { getStatusSummary, splitMaintenance } from "./status-summary.server";

describe("status summary", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("is computed once, then read from its row until a link status change invalidates it", async () => {
    const { db } = handle;
    const lome = await createSiteWithOffice(db, { regionCode: "maritime" });
    const kara = await createSiteWithOffice(db, { regionCode: "kara", townName: "Kara", linkStatus: "degraded" });
    await createSiteWithOffice(db, { regionCode: "savanes", linkStatus: "not_connected" });
    const t0 = new Date();
    await db.insert(maintenanceWindows).values({
      siteId: lome.site.id,
      startsAt: new Date(t0.getTime() + 86_400_000),
      endsAt: new Date(t0.getTime() + 90_000_000),
      reason: "Remplacement du convertisseur",
    });

    const first = await getStatusSummary(db, t0);
    expect(first.generatedAt).toBe(t0.toISOString());
    const maritime = first.regions.find((r) => r.code === "maritime")!;
    expect(maritime.sites).toMatchObject({ total: 1, connected: 1, up: 1, down: 0 });
    expect(first.regions.find((r) => r.code === "savanes")!.sites).toMatchObject({ total: 1, connected: 0, notConnected: 1 });
    expect(first.incidents).toEqual([expect.objectContaining({ site: kara.site.code, status: "degraded", region: "kara", town: "Kara" })]);
    expect(splitMaintenance(first.maintenance, t0).planned).toHaveLength(1);
    const agency = first.agencies.find((a) => a.code === kara.agency.code)!;
    expect(agency.offices[0]).toMatchObject({ code: kara.office.code, online: true, status: "degraded" });
    expect(first.towns.find((t) => t.name === "Kara")!.counts.degraded).toBe(1);

    // A second read one second later comes from the stored row: same generatedAt.
    const t1 = new Date(t0.getTime() + 1000);
    expect((await getStatusSummary(db, t1)).generatedAt).toBe(t0.toISOString());
    expect(await db.select({ id: statusSummaries.id }).from(statusSummaries)).toEqual([{ id: "public" }]);

    await db.transaction((tx) => changeSiteLinkStatus(tx, { siteId: lome.site.id, to: "down", source: "operator", note: "test", at: t1 }));
    expect(await db.select().from(statusSummaries)).toEqual([]);

    const t2 = new Date(t0.getTime() + 2000);
    const after = await getStatusSummary(db, t2);
    expect(after.generatedAt).toBe(t2.toISOString());
    expect(after.regions.find((r) => r.code === "maritime")!.sites).toMatchObject({ up: 0, down: 1 });
    expect(after.incidents[0]).toMatchObject({ site: lome.site.code, status: "down", since: t1.toISOString() });
    expect(after.agencies.find((a) => a.code === lome.agency.code)!.offices[0]!.online).toBe(false);
    expect(after.history[0]).toMatchObject({ site: lome.site.code, status: "down", endedAt: null });

    await db.transaction((tx) => changeSiteLinkStatus(tx, { siteId: lome.site.id, to: "up", source: "operator", at: new Date(t0.getTime() + 3000) }));
    const back = await getStatusSummary(db, new Date(t0.getTime() + 4000));
    expect(back.incidents.map((i) => i.site)).toEqual([kara.site.code]);
    expect(back.history[0]).toMatchObject({ site: lome.site.code, endedAt: new Date(t0.getTime() + 3000).toISOString() });

    const xml = incidentFeed(back, {
      baseUrl: "https://guichet.gouv.tg",
      locale: "fr",
      title: "Incidents <&>",
      statusLabel: (s) => s,
      entryTitle: (v) => `${v.site} "${v.status}"`,
    });
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml).toContain("<title>Incidents &lt;&amp;&gt;</title>");
    expect(xml).toContain(`tag:guichet.gouv.tg,2017:incident:${lome.site.code}:`);
    expect(xml.match(/<entry>/g)).toHaveLength(back.history.length + back.incidents.filter((i) => !back.history.some((h) => h.site === i.site && h.startedAt === i.since)).length);
  });
});
