import { and, asc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import { agencies, cases, messages, notes, offices, procedures, procedureVersions, sites, staffRoles, users } from "../../db/schema";
import type { CaseStatus, LinkStatus, Locale } from "~/domain/constants";
import { checkTransition, type TransitionName } from "~/domain/lifecycle";
import { parseReference } from "~/domain/reference";
import type { SessionUser } from "~/domain/user";
import type { Database, Executor } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";
import { audit } from "./audit.server";
import { officeWithLink } from "./case-access.server";
import { checkMessageBody, MESSAGE_MAX_LENGTH, officeStaffNotifications } from "./case-messages.server";
import { applyTransition, CaseConflictError, TransitionRefusedError, type CaseState } from "./case-transitions.server";
import { issueDocument } from "./issued-documents.server";
import { enqueueNotifications, type OutgoingNotification } from "./outbox.server";
import { notificationsFor, notifiedUserColumns } from "./routing-data.server";
import { getFileStorage } from "./storage";
import { attachToMessage, discardStoredFiles, type StoredFile } from "./uploads.server";
import { appBaseUrl } from "~/utils/public-url.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export { CaseConflictError };

/**
 * The office's side of a case: what agents and supervisors do on it. Every action is scoped to the
 * staff member's offices (`case.office_id` among `user.officeRoles`): anything else is "not_found"
 * (the routes answer 404 and audit the refusal). One transaction per action, through
 * `applyTransition` (optimistic lock: a stale `expectedVersion` throws CaseConflictError).
 */
export type StaffActionError = "not_found" | "wrong_status" | "not_allowed" | "reason_required" | "message_required" | "invalid";
export type StaffActionResult = { ok: true; reference: string } | { ok: false; error: StaffActionError };

export interface StaffCaseInput {
  user: SessionUser;
  reference: string;
  expectedVersion: number;
  now?: Date;
  /** Absolute origin for links in notifications and the issued document's QR code. */
  baseUrl?: string;
  /** The status label in notifications (default: common:status.case.<status>); development tools and tests. */
  statusLabel?: (status: CaseStatus, locale: Locale) => string;
}

/** Reason codes; labels in namespace `backoffice` under reasons.<code>. */
export const DECISION_REASONS = {
  reject: ["incomplete_file", "not_eligible", "invalid_documents", "wrong_procedure", "other"],
  close: ["no_answer", "duplicate", "applicant_request", "wrong_office", "other"],
} as const satisfies { reject: readonly string[]; close: readonly string[] };

export type StaffRoleName = "agent" | "supervisor";

function roleOn(user: SessionUser, officeId: number | null): StaffRoleName | null {
  if (officeId === null) return null;
  const roles = user.officeRoles.filter((r) => r.officeId === officeId).map((r) => r.role);
  if (roles.includes("supervisor")) return "supervisor";
  if (roles.includes("agent")) return "agent";
  return null;
}

/**
 * A case of one of the user's offices by reference, with what the agent's page needs; null when
 * the reference is unknown, mistyped, or the case is not at one of the user's offices.
 */
export async function findStaffCase(db: Executor, user: SessionUser, reference: string) {
  const canonical = parseReference(reference);
  const officeIds = user.officeRoles.map((r) => r.officeId);
  if (!canonical || officeIds.length === 0) return null;
  const [row] = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      version: cases.version,
      data: cases.data,
      onBehalfOf: cases.onBehalfOf,
      regionCode: cases.regionCode,
      officeId: cases.officeId,
      assigneeId: cases.assigneeId,
      routingReason: cases.routingReason,
      submittedAt: cases.submittedAt,
      dueAt: cases.dueAt,
      decidedAt: cases.decidedAt,
      pausedMs: cases.pausedMs,
      statusChangedAt: cases.statusChangedAt,
      infoDueAt: cases.infoDueAt,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      procedure: {
        id: procedures.id,
        slug: procedures.slug,
        titleFr: procedures.titleFr,
        titleEn: procedures.titleEn,
        agencyId: procedures.agencyId,
        targetDelayDays: procedures.targetDelayDays,
        delivery: procedures.delivery,
        infoRequestExpiryDays: procedures.infoRequestExpiryDays,
        requiredDocuments: procedures.requiredDocuments,
      },
      formVersion: { id: procedureVersions.id, version: procedureVersions.version, definition: procedureVersions.definition },
      applicant: { id: users.id, fullName: users.fullName, email: users.email, phone: users.phone, locale: users.locale },
    })
    .from(cases)
    .innerJoin(procedures, eq(procedures.id, cases.procedureId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, cases.procedureVersionId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .where(and(eq(cases.reference, canonical), inArray(cases.officeId, officeIds)));
  if (!row || row.officeId === null) return null;
  const role = roleOn(user, row.officeId);
  if (!role) return null;
  const office = await officeWithLink(db, row.officeId);
  let assignee: { id: string; fullName: string } | null = null;
  if (row.assigneeId) {
    const [a] = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(eq(users.id, row.assigneeId));
    assignee = a ?? null;
  }
  return { ...row, pausedMs: Number(row.pausedMs), office, assignee, role };
}

export type StaffCase = NonNullable<Awaited<ReturnType<typeof findStaffCase>>>;

/** Agents and supervisors of an office (for assignment), by name. */
export async function officeColleagues(db: Executor, officeId: number): Promise<{ id: string; fullName: string }[]> {
  const rows = await db
    .selectDistinct({ id: users.id, fullName: users.fullName })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.officeId, officeId), inArray(staffRoles.role, ["agent", "supervisor"]), isNull(users.disabledAt)))
    .orderBy(asc(users.fullName));
  return rows;
}

