import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidentSubscriptions, maintenanceWindows, notifications, statusSummaries } from "../../db/schema";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { DatabaseHandle } from "../../db/client";
import { incidentFeed } from "~/components/status/atom";
import {
  findSubscriptionByToken,
  notifyIncidentSubscribers,
  subscribeToIncidents,
  subscriptionSchema,
  unsubscribeByToken,
} from "./incident-subscriptions.server";
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

describe("incident subscriptions", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("validates the channel against the address", () => {
    expect(subscriptionSchema.safeParse({ channel: "email", recipient: "ami@exemple.tg", scope: "region:kara" }).success).toBe(true);
    expect(subscriptionSchema.safeParse({ channel: "sms", recipient: "90 12 34 56", scope: "region:kara" }).data).toMatchObject({ recipient: "+22890123456" });
    expect(subscriptionSchema.safeParse({ channel: "sms", recipient: "ami@exemple.tg", scope: "region:kara" }).success).toBe(false);
    expect(subscriptionSchema.safeParse({ channel: "email", recipient: "ami@exemple.tg", scope: "region:mars" }).success).toBe(false);
    const both = subscriptionSchema.safeParse({ channel: "sms", recipient: "ami@exemple.tg" });
    expect(both.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["recipient", "subscribe.errors.phone"],
      ["scope", "subscribe.errors.scope"],
    ]);
  });

  it("subscribes with a confirmation, alerts matching subscribers, and unsubscribes by token", async () => {
    const { db } = handle;
    const kara = await createSiteWithOffice(db, { regionCode: "kara", townName: "Kara" });
    const other = await createSiteWithOffice(db, { regionCode: "maritime" });
    const byRegion = await subscribeToIncidents(db, { channel: "email", recipient: "kara@exemple.tg", scope: { kind: "region", code: "kara" }, locale: "fr", baseUrl: "https://guichet.gouv.tg" });
    expect(byRegion).toEqual({ ok: true, scopeName: "Kara" });
    await subscribeToIncidents(db, { channel: "sms", recipient: "+22890123456", scope: { kind: "agency", code: kara.agency.code }, locale: "en", baseUrl: "https://guichet.gouv.tg" });
    await subscribeToIncidents(db, { channel: "email", recipient: "autre@exemple.tg", scope: { kind: "agency", code: other.agency.code }, locale: "fr", baseUrl: "https://guichet.gouv.tg" });
    expect(await subscribeToIncidents(db, { channel: "email", recipient: "x@exemple.tg", scope: { kind: "agency", code: "NOPE" }, locale: "fr", baseUrl: "" })).toEqual({ ok: false, reason: "unknown_scope" });

    const confirmations = await db.select().from(notifications).where(eq(notifications.template, "incident_subscription_confirmed"));
    expect(confirmations).toHaveLength(3);
    const url = String((confirmations.find((n) => n.recipient === "kara@exemple.tg")!.payload as { url: string }).url);
    expect(url).toMatch(/^https:\/\/guichet\.gouv\.tg\/desabonnement\?t=[a-z2-7]+$/);
    const token = new URL(url).searchParams.get("t")!;
    expect(await findSubscriptionByToken(db, token, "fr")).toMatchObject({ scopeName: "Kara", active: true, channel: "email" });

    const sent = await db.transaction((tx) => notifyIncidentSubscribers(tx, { siteId: kara.site.id, status: "down", at: new Date("2026-11-22T10:00:00Z") }, "https://guichet.gouv.tg"));
    expect(sent).toBe(2);
    const alerts = await db.select().from(notifications).where(eq(notifications.template, "incident_alert"));
    expect(alerts.map((a) => a.recipient).sort()).toEqual(["+22890123456", "kara@exemple.tg"]);
    expect(alerts.find((a) => a.recipient === "+22890123456")!.locale).toBe("en");
    // Each message carries a fresh token: the latest link works, the older one is replaced.
    const alertToken = new URL(String((alerts.find((a) => a.recipient === "kara@exemple.tg")!.payload as { url: string }).url)).searchParams.get("t")!;
    expect(await findSubscriptionByToken(db, token, "fr")).toBeNull();
    expect(await unsubscribeByToken(db, alertToken)).toBe(true);
    const [row] = await db.select({ active: incidentSubscriptions.active }).from(incidentSubscriptions).where(eq(incidentSubscriptions.recipient, "kara@exemple.tg"));
    expect(row!.active).toBe(false);
    expect(await unsubscribeByToken(db, "not-a-token")).toBe(false);

    expect(await db.transaction((tx) => notifyIncidentSubscribers(tx, { siteId: kara.site.id, status: "up", at: new Date() }, "https://guichet.gouv.tg"))).toBe(1);
  });
});
