import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { caseEvents, cases, notifications, siteOutages } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { LinkStatus } from "~/domain/constants";
import { changeSiteLinkStatus } from "./link-status.server";

const MIN = 60_000;

describe("network effects of a link status change", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("opens one outage per incident, notifies once despite flapping, and extends deadlines by the time out", async () => {
    const { db } = handle;
    const { site, office, agency } = await createSiteWithOffice(db);
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 10 });
    const { user } = await createCitizen(db, { phone: `+2289${Math.floor(1e7 + Math.random() * 9e7)}` });
    await createStaff(db, { role: "agent", officeId: office.id });
    const t0 = new Date("2026-03-02T08:00:00Z");
    const base = { procedure, versionId: version.id, applicantId: user.id, officeId: office.id, submittedAt: t0 };
    const first = await createCase(db, { ...base, status: "in_review" });
    const second = await createCase(db, { ...base, status: "submitted" });
    const waiting = await createCase(db, { ...base, status: "awaiting_info" });
    const originalDue = first.dueAt!.getTime();

    const change = (to: LinkStatus, at: Date, source: "probe" | "operator" = "probe") =>
      db.transaction((tx) => changeSiteLinkStatus(tx, { siteId: site.id, to, source, at }));
    const outageNotices = () =>
      db.select().from(notifications).where(eq(notifications.template, "office_outage")).orderBy(asc(notifications.id));

    const t1 = new Date(t0.getTime() + 60 * MIN);
    await change("down", t1);
    const [outage] = await db.select().from(siteOutages).where(eq(siteOutages.siteId, site.id));
    expect(outage).toMatchObject({ status: "down", startedAt: t1, endedAt: null, notifiedAt: t1 });
    const notices = await outageNotices();
    // One citizen, three cases: one message per channel listing the references.
    expect(notices.map((n) => n.channel).sort()).toEqual(["email", "in_app", "sms"]);
    expect(notices[0]!.userId).toBe(user.id);
    const references = String(notices[0]!.payload.references);
    for (const c of [first, second, waiting]) expect(references).toContain(c.reference);
    expect(notices[0]!.payload.officeName).toBe(office.name);
    const staffNotices = await db.select().from(notifications).where(eq(notifications.template, "office_outage_staff"));
    expect(staffNotices).toHaveLength(1);
    expect(staffNotices[0]!.channel).toBe("in_app");

    // Back after 30 minutes: the clock of the running cases gets 30 minutes back.
    const t2 = new Date(t1.getTime() + 30 * MIN);
    await change("up", t2);
    const [closed] = await db.select().from(siteOutages).where(eq(siteOutages.id, outage!.id));
    expect(closed).toMatchObject({ endedAt: t2, pausedMs: 30 * MIN });
    const [firstAfter] = await db.select().from(cases).where(eq(cases.id, first.id));
    expect(firstAfter!.dueAt!.getTime()).toBe(originalDue + 30 * MIN);
    expect(firstAfter!.pausedMs).toBe(30 * MIN);
    const events = await db.select().from(caseEvents).where(eq(caseEvents.type, "deadline_extended"));
    expect(events.map((e) => e.caseId).sort()).toEqual([first.id, second.id].sort());
    expect(events[0]!.payload).toEqual({ outageId: outage!.id, pausedMs: 30 * MIN, reason: "office_link_down" });
    const [waitingAfter] = await db.select().from(cases).where(eq(cases.id, waiting.id));
    expect(waitingAfter!.pausedMs).toBe(0); // its clock was already paused (awaiting the citizen)

    // Flapping: down again 5 minutes later, for 10 minutes — same incident, no new message.
    const t3 = new Date(t2.getTime() + 5 * MIN);
    await change("down", t3);
    expect(await db.select().from(siteOutages).where(eq(siteOutages.siteId, site.id))).toHaveLength(1);
    expect(await outageNotices()).toHaveLength(3);
    const t4 = new Date(t3.getTime() + 10 * MIN);
    await change("up", t4);
    const [again] = await db.select().from(siteOutages).where(eq(siteOutages.id, outage!.id));
    expect(again).toMatchObject({ startedAt: t1, endedAt: t4, pausedMs: 40 * MIN });
    const [firstLater] = await db.select().from(cases).where(eq(cases.id, first.id));
    expect(firstLater!.dueAt!.getTime()).toBe(originalDue + 40 * MIN); // the 5 minutes up are not counted
    expect(firstLater!.pausedMs).toBe(40 * MIN);

    // Maintenance an hour later is a new incident, with its own message; down ↔ maintenance keep it.
    const t5 = new Date(t4.getTime() + 60 * MIN);
    await change("maintenance", t5, "operator");
    await change("down", new Date(t5.getTime() + 10 * MIN), "operator");
    const outages = await db.select().from(siteOutages).where(eq(siteOutages.siteId, site.id)).orderBy(asc(siteOutages.id));
    expect(outages).toHaveLength(2);
    expect(outages[1]).toMatchObject({ status: "down", endedAt: null });
    expect(await db.select().from(notifications).where(eq(notifications.template, "office_maintenance"))).toHaveLength(3);
    await change("up", new Date(t5.getTime() + 20 * MIN));
    const [firstEnd] = await db.select().from(cases).where(eq(cases.id, first.id));
    expect(firstEnd!.pausedMs).toBe(60 * MIN);
    const last = await db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, first.id), eq(caseEvents.type, "deadline_extended")))
      .orderBy(asc(caseEvents.id));
    expect(last.map((e) => e.payload.pausedMs)).toEqual([30 * MIN, 10 * MIN, 20 * MIN]);
    expect(last[2]!.payload.reason).toBe("office_link_down");
  });

  it("a case filed during the outage only gets the time after its filing", async () => {
    const { db } = handle;
    const { site, office, agency } = await createSiteWithOffice(db);
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id });
    const { user } = await createCitizen(db);
    const t0 = new Date("2026-04-01T08:00:00Z");
    await db.transaction((tx) => changeSiteLinkStatus(tx, { siteId: site.id, to: "maintenance", source: "operator", at: t0 }));
    const late = await createCase(db, { procedure, versionId: version.id, applicantId: user.id, officeId: office.id, submittedAt: new Date(t0.getTime() + 20 * MIN) });
    await db.transaction((tx) => changeSiteLinkStatus(tx, { siteId: site.id, to: "up", source: "operator", at: new Date(t0.getTime() + 60 * MIN) }));
    const [after] = await db.select().from(cases).where(eq(cases.id, late.id));
    expect(after!.pausedMs).toBe(40 * MIN);
    const [event] = await db.select().from(caseEvents).where(eq(caseEvents.caseId, late.id));
    expect(event!.payload).toMatchObject({ pausedMs: 40 * MIN, reason: "maintenance" });
  });
});