/** Offices a case can be transferred to: any other office accepting online cases. Same agency first. */
export async function transferTargets(
  db: Executor,
  fromOfficeId: number,
): Promise<{ id: number; name: string; agencyName: string; linkStatus: LinkStatus; sameAgency: boolean }[]> {
  const [from] = await db.select({ agencyId: offices.agencyId }).from(offices).where(eq(offices.id, fromOfficeId));
  const rows = await db
    .select({ id: offices.id, name: offices.name, agencyId: offices.agencyId, agencyName: agencies.nameFr, linkStatus: sites.linkStatus })
    .from(offices)
    .innerJoin(agencies, eq(agencies.id, offices.agencyId))
    .innerJoin(sites, eq(sites.id, offices.siteId))
    .where(and(ne(offices.id, fromOfficeId), eq(offices.acceptsOnline, true)))
    .orderBy(asc(agencies.nameFr), asc(offices.name));
  return rows
    .map((r) => ({ id: r.id, name: r.name, agencyName: r.agencyName, linkStatus: r.linkStatus, sameAgency: r.agencyId === from?.agencyId }))
    .sort((a, b) => Number(b.sameAgency) - Number(a.sameAgency));
}


// ---------------------------------------------------------------------------------------------
// Actions

type Loaded = NonNullable<Awaited<ReturnType<typeof loadForAction>>>;

async function loadForAction(tx: Executor, user: SessionUser, reference: string) {
  const canonical = parseReference(reference);
  const officeIds = user.officeRoles.map((r) => r.officeId);
  if (!canonical || officeIds.length === 0) return null;
  const [row] = await tx
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      version: cases.version,
      submittedAt: cases.submittedAt,
      statusChangedAt: cases.statusChangedAt,
      pausedMs: cases.pausedMs,
      officeId: cases.officeId,
      assigneeId: cases.assigneeId,
      onBehalfOf: cases.onBehalfOf,
      targetDelayDays: procedures.targetDelayDays,
      infoRequestExpiryDays: procedures.infoRequestExpiryDays,
      delivery: procedures.delivery,
      procedureTitleFr: procedures.titleFr,
      procedureTitleEn: procedures.titleEn,
      applicant: notifiedUserColumns,
    })
    .from(cases)
    .innerJoin(procedures, eq(procedures.id, cases.procedureId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .where(and(eq(cases.reference, canonical), inArray(cases.officeId, officeIds)));
  if (!row || row.officeId === null) return null;
  const role = roleOn(user, row.officeId);
  if (!role) return null;
  return { ...row, officeId: row.officeId, role };
}

function stateOf(row: Loaded): CaseState {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    submittedAt: row.submittedAt,
    statusChangedAt: row.statusChangedAt,
    pausedMs: Number(row.pausedMs),
    targetDelayDays: row.targetDelayDays,
  };
}

