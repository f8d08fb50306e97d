import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { caseEvents, cases, notifications } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { generateReference } from "~/domain/reference";
import { infoRequestJob, runInfoRequestSteps } from "./info-requests.server";
import { PERIODIC_JOBS } from "./periodic-jobs.server";
import { requestPieces } from "./staff-cases.server";

const DAY = 86_400_000;
const T0 = new Date("2026-06-01T08:00:00Z");

describe("automatic steps of a request for pieces", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  /** A case at an office, pieces asked for at T0 (expiry 30 days by default). */
  async function requested() {
    const { db } = handle;
    const { office, agency } = await createSiteWithOffice(db);
    const agent = (await createStaff(db, { role: "agent", officeId: office.id })).user;
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id });
    const { user: citizen } = await createCitizen(db);
    const row = await createCase(db, { procedure, versionId: version.id, applicantId: citizen.id, status: "in_review", officeId: office.id, submittedAt: new Date(T0.getTime() - 2 * DAY) });
    const reference = generateReference(2026, (n) => randomBytes(n));
    await db.update(cases).set({ reference, statusChangedAt: new Date(T0.getTime() - DAY), version: 1 }).where(eq(cases.id, row.id));
    const user = { id: agent.id, fullName: agent.fullName, email: agent.email, phone: agent.phone, locale: agent.locale, roles: ["agent" as const], officeRoles: [{ officeId: office.id, role: "agent" as const }] };
    expect(await requestPieces(db, { user, reference, expectedVersion: 1, message: "Acte illisible", checklist: ["Acte"], now: T0 })).toMatchObject({ ok: true });
    return { caseId: row.id, reference, citizen };
  }

  const eventTypes = async (caseId: string) =>
    (await handle.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id))).map((e) => e.type);
  const notices = (userId: string, template: string) =>
    handle.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.template, template), eq(notifications.channel, "in_app")));

  it("is registered with the periodic jobs", () => {
    expect(PERIODIC_JOBS).toContain(infoRequestJob);
  });

  it("reminds once 7 days before the deadline, then closes the case when it passes", async () => {
    const { db } = handle;
    const { caseId, reference, citizen } = await requested();

    // 22 days later: too early for a reminder.
    await runInfoRequestSteps(db, new Date(T0.getTime() + 22 * DAY));
    expect(await notices(citizen.id, "case_info_reminder")).toHaveLength(0);

    // 23 days later: 7 days left → one reminder, and only one however often the job runs.
    const remindAt = new Date(T0.getTime() + 23 * DAY + 60_000);
    await runInfoRequestSteps(db, remindAt);
    await runInfoRequestSteps(db, new Date(remindAt.getTime() + 60 * 60_000));
    await runInfoRequestSteps(db, new Date(T0.getTime() + 29 * DAY));
    const reminders = await notices(citizen.id, "case_info_reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.payload).toEqual({ reference, dueDate: "1 juillet 2026" });
    expect(await eventTypes(caseId)).toEqual(["info_requested", "info_reminder_sent"]);
    expect((await db.select().from(cases).where(eq(cases.id, caseId)))[0]).toMatchObject({ status: "awaiting_info" });

    // The deadline passes: closed without action, recorded and told.
    const expireAt = new Date(T0.getTime() + 30 * DAY + 1);
    expect(await runInfoRequestSteps(db, expireAt)).toMatchObject({ expired: 1 });
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ status: "closed", infoDueAt: null });
    expect(row!.decidedAt?.getTime()).toBe(expireAt.getTime());
    expect(await eventTypes(caseId)).toEqual(["info_requested", "info_reminder_sent", "info_request_expired"]);
    const closed = await notices(citizen.id, "case_status_changed");
    expect(closed.map((n) => n.payload)).toEqual([{ reference, status: "Classé sans suite" }]);
    expect(await runInfoRequestSteps(db, new Date(expireAt.getTime() + DAY))).toEqual({ reminded: 0, expired: 0 });
  });

  it("a second request for pieces gets its own reminder", async () => {
    const { db } = handle;
    const { caseId, citizen } = await requested();
    await runInfoRequestSteps(db, new Date(T0.getTime() + 24 * DAY));
    // The citizen answers, the office asks again.
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    const later = new Date(T0.getTime() + 25 * DAY);
    await db.update(cases).set({ status: "awaiting_info", statusChangedAt: later, infoDueAt: new Date(later.getTime() + 30 * DAY), version: row!.version + 2 }).where(eq(cases.id, caseId));
    await runInfoRequestSteps(db, new Date(later.getTime() + 24 * DAY));
    expect(await notices(citizen.id, "case_info_reminder")).toHaveLength(2);
  });

  it("leaves a case alone once the citizen has answered", async () => {
    const { db } = handle;
    const { caseId } = await requested();
    await db.update(cases).set({ status: "in_review" }).where(eq(cases.id, caseId));
    expect(await runInfoRequestSteps(db, new Date(T0.getTime() + 31 * DAY))).toEqual({ reminded: 0, expired: 0 });
  });
});
