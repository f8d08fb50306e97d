import { and, asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { caseEvents, cases, notifications } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { dispatchQueuedCases, rerouteStrandedCases } from "./dispatcher.server";
import { changeSiteLinkStatus } from "./link-status.server";

const MIN = 60_000;
const H = 60 * MIN;

describe("dispatcher", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("forwards queued cases oldest first once an office is reachable, with events and notifications", async () => {
    const { db } = handle;
    const { site, office, agency } = await createSiteWithOffice(db, { regionCode: "kara", linkStatus: "down" });
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 10 });
    const t0 = new Date("2026-05-04T08:00:00Z");
    const queued = [];
    // Filed in this order, created in reverse: the filing time decides.
    for (const i of [0, 1, 2]) {
      const { user } = await createCitizen(db);
      const filed = new Date(t0.getTime() + i * MIN);
      queued.push(
        await createCase(db, { procedure, versionId: version.id, applicantId: user.id, status: "queued", regionCode: "kara", submittedAt: filed, createdAt: new Date(t0.getTime() + (10 - i) * MIN) }),
      );
    }
    const { user: other } = await createCitizen(db);
    const elsewhere = await createCase(db, { procedure, versionId: version.id, applicantId: other.id, status: "queued", regionCode: "savanes", submittedAt: new Date(t0.getTime() - H) });

    expect(await dispatchQueuedCases(db, { now: new Date(t0.getTime() + H) })).toEqual({ forwarded: 0, stillQueued: 4 });

    const back = new Date(t0.getTime() + 2 * H);
    await db.transaction((tx) => changeSiteLinkStatus(tx, { siteId: site.id, to: "up", source: "probe", at: back }));
    const now = new Date(back.getTime() + 30_000);
    // The case nobody can take yet (oldest of all) does not hold back the others, batch after batch.
    expect(await dispatchQueuedCases(db, { now, limit: 2 })).toEqual({ forwarded: 3, stillQueued: 1 });
    expect(await dispatchQueuedCases(db, { now, limit: 2 })).toEqual({ forwarded: 0, stillQueued: 1 });

    const events = await db.select().from(caseEvents).where(eq(caseEvents.type, "forwarded")).orderBy(asc(caseEvents.id));
    expect(events.map((e) => e.caseId)).toEqual(queued.map((c) => c.id));
    expect(events[0]).toMatchObject({ fromStatus: "queued", toStatus: "submitted", payload: { officeId: office.id, reason: "least_loaded_up" } });

    const rows = await db.select().from(cases).where(inArray(cases.id, queued.map((c) => c.id)));
    for (const row of rows) {
      const original = queued.find((c) => c.id === row.id)!;
      expect(row).toMatchObject({ status: "submitted", officeId: office.id, routingReason: "least_loaded_up", version: 1, submittedAt: original.submittedAt });
      // The clock starts when the office receives it: the wait in the queue is paused time.
      expect(row.pausedMs).toBe(now.getTime() - original.submittedAt!.getTime());
      expect(row.dueAt!.getTime()).toBe(now.getTime() + 10 * 24 * H);
    }
    const [stillQueued] = await db.select().from(cases).where(eq(cases.id, elsewhere.id));
    expect(stillQueued!.status).toBe("queued");

    const sent = await db.select().from(notifications).where(and(eq(notifications.template, "case_forwarded"), eq(notifications.channel, "email")));
    expect(sent).toHaveLength(3);
    expect(sent.map((n) => n.payload.reference).sort()).toEqual(queued.map((c) => c.reference).sort());
  });

  it("re-routes unclaimed cases of an office down past the grace period, and only those", async () => {
    const { db } = handle;
    const { site, office, agency } = await createSiteWithOffice(db, { regionCode: "plateaux" });
    const { office: backup } = await createSiteWithOffice(db, { regionCode: "plateaux", agencyId: agency.id });
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 5 });
    const { user: agent } = await createStaff(db, { role: "agent", officeId: office.id });
    const { user } = await createCitizen(db);
    const t0 = new Date("2026-06-01T08:00:00Z");
    const base = { procedure, versionId: version.id, applicantId: user.id, officeId: office.id, regionCode: "plateaux" as const, submittedAt: new Date(t0.getTime() - H) };
    const unclaimed = await createCase(db, base);
    const claimed = await createCase(db, { ...base, assigneeId: agent.id });
    await db.transaction((tx) => changeSiteLinkStatus(tx, { siteId: site.id, to: "down", source: "probe", at: t0 }));

    const graceMs = 4 * H;
    expect(await rerouteStrandedCases(db, { now: new Date(t0.getTime() + 3 * H), graceMs })).toEqual({ rerouted: 0, stranded: 0 });
    const now = new Date(t0.getTime() + 5 * H);
    expect(await rerouteStrandedCases(db, { now, graceMs })).toEqual({ rerouted: 1, stranded: 0 });
    expect(await rerouteStrandedCases(db, { now, graceMs })).toEqual({ rerouted: 0, stranded: 0 });

    const [moved] = await db.select().from(cases).where(eq(cases.id, unclaimed.id));
    expect(moved).toMatchObject({ status: "submitted", officeId: backup.id, routingReason: "least_loaded_up", version: 1, pausedMs: 5 * H });
    expect(moved!.dueAt!.getTime()).toBe(unclaimed.dueAt!.getTime() + 5 * H);
    const [kept] = await db.select().from(cases).where(eq(cases.id, claimed.id));
    expect(kept!.officeId).toBe(office.id);
    const [event] = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, unclaimed.id), eq(caseEvents.type, "rerouted")));
    expect(event!.payload).toMatchObject({ fromOfficeId: office.id, officeId: backup.id, pausedMs: 5 * H });
    expect(await db.select().from(notifications).where(eq(notifications.template, "case_rerouted"))).not.toHaveLength(0);

    // When the old office comes back, the moved case is not credited twice.
    await db.transaction((tx) => changeSiteLinkStatus(tx, { siteId: site.id, to: "up", source: "probe", at: new Date(t0.getTime() + 6 * H) }));
    const [after] = await db.select().from(cases).where(eq(cases.id, unclaimed.id));
    expect(after!.pausedMs).toBe(5 * H);
    const [keptAfter] = await db.select().from(cases).where(eq(cases.id, claimed.id));
    expect(keptAfter!.pausedMs).toBe(6 * H);
  });
});