class Refusal extends Error {
  constructor(readonly error: StaffActionError) {
    super(error);
  }
}

const refuse = (error: StaffActionError): never => {
  throw new Refusal(error);
};

/**
 * One action: load the case in the user's scope (else not_found), check the version the page was
 * built on (else CaseConflictError), run `work` in the same transaction. A refusal rolls back.
 */
async function act(
  db: Database,
  input: { user: SessionUser; reference: string; expectedVersion?: number },
  work: (tx: Executor, row: Loaded) => Promise<void>,
  onRollback?: () => Promise<void>,
): Promise<StaffActionResult> {
  try {
    return await db.transaction(async (tx): Promise<StaffActionResult> => {
      const row = await loadForAction(tx, input.user, input.reference);
      if (!row) refuse("not_found");
      if (input.expectedVersion !== undefined && row!.version !== input.expectedVersion) throw new CaseConflictError(row!.id);
      await work(tx, row!);
      return { ok: true, reference: row!.reference };
    });
  } catch (error) {
    if (onRollback) await onRollback().catch(() => undefined);
    if (error instanceof Refusal) return { ok: false, error: error.error };
    if (error instanceof TransitionRefusedError) return { ok: false, error: error.error === "bad_target" ? "invalid" : error.error };
    throw error;
  }
}

/** Fails early with the lifecycle's own refusal, in the page's terms. */
function check(name: TransitionName, row: Loaded, given: { reason?: string | null; message?: string | null } = {}): void {
  const result = checkTransition(name, row.status, row.role, given);
  if (!result.ok) refuse(result.error);
}

async function statusLabel(status: CaseStatus, locale: Locale): Promise<string> {
  const t = await i18next.getFixedT(locale, "common");
  return t(`status.case.${status}`);
}

async function statusNotice(row: Loaded, to: CaseStatus, input: { statusLabel?: StaffCaseInput["statusLabel"] }): Promise<OutgoingNotification[]> {
  const label = input.statusLabel ? input.statusLabel(to, row.applicant.locale) : await statusLabel(to, row.applicant.locale);
  return notificationsFor(row.applicant, "case_status_changed", { reference: row.reference, status: label });
}

function caseUrl(baseUrl: string | undefined, reference: string): Record<string, string> {
  return baseUrl ? { url: `${baseUrl.replace(/\/$/, "")}/mon-espace/dossiers/${reference}` } : {};
}

async function auditCase(tx: Executor, user: SessionUser, action: string, row: Loaded, details: Record<string, unknown>): Promise<void> {
  await audit(tx, { action, actorId: user.id, targetType: "case", targetId: row.reference, details });
}

export async function takeCase(db: Database, input: StaffCaseInput): Promise<StaffActionResult> {
  const now = input.now ?? new Date();
  return act(db, input, async (tx, row) => {
    check("take", row);
    await applyTransition(tx, stateOf(row), { name: "take", actor: row.role, actorId: input.user.id, set: { assigneeId: input.user.id }, now });
    await auditCase(tx, input.user, "case.take", row, { from: row.assigneeId, to: input.user.id, status: { from: row.status, to: "in_review" } });
  });
}

const ASSIGNABLE: readonly CaseStatus[] = ["submitted", "in_review", "awaiting_info", "accepted", "ready"];

