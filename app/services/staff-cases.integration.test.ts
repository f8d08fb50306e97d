import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { text } from "node:stream/consumers";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { attachments, auditLog, caseEvents, cases, issuedDocuments, messages, notes, notifications, procedures } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase, testDriver } from "../../db/testing";
import type { CaseStatus, Role } from "~/domain/constants";
import { generateReference } from "~/domain/reference";
import type { SessionUser } from "~/domain/user";
import { ISSUED_FIELD, verifyDocument } from "./issued-documents.server";
import {
  acceptCase,
  addNote,
  assignCase,
  bulkAssign,
  CaseConflictError,
  closeCase,
  deliverCase,
  findStaffCase,
  markReady,
  officeColleagues,
  postOfficeMessage,
  refuseCase,
  reopenCase,
  requestPieces,
  takeCase,
  transferCase,
  transferTargets,
} from "./staff-cases.server";
import { getFileStorage, LocalFileStorage, setFileStorage } from "./storage";

const DAY = 86_400_000;
const T0 = new Date("2026-06-01T08:00:00Z");

type User = Awaited<ReturnType<typeof createCitizen>>["user"];

function session(user: User, officeRoles: SessionUser["officeRoles"], roles?: Role[]): SessionUser {
  return {
    id: user.id,
    fullName: user.fullName,
    email: user.email,
    phone: user.phone,
    locale: user.locale,
    roles: roles ?? (officeRoles.length ? [...new Set(officeRoles.map((r) => r.role))] : ["citizen"]),
    officeRoles,
  };
}

