import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { caseEvents, cases, notifications, procedureVersions } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { parseReference } from "~/domain/reference";
import { applyTransition, CaseConflictError, TransitionRefusedError, type CaseState } from "./case-transitions.server";
import { findOwnCase } from "./case-access.server";
import { expiredDraftIds, startOrResumeDraft } from "./drafts.server";

const DAY = 86_400_000;

describe("case transitions", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  async function awaitingCase() {
    const { db } = handle;
    const { office, agency } = await createSiteWithOffice(db, { regionCode: "maritime" });
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 10 });
    const { user } = await createCitizen(db);
    const submittedAt = new Date("2026-06-01T08:00:00Z");
    const row = await createCase(db, { procedure, versionId: version.id, applicantId: user.id, status: "awaiting_info", officeId: office.id, submittedAt });
    await db.update(cases).set({ statusChangedAt: new Date(submittedAt.getTime() + DAY) }).where(eq(cases.id, row.id));
    const state: CaseState = { id: row.id, status: "awaiting_info", version: 0, submittedAt, statusChangedAt: new Date(submittedAt.getTime() + DAY), pausedMs: 0, targetDelayDays: 10 };
    return { row, state, user, submittedAt };
  }

  it("answering a request for pieces writes status, paused time, due date, event and notification together", async () => {
    const { db } = handle;
    const { row, state, user, submittedAt } = await awaitingCase();
    const now = new Date(submittedAt.getTime() + 4 * DAY);
    const result = await db.transaction((tx) =>
      applyTransition(tx, state, {
        name: "answerInfo",
        actor: "citizen",
        actorId: user.id,
        message: "Voici la pièce",
        now,
        notifications: [{ userId: user.id, channel: "in_app", template: "case_info_answered_staff", locale: "fr", payload: { reference: row.reference } }],
      }),
    );
    expect(result).toMatchObject({ status: "in_review", version: 1, pausedMs: 3 * DAY });
    expect(result.dueAt!.getTime()).toBe(submittedAt.getTime() + 13 * DAY);
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id));
    expect(events).toMatchObject([{ type: "info_answered", fromStatus: "awaiting_info", toStatus: "in_review", actorId: user.id, payload: { pausedMs: 3 * DAY } }]);
    expect(await db.select().from(notifications).where(eq(notifications.userId, user.id))).toHaveLength(1);
  });

  it("a stale version loses: nothing is written, the caller learns the case changed", async () => {
    const { db } = handle;
    const { row, state, user } = await awaitingCase();
    await db.transaction((tx) => applyTransition(tx, state, { name: "withdraw", actor: "citizen", actorId: user.id }));
    await expect(
      db.transaction((tx) => applyTransition(tx, state, { name: "answerInfo", actor: "citizen", actorId: user.id, message: "Trop tard" })),
    ).rejects.toBeInstanceOf(CaseConflictError);
    const [after] = await db.select().from(cases).where(eq(cases.id, row.id));
    expect(after).toMatchObject({ status: "withdrawn", version: 1 });
    expect(await db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id))).toHaveLength(1);
  });

  it("the lifecycle guard refuses before anything is written", async () => {
    const { db } = handle;
    const { row, state, user } = await awaitingCase();
    await expect(db.transaction((tx) => applyTransition(tx, state, { name: "accept", actor: "citizen", actorId: user.id }))).rejects.toBeInstanceOf(TransitionRefusedError);
    await expect(db.transaction((tx) => applyTransition(tx, state, { name: "answerInfo", actor: "citizen", actorId: user.id, message: " " }))).rejects.toMatchObject({ error: "message_required" });
    const [after] = await db.select().from(cases).where(eq(cases.id, row.id));
    expect(after!.status).toBe("awaiting_info");
  });
});

describe("drafts", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("one draft per citizen and procedure, on the latest published form version, visible only to its owner", async () => {
    const { db } = handle;
    const { agency } = await createSiteWithOffice(db, { regionCode: "kara" });
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id });
    const { user } = await createCitizen(db, { regionCode: "kara" });
    const { user: other } = await createCitizen(db);
    const first = await startOrResumeDraft(db, { userId: user.id, procedureId: procedure.id });
    expect(first).toMatchObject({ resumed: false });
    expect(parseReference(first!.reference)).toBe(first!.reference);
    expect(await startOrResumeDraft(db, { userId: user.id, procedureId: procedure.id })).toEqual({ ...first, resumed: true });
    // Two "Commencer" at the same moment: the database keeps one draft (a unique partial index).
    const { procedure: other2 } = await createProcedure(db, { agencyId: agency.id });
    const both = await Promise.all([1, 2].map(() => startOrResumeDraft(db, { userId: user.id, procedureId: other2.id })));
    expect(both[0]!.reference).toBe(both[1]!.reference);

    const own = await findOwnCase(db, user.id, first!.reference.toLowerCase());
    expect(own).toMatchObject({ status: "draft", regionCode: "kara", formVersion: { id: version.id, version: 1 } });
    expect(await findOwnCase(db, other.id, first!.reference)).toBeNull();

    // A version 2 published later: the existing draft keeps version 1, a new citizen gets version 2.
    const [v2] = await db.insert(procedureVersions).values({ procedureId: procedure.id, version: 2, definition: version.definition, publishedAt: new Date() }).returning();
    expect((await findOwnCase(db, user.id, first!.reference))!.formVersion.id).toBe(version.id);
    const second = await startOrResumeDraft(db, { userId: other.id, procedureId: procedure.id });
    expect((await findOwnCase(db, other.id, second!.reference))!.formVersion.id).toBe(v2!.id);
  });

  it("drafts untouched for 30 days are due for deletion, submitted cases never", async () => {
    const { db } = handle;
    const { agency } = await createSiteWithOffice(db, { regionCode: "kara" });
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id });
    const { user } = await createCitizen(db);
    const { user: other } = await createCitizen(db);
    const now = new Date("2026-09-01T00:00:00Z");
    const old = await createCase(db, { procedure, versionId: version.id, applicantId: user.id, status: "draft" });
    const recent = await createCase(db, { procedure, versionId: version.id, applicantId: other.id, status: "draft" });
    const filed = await createCase(db, { procedure, versionId: version.id, applicantId: user.id, status: "submitted" });
    await db.update(cases).set({ updatedAt: new Date(now.getTime() - 31 * DAY) }).where(eq(cases.id, old.id));
    await db.update(cases).set({ updatedAt: new Date(now.getTime() - 29 * DAY) }).where(eq(cases.id, recent.id));
    await db.update(cases).set({ updatedAt: new Date(now.getTime() - 90 * DAY) }).where(eq(cases.id, filed.id));
    const due = await expiredDraftIds(db, now);
    expect(due).toContain(old.id);
    expect(due).not.toContain(recent.id);
    expect(due).not.toContain(filed.id);
  });
});