export async function assignCase(db: Database, input: StaffCaseInput & { assigneeId: string }): Promise<StaffActionResult> {
  const now = input.now ?? new Date();
  return act(db, input, async (tx, row) => {
    if (row.role !== "supervisor") refuse("not_allowed");
    if (!ASSIGNABLE.includes(row.status)) refuse("wrong_status");
    const colleagues = await officeColleagues(tx, row.officeId);
    const assignee = colleagues.find((c) => c.id === input.assigneeId) ?? refuse("invalid");
    if (row.status === "submitted") {
      await applyTransition(tx, stateOf(row), { name: "take", actor: row.role, actorId: input.user.id, set: { assigneeId: assignee.id }, payload: { assigneeId: assignee.id }, now });
    } else {
      const [updated] = await tx
        .update(cases)
        .set({ assigneeId: assignee.id, updatedAt: now, version: sql`${cases.version} + 1` })
        .where(and(eq(cases.id, row.id), eq(cases.version, row.version)))
        .returning({ id: cases.id });
      if (!updated) throw new CaseConflictError(row.id);
    }
    if (assignee.id !== input.user.id) {
      const [who] = await tx.select({ locale: users.locale }).from(users).where(eq(users.id, assignee.id));
      await enqueueNotifications(tx, [
        { userId: assignee.id, channel: "in_app", template: "case_assigned_staff", locale: who?.locale ?? "fr", payload: { reference: row.reference } },
      ]);
    }
    await auditCase(tx, input.user, "case.assign", row, { from: row.assigneeId, to: assignee.id });
  });
}

export async function bulkAssign(
  db: Database,
  input: { user: SessionUser; references: string[]; assigneeId: string | "me" },
): Promise<{ done: string[]; failed: { reference: string; error: StaffActionError | "conflict" }[] }> {
  const done: string[] = [];
  const failed: { reference: string; error: StaffActionError | "conflict" }[] = [];
  for (const reference of [...new Set(input.references)]) {
    const found = await findStaffCase(db, input.user, reference);
    if (!found) {
      failed.push({ reference, error: "not_found" });
      continue;
    }
    try {
      const base = { user: input.user, reference: found.reference, expectedVersion: found.version };
      const toMe = input.assigneeId === "me" || input.assigneeId === input.user.id;
      // Taking is for cases waiting to be taken; a supervisor may also take over an open one.
      const result =
        toMe && (found.status === "submitted" || found.role === "agent")
          ? await takeCase(db, base)
          : await assignCase(db, { ...base, assigneeId: toMe ? input.user.id : input.assigneeId });
      if (result.ok) done.push(result.reference);
      else failed.push({ reference: found.reference, error: result.error });
    } catch (error) {
      if (!(error instanceof CaseConflictError)) throw error;
      failed.push({ reference: found.reference, error: "conflict" });
    }
  }
  return { done, failed };
}

/**
 * Ask for missing pieces: the message and checklist in the event (the citizen's request box and
 * both timelines read them there; not repeated in the message thread), the request's deadline,
 * the citizen told.
 */
export async function requestPieces(
  db: Database,
  input: StaffCaseInput & { message: string; checklist: string[] },
): Promise<StaffActionResult> {
  const now = input.now ?? new Date();
  const message = input.message.trim();
  const checklist = input.checklist.map((item) => item.trim()).filter(Boolean);
  return act(db, input, async (tx, row) => {
    check("requestInfo", row, { message });
    if (message.length > MESSAGE_MAX_LENGTH) refuse("invalid");
    const infoDueAt = new Date(now.getTime() + row.infoRequestExpiryDays * DAY_MS);
    await applyTransition(tx, stateOf(row), {
      name: "requestInfo",
      actor: row.role,
      actorId: input.user.id,
      message,
      set: { infoDueAt },
      payload: { message, checklist, infoDueAt: infoDueAt.toISOString() },
      notifications: notificationsFor(row.applicant, "case_info_requested", { reference: row.reference, message, ...caseUrl(input.baseUrl, row.reference) }),
      now,
    });
    await auditCase(tx, input.user, "case.request_info", row, { from: row.status, to: "awaiting_info", checklist: checklist.length, infoDueAt: infoDueAt.toISOString() });
  });
}