describe("staff case actions", () => {
  let handle: DatabaseHandle;
  const storageRoot = mkdtempSync(join(tmpdir(), "guichet-staff-"));
  beforeAll(async () => {
    handle = await createTestDatabase();
    setFileStorage(new LocalFileStorage(storageRoot));
  });
  /** Files in the test storage (only issued documents are stored in this file's tests). */
  const storedFiles = () => readdirSync(storageRoot, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  afterAll(async () => handle.close());

  /** An office with an agent and a supervisor, a procedure and one case of a citizen in `status`. */
  async function setup(status: CaseStatus = "submitted", options: { delivery?: "pickup" | "electronic"; onBehalfOf?: { fullName: string; relationship: string } } = {}) {
    const { db } = handle;
    const { office, agency } = await createSiteWithOffice(db, { regionCode: "maritime" });
    const agentRow = (await createStaff(db, { role: "agent", officeId: office.id, overrides: { fullName: "Kossi Agbeko" } })).user;
    const chefRow = (await createStaff(db, { role: "supervisor", officeId: office.id })).user;
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 10 });
    if (options.delivery === "pickup") await db.update(procedures).set({ delivery: "pickup" }).where(eq(procedures.id, procedure.id));
    const { user: citizen } = await createCitizen(db, { fullName: "Akouvi Ablavi Mensah", phone: `+2289${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}` });
    const row = await createCase(db, { procedure, versionId: version.id, applicantId: citizen.id, status, officeId: office.id, submittedAt: T0 });
    const reference = generateReference(2026, (n) => randomBytes(n));
    await db
      .update(cases)
      .set({ reference, statusChangedAt: T0, version: 1, onBehalfOf: (options.onBehalfOf as never) ?? null })
      .where(eq(cases.id, row.id));
    return {
      caseId: row.id,
      reference,
      office,
      agency,
      citizen,
      agent: session(agentRow, [{ officeId: office.id, role: "agent" }]),
      chef: session(chefRow, [{ officeId: office.id, role: "supervisor" }]),
    };
  }

  const load = async (caseId: string) => (await handle.db.select().from(cases).where(eq(cases.id, caseId)))[0]!;
  const eventsOf = (caseId: string) => handle.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id));
  const auditOf = (reference: string) => handle.db.select().from(auditLog).where(eq(auditLog.targetId, reference)).orderBy(asc(auditLog.id));
  const noticesOf = (userId: string, template: string) =>
    handle.db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.template, template)));

  it("take: submitted → in_review, assigned to the agent, audited", async () => {
    const { db } = handle;
    const s = await setup();
    const now = new Date(T0.getTime() + DAY);
    expect(await takeCase(db, { user: s.agent, reference: s.reference, expectedVersion: 1, now })).toEqual({ ok: true, reference: s.reference });
    expect(await load(s.caseId)).toMatchObject({ status: "in_review", assigneeId: s.agent.id, version: 2 });
    expect((await eventsOf(s.caseId)).map((e) => [e.type, e.actorId])).toEqual([["taken", s.agent.id]]);
    expect((await auditOf(s.reference)).map((a) => a.action)).toEqual(["case.take"]);
    // A stale page: the version has moved on.
    await expect(takeCase(db, { user: s.agent, reference: s.reference, expectedVersion: 1 })).rejects.toBeInstanceOf(CaseConflictError);
    expect(await takeCase(db, { user: s.agent, reference: s.reference, expectedVersion: 2 })).toEqual({ ok: false, error: "wrong_status" });
  });

  it("findStaffCase: the case with its people and the user's role; null outside the user's offices", async () => {
    const { db } = handle;
    const s = await setup("submitted", { onBehalfOf: { fullName: "Yao Mensah", relationship: "child" } });
    const found = await findStaffCase(db, s.chef, s.reference.toLowerCase());
    expect(found).toMatchObject({ reference: s.reference, role: "supervisor", applicant: { fullName: "Akouvi Ablavi Mensah" }, onBehalfOf: { fullName: "Yao Mensah" }, office: { id: s.office.id, linkStatus: "up" }, assignee: null });
    expect(found!.formVersion.definition).toBeTruthy();
    const other = await setup();
    expect(await findStaffCase(db, other.agent, s.reference)).toBeNull();
    expect((await officeColleagues(db, s.office.id)).map((c) => c.id).sort()).toEqual([s.agent.id, s.chef.id].sort());
  });

  it("assign: supervisor only, to a colleague of the office; takes a submitted case; reassigns an open one", async () => {
    const { db } = handle;
    const s = await setup();
    const outsider = await setup();
    expect(await assignCase(db, { user: s.agent, reference: s.reference, expectedVersion: 1, assigneeId: s.agent.id })).toEqual({ ok: false, error: "not_allowed" });
    expect(await assignCase(db, { user: s.chef, reference: s.reference, expectedVersion: 1, assigneeId: outsider.agent.id })).toEqual({ ok: false, error: "invalid" });
    expect(await assignCase(db, { user: s.chef, reference: s.reference, expectedVersion: 1, assigneeId: s.agent.id })).toEqual({ ok: true, reference: s.reference });
    expect(await load(s.caseId)).toMatchObject({ status: "in_review", assigneeId: s.agent.id, version: 2 });
    expect(await noticesOf(s.agent.id, "case_assigned_staff")).toHaveLength(1);
    expect(await assignCase(db, { user: s.chef, reference: s.reference, expectedVersion: 2, assigneeId: s.chef.id })).toEqual({ ok: true, reference: s.reference });
    expect(await load(s.caseId)).toMatchObject({ status: "in_review", assigneeId: s.chef.id, version: 3 });
    const audits = await auditOf(s.reference);
    expect(audits.map((a) => [a.action, a.actorId])).toEqual([["case.assign", s.chef.id], ["case.assign", s.chef.id]]);
    expect(audits[1]!.details).toMatchObject({ from: s.agent.id, to: s.chef.id });
  });

  it("bulk: take several for me, report those out of scope and stale", async () => {
    const { db } = handle;
    const s = await setup();
    const first = await load(s.caseId);
    const created = await createCase(db, { procedure: { id: first.procedureId, targetDelayDays: 10 }, versionId: first.procedureVersionId, applicantId: s.citizen.id, officeId: s.office.id });
    const [second] = await db.update(cases).set({ reference: generateReference(2026, (n) => randomBytes(n)) }).where(eq(cases.id, created.id)).returning();
    const other = await setup();
    const result = await bulkAssign(db, { user: s.agent, references: [s.reference, second!.reference, other.reference], assigneeId: "me" });
    expect(result.done.sort()).toEqual([s.reference, second!.reference].sort());
    expect(result.failed).toEqual([{ reference: other.reference, error: "not_found" }]);
    expect((await load(second!.id)).assigneeId).toBe(s.agent.id);
    // A supervisor hands them over.
    const handed = await bulkAssign(db, { user: s.chef, references: [s.reference], assigneeId: s.chef.id });
    expect(handed).toEqual({ done: [s.reference], failed: [] });
    // A supervisor takes over an open case with "me".
    expect(await bulkAssign(db, { user: s.chef, references: [second!.reference], assigneeId: "me" })).toEqual({ done: [second!.reference], failed: [] });
    expect((await load(second!.id)).assigneeId).toBe(s.chef.id);
    // An agent cannot hand a case to someone else.
    expect(await bulkAssign(db, { user: s.agent, references: [s.reference], assigneeId: s.chef.id })).toEqual({ done: [], failed: [{ reference: s.reference, error: "not_allowed" }] });
  });

  it("request pieces: message + checklist in the event, office message, infoDueAt, citizen notified", async () => {
    const { db } = handle;
    const s = await setup("in_review");
    const now = new Date(T0.getTime() + 2 * DAY);
    expect(await requestPieces(db, { user: s.agent, reference: s.reference, expectedVersion: 1, message: "  ", checklist: [], now })).toEqual({ ok: false, error: "message_required" });
    expect(
      await requestPieces(db, { user: s.agent, reference: s.reference, expectedVersion: 1, message: "Copie illisible.", checklist: ["Acte de naissance", " "], now, baseUrl: "https://guichet.test" }),
    ).toEqual({ ok: true, reference: s.reference });
    const row = await load(s.caseId);
    expect(row).toMatchObject({ status: "awaiting_info", version: 2 });
    expect(row.infoDueAt!.getTime()).toBe(now.getTime() + 30 * DAY);
    const [event] = await eventsOf(s.caseId);
    expect(event).toMatchObject({ type: "info_requested", payload: { message: "Copie illisible.", checklist: ["Acte de naissance"] } });
    // The request lives in its event (the citizen's request box, both timelines), not repeated in the thread.
    expect(await db.select().from(messages).where(eq(messages.caseId, s.caseId))).toEqual([]);
    const notices = await noticesOf(s.citizen.id, "case_info_requested");
    expect(notices.map((n) => n.channel).sort()).toEqual(["email", "in_app", "sms"]);
    expect(notices[0]!.payload).toMatchObject({ reference: s.reference, message: "Copie illisible.", url: `https://guichet.test/mon-espace/dossiers/${s.reference}` });
  });

  it("accept (electronic): decided, PDF issued with a verification code, attachment owned by the citizen, audited", async () => {
    const { db } = handle;
    const s = await setup("in_review", { onBehalfOf: { fullName: "Yao Kodjo Mensah", relationship: "child" } });
    const now = new Date(T0.getTime() + 3 * DAY);
    expect(await acceptCase(db, { user: s.agent, reference: s.reference, expectedVersion: 1, now, baseUrl: "https://guichet.test" })).toEqual({ ok: true, reference: s.reference });
    const row = await load(s.caseId);
    expect(row).toMatchObject({ status: "accepted", version: 2 });
    expect(row.decidedAt?.getTime()).toBe(now.getTime());
    const [doc] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, s.caseId));
    expect(doc).toMatchObject({ officeId: s.office.id, holderInitials: "Y. K. M.", revokedAt: null });
    expect(doc!.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const [file] = await db.select().from(attachments).where(eq(attachments.id, doc!.attachmentId));
    expect(file).toMatchObject({ ownerId: s.citizen.id, caseId: s.caseId, fieldName: ISSUED_FIELD, mimeType: "application/pdf", messageId: null });
    const stream = await getFileStorage().get(file!.storageKey);
    const bytes = await text(stream!);
    expect(bytes.startsWith("%PDF-")).toBe(true);
    const [event] = await eventsOf(s.caseId);
    expect(event).toMatchObject({ type: "accepted", payload: { documentCode: doc!.code, delivery: "electronic" } });
    expect((await noticesOf(s.citizen.id, "case_status_changed")).map((n) => n.payload)).toContainEqual({ reference: s.reference, status: "Accepté" });
    expect(await noticesOf(s.citizen.id, "case_document_issued")).toHaveLength(3);
    const [entry] = await auditOf(s.reference);
    expect(entry).toMatchObject({ action: "case.accept", actorId: s.agent.id, targetType: "case", details: { from: "in_review", to: "accepted", documentCode: doc!.code } });

    // The public check shows initials only.
    const verified = await verifyDocument(db, doc!.code.toLowerCase().replace("-", " "));
    expect(verified).toMatchObject({ code: doc!.code, valid: true, holderInitials: "Y. K. M.", officeName: s.office.name });
    expect(JSON.stringify(verified)).not.toContain("Mensah");
    expect(await verifyDocument(db, "ZZZZZ-ZZZZZ")).toBeNull();
    expect(await verifyDocument(db, "nonsense")).toBeNull();
    await db.update(issuedDocuments).set({ revokedAt: now }).where(eq(issuedDocuments.id, doc!.id));
    expect(await verifyDocument(db, doc!.code)).toMatchObject({ valid: false });
  });

  it("accept that loses the race leaves no document and no stored file", async () => {
    const { db } = handle;
    const s = await setup("in_review");
    await db.update(cases).set({ version: 7 }).where(eq(cases.id, s.caseId));
    await expect(acceptCase(db, { user: s.agent, reference: s.reference, expectedVersion: 1 })).rejects.toBeInstanceOf(CaseConflictError);
    expect(await db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, s.caseId))).toEqual([]);
    expect(await db.select().from(attachments).where(eq(attachments.caseId, s.caseId))).toEqual([]);
  });

  it("pickup: accept → ready with instructions → delivered with the identity check recorded", async () => {
    const { db } = handle;
    const s = await setup("in_review", { delivery: "pickup" });
    expect(await acceptCase(db, { user: s.agent, reference: s.reference, expectedVersion: 1 })).toEqual({ ok: true, reference: s.reference });
    expect(await db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, s.caseId))).toEqual([]);
    expect(await markReady(db, { user: s.agent, reference: s.reference, expectedVersion: 2, instructions: "" })).toEqual({ ok: false, error: "message_required" });
    expect(await markReady(db, { user: s.agent, reference: s.reference, expectedVersion: 2, instructions: "Guichet 3, de 8 h à 15 h." })).toEqual({ ok: true, reference: s.reference });
    expect(await noticesOf(s.citizen.id, "case_ready")).toHaveLength(3);
    expect(await deliverCase(db, { user: s.agent, reference: s.reference, expectedVersion: 3, identityCheck: " " })).toEqual({ ok: false, error: "reason_required" });
    expect(await deliverCase(db, { user: s.agent, reference: s.reference, expectedVersion: 3, identityCheck: "CNI n° 0123456 vérifiée" })).toEqual({ ok: true, reference: s.reference });
    expect(await load(s.caseId)).toMatchObject({ status: "delivered", version: 4 });
    const events = await eventsOf(s.caseId);
    expect(events.map((e) => e.type)).toEqual(["accepted", "ready", "delivered"]);
    expect(events[1]!.payload).toMatchObject({ instructions: "Guichet 3, de 8 h à 15 h." });
    expect(events[2]!.payload).toMatchObject({ identityCheck: "CNI n° 0123456 vérifiée" });
    expect((await auditOf(s.reference)).map((a) => a.action)).toEqual(["case.accept", "case.ready", "case.deliver"]);
  });

  it("refuse and close need a listed reason code and a text; the reason reaches the event and the audit", async () => {
    const { db } = handle;
    const s = await setup("in_review");
    const base = { user: s.agent, reference: s.reference, expectedVersion: 1 };
    expect(await refuseCase(db, { ...base, reasonCode: "not_eligible", reasonText: "" })).toEqual({ ok: false, error: "reason_required" });
    expect(await refuseCase(db, { ...base, reasonCode: "made_up", reasonText: "Motif" })).toEqual({ ok: false, error: "invalid" });
    expect(await refuseCase(db, { ...base, reasonCode: "not_eligible", reasonText: "Né hors du ressort." })).toEqual({ ok: true, reference: s.reference });
    const row = await load(s.caseId);
    expect(row.status).toBe("rejected");
    expect(row.decidedAt).not.toBeNull();
    const [event] = await eventsOf(s.caseId);
    expect(event).toMatchObject({ type: "rejected", payload: { reason: "Né hors du ressort.", reasonCode: "not_eligible" } });
    expect(await auditOf(s.reference)).toMatchObject([{ action: "case.refuse", details: { from: "in_review", to: "rejected", reasonCode: "not_eligible", reason: "Né hors du ressort." } }]);

    const c = await setup("awaiting_info");
    expect(await closeCase(db, { user: c.agent, reference: c.reference, expectedVersion: 1, reasonCode: "duplicate", reasonText: "Doublon de TG-2026-XXXX." })).toEqual({ ok: true, reference: c.reference });
    expect(await load(c.caseId)).toMatchObject({ status: "closed", infoDueAt: null });
    expect((await auditOf(c.reference))[0]!.action).toBe("case.close");
  });

  it("transfer: to another office, assignee reset, history kept, both sides told; the old office loses it", async () => {
    const { db } = handle;
    const s = await setup("submitted");
    await takeCase(db, { user: s.agent, reference: s.reference, expectedVersion: 1 });
    const target = await createSiteWithOffice(db, { regionCode: "kara" });
    const targetAgent = (await createStaff(db, { role: "agent", officeId: target.office.id })).user;
    const closed = await createSiteWithOffice(db, { acceptsOnline: false });
    const targets = await transferTargets(db, s.office.id);
    expect(targets.map((t) => t.id)).toContain(target.office.id);
    expect(targets.map((t) => t.id)).not.toContain(s.office.id);
    expect(targets.map((t) => t.id)).not.toContain(closed.office.id);
    const base = { user: s.agent, reference: s.reference, expectedVersion: 2 };
    expect(await transferCase(db, { ...base, toOfficeId: target.office.id, reason: "" })).toEqual({ ok: false, error: "reason_required" });
    expect(await transferCase(db, { ...base, toOfficeId: closed.office.id, reason: "Né à Kara" })).toEqual({ ok: false, error: "invalid" });
    expect(await transferCase(db, { ...base, toOfficeId: target.office.id, reason: "Né à Kara" })).toEqual({ ok: true, reference: s.reference });
    expect(await load(s.caseId)).toMatchObject({ status: "submitted", officeId: target.office.id, assigneeId: null });
    const events = await eventsOf(s.caseId);
    expect(events.map((e) => e.type)).toEqual(["taken", "transferred"]);
    expect(events[1]!.payload).toMatchObject({ reason: "Né à Kara", fromOfficeId: s.office.id, toOfficeId: target.office.id, officeName: target.office.name });
    expect(await noticesOf(s.citizen.id, "case_transferred")).toHaveLength(3);
    const staffNotices = await noticesOf(targetAgent.id, "case_transferred_staff");
    expect(staffNotices.length).toBeGreaterThan(0);
    expect(staffNotices[0]!.payload).toMatchObject({ reference: s.reference, reason: "Né à Kara" });
    expect((await auditOf(s.reference)).at(-1)).toMatchObject({ action: "case.transfer", details: { from: s.office.id, to: target.office.id, reason: "Né à Kara" } });
    expect(await findStaffCase(db, s.agent, s.reference)).toBeNull();
    expect(await findStaffCase(db, session(targetAgent, [{ officeId: target.office.id, role: "agent" }]), s.reference)).not.toBeNull();
  });

  it("reopen: supervisor only, with a reason; decision cleared", async () => {
    const { db } = handle;
    const s = await setup("rejected");
    await db.update(cases).set({ decidedAt: T0 }).where(eq(cases.id, s.caseId));
    expect(await reopenCase(db, { user: s.agent, reference: s.reference, expectedVersion: 1, reason: "Erreur" })).toEqual({ ok: false, error: "not_allowed" });
    expect(await reopenCase(db, { user: s.chef, reference: s.reference, expectedVersion: 1, reason: "" })).toEqual({ ok: false, error: "reason_required" });
    expect(await reopenCase(db, { user: s.chef, reference: s.reference, expectedVersion: 1, reason: "Pièce retrouvée." })).toEqual({ ok: true, reference: s.reference });
    expect(await load(s.caseId)).toMatchObject({ status: "in_review", decidedAt: null });
    expect(await auditOf(s.reference)).toMatchObject([{ action: "case.reopen", actorId: s.chef.id, details: { from: "rejected", to: "in_review", reason: "Pièce retrouvée." } }]);
  });

  it("messages and notes: the office writes to the citizen (notified); notes stay private", async () => {
    const { db } = handle;
    const s = await setup("in_review");
    expect(await postOfficeMessage(db, { user: s.agent, reference: s.reference, body: " ", files: [] })).toEqual({ ok: false, error: "message_required" });
    expect(await postOfficeMessage(db, { user: s.agent, reference: s.reference, body: "Bonjour, votre dossier avance.", files: [] })).toEqual({ ok: true, reference: s.reference });
    const [message] = await db.select().from(messages).where(eq(messages.caseId, s.caseId));
    expect(message).toMatchObject({ fromOffice: s.office.id, authorId: s.agent.id });
    expect(await noticesOf(s.citizen.id, "case_message")).toHaveLength(3);
    expect(await addNote(db, { user: s.agent, reference: s.reference, body: "Appeler le greffe." })).toEqual({ ok: true, reference: s.reference });
    expect(await db.select().from(notes).where(eq(notes.caseId, s.caseId))).toMatchObject([{ body: "Appeler le greffe.", authorId: s.agent.id }]);
  });

  it("scope: another office's agent, and users without office roles, get not_found; nothing written", async () => {
    const { db } = handle;
    const s = await setup("in_review");
    const other = await setup();
    const { user: citizenRow } = await createCitizen(db);
    const operator = (await createStaff(db, { role: "operator" })).user;
    const admin = (await createStaff(db, { role: "admin" })).user;
    const outsiders = [other.agent, other.chef, session(citizenRow, []), session(operator, [], ["operator"]), session(admin, [], ["admin"]), session(s.citizen, [])];
    for (const user of outsiders) {
      const base = { user, reference: s.reference, expectedVersion: 1 };
      expect(await findStaffCase(db, user, s.reference)).toBeNull();
      expect(await acceptCase(db, base)).toEqual({ ok: false, error: "not_found" });
      expect(await refuseCase(db, { ...base, reasonCode: "other", reasonText: "x" })).toEqual({ ok: false, error: "not_found" });
      expect(await requestPieces(db, { ...base, message: "x", checklist: [] })).toEqual({ ok: false, error: "not_found" });
      expect(await transferCase(db, { ...base, toOfficeId: other.office.id, reason: "x" })).toEqual({ ok: false, error: "not_found" });
      expect(await addNote(db, { user, reference: s.reference, body: "x" })).toEqual({ ok: false, error: "not_found" });
      expect(await postOfficeMessage(db, { user, reference: s.reference, body: "x", files: [] })).toEqual({ ok: false, error: "not_found" });
    }
    expect(await load(s.caseId)).toMatchObject({ status: "in_review", version: 1 });
    expect(await eventsOf(s.caseId)).toEqual([]);
  });

  it(`two decisions at once: exactly one wins, the other gets CaseConflictError, one decision event (${testDriver})`, async () => {
    const { db } = handle;
    for (let round = 0; round < 3; round++) {
      const s = await setup("in_review");
      const results = await Promise.allSettled([
        acceptCase(db, { user: s.agent, reference: s.reference, expectedVersion: 1 }),
        refuseCase(db, { user: s.chef, reference: s.reference, expectedVersion: 1, reasonCode: "not_eligible", reasonText: "Hors ressort" }),
      ]);
      const won = results.filter((r) => r.status === "fulfilled");
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect((won[0] as PromiseFulfilledResult<unknown>).value).toEqual({ ok: true, reference: s.reference });
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(CaseConflictError);
      const events = await eventsOf(s.caseId);
      expect(events).toHaveLength(1);
      const row = await load(s.caseId);
      expect(row.version).toBe(2);
      expect(row.status).toBe(events[0]!.toStatus);
      // A refusal winning leaves no issued document behind.
      const docs = await db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, s.caseId));
      expect(docs).toHaveLength(row.status === "accepted" ? 1 : 0);
      expect((await auditOf(s.reference)).filter((a) => a.action === "case.accept" || a.action === "case.refuse")).toHaveLength(1);
    }
    // A losing acceptance removed the PDF it had stored: one file per issued document, no more.
    expect(storedFiles()).toBe((await db.select().from(issuedDocuments)).length);
  });
});
