import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { attachments, caseEvents, cases, messages, notifications } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { CaseStatus } from "~/domain/constants";
import { generateReference } from "~/domain/reference";
import { answerInfoRequest, CaseConflictError, postCitizenMessage, withdrawCase } from "./case-messages.server";
import { listMyCases, loadCasePage } from "./citizen-cases.server";
import { devDecide, devRequestInfo } from "./dev-case-tools.server";
import { countUnread, listInAppNotifications, markAllRead } from "./notification-center.server";
import { getProfile, updateProfile } from "./profile.server";
import type { StoredFile } from "./uploads.server";

const DAY = 86_400_000;

function storedFile(name = "acte.pdf"): StoredFile {
  return { field: "piece1", filename: name, mimeType: "application/pdf", sizeBytes: 1234, sha256: "ab".repeat(32), storageKey: `test/${randomBytes(8).toString("hex")}` };
}

describe("citizen actions on a case", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  async function caseIn(status: CaseStatus, options: { withAgent?: boolean } = {}) {
    const { db } = handle;
    const { office, agency } = await createSiteWithOffice(db, { regionCode: "maritime" });
    const agent = options.withAgent === false ? null : (await createStaff(db, { role: "agent", officeId: office.id })).user;
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 10 });
    const { user } = await createCitizen(db);
    const submittedAt = new Date("2026-06-01T08:00:00Z");
    const row = await createCase(db, { procedure, versionId: version.id, applicantId: user.id, status, officeId: office.id, submittedAt });
    const reference = generateReference(2026, (n) => randomBytes(n));
    await db
      .update(cases)
      .set({ reference, statusChangedAt: new Date(submittedAt.getTime() + DAY), version: 3 })
      .where(eq(cases.id, row.id));
    return { caseId: row.id, reference, user, agent, office, submittedAt };
  }

  it("answering a request for pieces sends the case back with its message, files, event and staff notices at once", async () => {
    const { db } = handle;
    const { caseId, reference, user, agent, submittedAt } = await caseIn("awaiting_info");
    await db.insert(caseEvents).values({ caseId, type: "info_requested", fromStatus: "in_review", toStatus: "awaiting_info", payload: { message: "Copie illisible", checklist: ["Acte de naissance"] } });
    const now = new Date(submittedAt.getTime() + 4 * DAY);
    const result = await answerInfoRequest(db, { userId: user.id, reference, body: "Voici la copie nette.", files: [storedFile()], expectedVersion: 3, now });
    expect(result).toEqual({ ok: true, reference });

    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ status: "in_review", version: 4, pausedMs: 3 * DAY });
    expect(row!.dueAt!.getTime()).toBe(submittedAt.getTime() + 13 * DAY);
    const [message] = await db.select().from(messages).where(eq(messages.caseId, caseId));
    expect(message).toMatchObject({ authorId: user.id, body: "Voici la copie nette.", fromOffice: null });
    const files = await db.select().from(attachments).where(eq(attachments.messageId, message!.id));
    expect(files.map((f) => f.filename)).toEqual(["acte.pdf"]);
    const [event] = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, "info_answered")));
    expect(event).toMatchObject({ fromStatus: "awaiting_info", toStatus: "in_review", actorId: user.id, payload: { messageId: message!.id, pausedMs: 3 * DAY } });
    const notices = await db.select().from(notifications).where(eq(notifications.userId, agent!.id));
    expect(notices.map((n) => [n.template, n.channel]).sort()).toEqual([
      ["case_info_answered_staff", "email"],
      ["case_info_answered_staff", "in_app"],
    ]);

    const page = await loadCasePage(db, { id: caseId, status: "in_review" });
    expect(page.messages).toMatchObject([{ body: "Voici la copie nette.", fromOffice: false, attachments: [{ filename: "acte.pdf" }] }]);
    expect(page.infoRequest).toBeNull();
  });

  it("a stale page (expected version) writes nothing and says so", async () => {
    const { db } = handle;
    const { caseId, reference, user } = await caseIn("awaiting_info");
    await expect(answerInfoRequest(db, { userId: user.id, reference, body: "Réponse", files: [storedFile()], expectedVersion: 2 })).rejects.toBeInstanceOf(CaseConflictError);
    await expect(withdrawCase(db, { userId: user.id, reference, expectedVersion: 99 })).rejects.toBeInstanceOf(CaseConflictError);
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ status: "awaiting_info", version: 3 });
    expect(await db.select().from(messages).where(eq(messages.caseId, caseId))).toEqual([]);
    expect(await db.select().from(attachments).where(eq(attachments.caseId, caseId))).toEqual([]);
    expect(await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).toEqual([]);
  });

  it("withdrawing works only before a decision, and tells the office", async () => {
    const { db } = handle;
    const open = await caseIn("in_review");
    expect(await withdrawCase(db, { userId: open.user.id, reference: open.reference, expectedVersion: 3 })).toEqual({ ok: true, reference: open.reference });
    const [row] = await db.select().from(cases).where(eq(cases.id, open.caseId));
    expect(row!.status).toBe("withdrawn");
    const notices = await db.select().from(notifications).where(eq(notifications.userId, open.agent!.id));
    expect(notices.map((n) => n.template)).toContain("case_withdrawn_staff");

    const decided = await caseIn("accepted");
    expect(await withdrawCase(db, { userId: decided.user.id, reference: decided.reference, expectedVersion: 3 })).toEqual({ ok: false, error: "not_allowed" });
    const [still] = await db.select().from(cases).where(eq(cases.id, decided.caseId));
    expect(still!.status).toBe("accepted");
  });

  it("another citizen's reference is simply not found", async () => {
    const { db } = handle;
    const { caseId, reference } = await caseIn("awaiting_info");
    const { user: other } = await createCitizen(db);
    expect(await answerInfoRequest(db, { userId: other.id, reference, body: "x", expectedVersion: 3 })).toEqual({ ok: false, error: "not_found" });
    expect(await postCitizenMessage(db, { userId: other.id, reference, body: "x" })).toEqual({ ok: false, error: "not_found" });
    expect(await withdrawCase(db, { userId: other.id, reference, expectedVersion: 3 })).toEqual({ ok: false, error: "not_found" });
    expect(await db.select().from(messages).where(eq(messages.caseId, caseId))).toEqual([]);
  });

  it("a message to the office notifies its staff; an empty one or one on a withdrawn case is refused", async () => {
    const { db } = handle;
    const { caseId, reference, user, agent } = await caseIn("submitted");
    expect(await postCitizenMessage(db, { userId: user.id, reference, body: "   " })).toEqual({ ok: false, error: "body_required" });
    expect(await postCitizenMessage(db, { userId: user.id, reference, body: "Bonjour, une question.", files: [storedFile("note.pdf")] })).toEqual({ ok: true, reference });
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(row!.version).toBe(3); // a message is not a transition
    const notices = await db.select().from(notifications).where(and(eq(notifications.userId, agent!.id), eq(notifications.template, "case_message_staff")));
    expect(notices).toHaveLength(2);

    await db.update(cases).set({ status: "withdrawn" }).where(eq(cases.id, caseId));
    expect(await postCitizenMessage(db, { userId: user.id, reference, body: "Encore" })).toEqual({ ok: false, error: "not_allowed" });
  });

  it("lists the citizen's cases by kind and reads his notifications", async () => {
    const { db } = handle;
    const { user, reference } = await caseIn("awaiting_info", { withAgent: false });
    const lists = await listMyCases(db, user.id);
    expect(lists.inProgress.map((c) => c.reference)).toEqual([reference]);
    expect(lists.drafts).toEqual([]);
    expect(lists.finished).toEqual([]);

    await db.insert(notifications).values({ userId: user.id, channel: "in_app", template: "case_message", locale: "fr", payload: { reference }, status: "sent" });
    expect(await countUnread(db, user.id)).toBe(1);
    const items = await listInAppNotifications(db, user.id, "en");
    expect(items).toMatchObject([{ title: `New message about your case ${reference}`, href: `/mon-espace/dossiers/${reference}`, unread: true }]);
    expect(items[0]!.body).not.toContain("Togo's e-services portal");
    expect(items[0]!.body).toMatch(/^The office handling your case/);
    await markAllRead(db, user.id);
    expect(await countUnread(db, user.id)).toBe(0);
  });

  it("the development tool takes a submitted case and asks for pieces as the office's agent, then decides", async () => {
    const { db } = handle;
    const { caseId, reference, user, agent, submittedAt } = await caseIn("submitted");
    const now = new Date(submittedAt.getTime() + DAY);
    expect(await devRequestInfo(db, { reference, message: "Copie illisible", checklist: ["Acte lisible"], now })).toEqual({ ok: true });
    const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(row).toMatchObject({ status: "awaiting_info", assigneeId: agent!.id, version: 5 });
    expect(row!.infoDueAt!.getTime()).toBe(now.getTime() + 30 * DAY);
    const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
    expect(events.map((e) => e.type).sort()).toEqual(["info_requested", "taken"]);
    const page = await loadCasePage(db, { id: caseId, status: "awaiting_info" });
    expect(page.infoRequest).toEqual({ message: "Copie illisible", checklist: ["Acte lisible"] });
    const notices = await db.select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.template, "case_info_requested")));
    expect(notices.map((n) => n.channel).sort()).toEqual(["email", "in_app"]);

    expect(await devDecide(db, { reference, decision: "reject", reason: "Hors délai", statusLabel: (s) => s })).toEqual({ ok: false, error: "wrong_status" });
    await answerInfoRequest(db, { userId: user.id, reference, body: "Voici", expectedVersion: 5 });
    expect(await devDecide(db, { reference, decision: "reject", reason: "Acte introuvable", statusLabel: (s, l) => `${s}:${l}` })).toEqual({ ok: true });
    const decided = await loadCasePage(db, { id: caseId, status: "rejected" });
    expect(decided.decision).toEqual({ type: "rejected", reason: "Acte introuvable" });
    const [notice] = await db.select().from(notifications).where(and(eq(notifications.userId, user.id), eq(notifications.template, "case_status_changed"), eq(notifications.channel, "in_app")));
    expect(notice!.payload).toEqual({ reference, status: "rejected:fr" });
  });

  it("saves the profile", async () => {
    const { db } = handle;
    const { user } = await createCitizen(db, { phone: `+2289${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}` });
    await updateProfile(db, user.id, { fullName: "Akouvi Mensah", regionCode: "kara", locale: "en", notifyByEmail: true, notifyBySms: false });
    expect(await getProfile(db, user.id)).toMatchObject({ fullName: "Akouvi Mensah", regionCode: "kara", locale: "en", notifyByEmail: true, notifyBySms: false });
  });
});