export async function acceptCase(db: Database, input: StaffCaseInput): Promise<StaffActionResult> {
  const now = input.now ?? new Date();
  let storedKey: string | null = null;
  const result = await act(
    db,
    input,
    async (tx, row) => {
      check("accept", row);
      let issued: { code: string; attachmentId: string } | null = null;
      if (row.delivery === "electronic") {
        issued = await issueDocument(tx, {
          caseId: row.id,
          reference: row.reference,
          ownerId: row.applicant.id,
          officeId: row.officeId,
          baseUrl: input.baseUrl ?? appBaseUrl(),
          now,
          onStored: (key) => {
            storedKey = key;
          },
        });
      }
      const notifications = await statusNotice(row, "accepted", input);
      if (issued) {
        notifications.push(
          ...notificationsFor(row.applicant, "case_document_issued", {
            reference: row.reference,
            procedure: row.applicant.locale === "en" ? row.procedureTitleEn : row.procedureTitleFr,
            ...caseUrl(input.baseUrl, row.reference),
          }),
        );
      }
      await applyTransition(tx, stateOf(row), {
        name: "accept",
        actor: row.role,
        actorId: input.user.id,
        set: { decidedAt: now },
        payload: { delivery: row.delivery, ...(issued ? { documentCode: issued.code, attachmentId: issued.attachmentId } : {}) },
        notifications,
        now,
      });
      await auditCase(tx, input.user, "case.accept", row, { from: row.status, to: "accepted", ...(issued ? { documentCode: issued.code } : {}) });
    },
    async () => {
      if (storedKey) await getFileStorage().delete(storedKey);
    },
  );
  return result;
}

export async function markReady(db: Database, input: StaffCaseInput & { instructions: string }): Promise<StaffActionResult> {
  const now = input.now ?? new Date();
  const instructions = input.instructions.trim();
  return act(db, input, async (tx, row) => {
    check("markReady", row);
    if (row.delivery !== "pickup") refuse("wrong_status");
    if (!instructions) refuse("message_required");
    if (instructions.length > MESSAGE_MAX_LENGTH) refuse("invalid");
    await applyTransition(tx, stateOf(row), {
      name: "markReady",
      actor: row.role,
      actorId: input.user.id,
      payload: { instructions },
      notifications: notificationsFor(row.applicant, "case_ready", { reference: row.reference, instructions, ...caseUrl(input.baseUrl, row.reference) }),
      now,
    });
    await auditCase(tx, input.user, "case.ready", row, { from: row.status, to: "ready" });
  });
}

export async function deliverCase(db: Database, input: StaffCaseInput & { identityCheck: string }): Promise<StaffActionResult> {
  const now = input.now ?? new Date();
  const identityCheck = input.identityCheck.trim();
  return act(db, input, async (tx, row) => {
    check("deliver", row);
    if (!identityCheck) refuse("reason_required");
    if (identityCheck.length > 500) refuse("invalid");
    await applyTransition(tx, stateOf(row), {
      name: "deliver",
      actor: row.role,
      actorId: input.user.id,
      payload: { identityCheck },
      notifications: await statusNotice(row, "delivered", input),
      now,
    });
    await auditCase(tx, input.user, "case.deliver", row, { from: row.status, to: "delivered", identityCheck });
  });
}

async function decideNegatively(
  db: Database,
  name: "reject" | "close",
  input: StaffCaseInput & { reasonCode: string; reasonText: string },
): Promise<StaffActionResult> {
  const now = input.now ?? new Date();
  const reason = input.reasonText.trim();
  const to: CaseStatus = name === "reject" ? "rejected" : "closed";
  return act(db, input, async (tx, row) => {
    check(name, row, { reason });
    if (!(DECISION_REASONS[name] as readonly string[]).includes(input.reasonCode)) refuse("invalid");
    if (reason.length > MESSAGE_MAX_LENGTH) refuse("invalid");
    await applyTransition(tx, stateOf(row), {
      name,
      actor: row.role,
      actorId: input.user.id,
      reason,
      set: { decidedAt: now, infoDueAt: null },
      payload: { reason, reasonCode: input.reasonCode },
      notifications: await statusNotice(row, to, input),
      now,
    });
    await auditCase(tx, input.user, name === "reject" ? "case.refuse" : "case.close", row, { from: row.status, to, reasonCode: input.reasonCode, reason });
  });
}

export async function refuseCase(db: Database, input: StaffCaseInput & { reasonCode: string; reasonText: string }): Promise<StaffActionResult> {
  return decideNegatively(db, "reject", input);
}

export async function closeCase(db: Database, input: StaffCaseInput & { reasonCode: string; reasonText: string }): Promise<StaffActionResult> {
  return decideNegatively(db, "close", input);
}

export async function transferCase(db: Database, input: StaffCaseInput & { toOfficeId: number; reason: string }): Promise<StaffActionResult> {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  return act(db, input, async (tx, row) => {
    check("transfer", row, { reason });
    if (reason.length > MESSAGE_MAX_LENGTH) refuse("invalid");
    const targets = await transferTargets(tx, row.officeId);
    const target = targets.find((o) => o.id === input.toOfficeId) ?? refuse("invalid");
    const [from] = await tx.select({ name: offices.name }).from(offices).where(eq(offices.id, row.officeId));
    await applyTransition(tx, stateOf(row), {
      name: "transfer",
      actor: row.role,
      actorId: input.user.id,
      reason,
      set: { officeId: target.id, assigneeId: null, routingReason: "transfer" },
      payload: { reason, fromOfficeId: row.officeId, fromOfficeName: from?.name ?? null, toOfficeId: target.id, officeName: target.name },
      notifications: [
        ...notificationsFor(row.applicant, "case_transferred", { reference: row.reference, officeName: target.name, ...caseUrl(input.baseUrl, row.reference) }),
        ...(await officeStaffNotifications(tx, target.id, "case_transferred_staff", { reference: row.reference, fromOffice: from?.name ?? "", reason })),
      ],
      now,
    });
    await auditCase(tx, input.user, "case.transfer", row, { from: row.officeId, to: target.id, reason, previousAssignee: row.assigneeId });
  });
}

export async function reopenCase(db: Database, input: StaffCaseInput & { reason: string }): Promise<StaffActionResult> {
  const now = input.now ?? new Date();
  const reason = input.reason.trim();
  return act(db, input, async (tx, row) => {
    check("reopen", row, { reason });
    if (reason.length > MESSAGE_MAX_LENGTH) refuse("invalid");
    await applyTransition(tx, stateOf(row), {
      name: "reopen",
      actor: row.role,
      actorId: input.user.id,
      reason,
      set: { decidedAt: null },
      payload: { reason },
      notifications: await statusNotice(row, "in_review", input),
      now,
    });
    await auditCase(tx, input.user, "case.reopen", row, { from: row.status, to: "in_review", reason });
  });
}

export async function postOfficeMessage(
  db: Database,
  input: { user: SessionUser; reference: string; body: string; files: StoredFile[] },
): Promise<StaffActionResult> {
  const body = input.body.trim();
  const result = await act(
    db,
    input,
    async (tx, row) => {
      const bodyError = checkMessageBody(body);
      if (bodyError) refuse(bodyError === "body_required" ? "message_required" : "invalid");
      if (row.status === "draft") refuse("wrong_status");
      const [message] = await tx.insert(messages).values({ caseId: row.id, authorId: input.user.id, fromOffice: row.officeId, body }).returning({ id: messages.id });
      if (input.files.length > 0) await attachToMessage(tx, { caseId: row.id, messageId: message!.id, ownerId: input.user.id, files: input.files });
      await enqueueNotifications(tx, notificationsFor(row.applicant, "case_message", { reference: row.reference }));
    },
    async () => {
      if (input.files.length > 0) await discardStoredFiles(input.files);
    },
  );
  return result;
}

export const NOTE_MAX_LENGTH = 5000;

export async function addNote(db: Database, input: { user: SessionUser; reference: string; body: string }): Promise<StaffActionResult> {
  const body = input.body.trim();
  return act(db, input, async (tx, row) => {
    if (!body) refuse("message_required");
    if (body.length > NOTE_MAX_LENGTH) refuse("invalid");
    await tx.insert(notes).values({ caseId: row.id, authorId: input.user.id, body });
  });
}
