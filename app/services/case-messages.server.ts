import { and, eq, inArray, isNull } from "drizzle-orm";
import { messages, staffRoles, users } from "../../db/schema";
import { canAnswerInfo, canWithdraw, canWriteToOffice } from "~/domain/case-view";
import { OFFICE_ROLES } from "~/domain/constants";
import type { Database, Executor } from "~/utils/db.server";
import { findOwnCase, type OwnCase } from "./case-access.server";
import { applyTransition, CaseConflictError, type CaseState } from "./case-transitions.server";
import type { OutgoingNotification } from "./outbox.server";
import { enqueueNotifications } from "./outbox.server";
import { attachToMessage, discardStoredFiles, type StoredFile } from "./uploads.server";

export { CaseConflictError };

/** Longest message a citizen may write (characters). */
export const MESSAGE_MAX_LENGTH = 5000;

export type MessageBodyError = "body_required" | "body_too_long";

export function checkMessageBody(body: string): MessageBodyError | null {
  const trimmed = body.trim();
  if (trimmed === "") return "body_required";
  if (trimmed.length > MESSAGE_MAX_LENGTH) return "body_too_long";
  return null;
}

export type CaseActionResult =
  | { ok: true; reference: string }
  | { ok: false; error: "not_found" | "not_allowed" | MessageBodyError };

/**
 * The agents and supervisors of an office, told in the portal and by e-mail (never by SMS: staff
 * work at their desk).
 */
export async function officeStaffNotifications(
  executor: Executor,
  officeId: number,
  template: string,
  payload: Record<string, unknown>,
): Promise<OutgoingNotification[]> {
  const staff = await executor
    .selectDistinct({ id: users.id, email: users.email, locale: users.locale, notifyByEmail: users.notifyByEmail })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.officeId, officeId), inArray(staffRoles.role, [...OFFICE_ROLES]), isNull(users.disabledAt)));
  return staff.flatMap((s) => {
    const base = { userId: s.id, template, locale: s.locale, payload };
    const out: OutgoingNotification[] = [{ ...base, channel: "in_app" }];
    if (s.email && s.notifyByEmail) out.push({ ...base, channel: "email", recipient: s.email });
    return out;
  });
}

function stateOf(own: OwnCase, version: number): CaseState {
  return {
    id: own.id,
    status: own.status,
    version,
    submittedAt: own.submittedAt,
    statusChangedAt: own.statusChangedAt,
    pausedMs: Number(own.pausedMs),
    targetDelayDays: own.procedure.targetDelayDays,
  };
}

async function insertMessage(tx: Executor, own: OwnCase, userId: string, body: string, files: StoredFile[]): Promise<string> {
  const [message] = await tx.insert(messages).values({ caseId: own.id, authorId: userId, body: body.trim() }).returning({ id: messages.id });
  if (files.length > 0) await attachToMessage(tx, { caseId: own.id, messageId: message!.id, ownerId: userId, files });
  return message!.id;
}

/** Runs `work` in a transaction; the stored files are removed if nothing was committed. */
async function withFiles<T>(db: Database, files: StoredFile[], work: (tx: Executor) => Promise<T>): Promise<T> {
  let committed = false;
  try {
    const result = await db.transaction(work);
    committed = true;
    return result;
  } finally {
    // A refusal returned (not thrown) also leaves the files unused.
    if (!committed && files.length > 0) await discardStoredFiles(files).catch(() => undefined);
  }
}

/**
 * The citizen writes to the office handling his case: the message, its attachments and the
 * staff's notifications in one transaction.
 */
export async function postCitizenMessage(
  db: Database,
  input: { userId: string; reference: string; body: string; files?: StoredFile[] },
): Promise<CaseActionResult> {
  const files = input.files ?? [];
  const bodyError = checkMessageBody(input.body);
  if (bodyError) {
    await discardStoredFiles(files).catch(() => undefined);
    return { ok: false, error: bodyError };
  }
  const result = await withFiles(db, files, async (tx): Promise<CaseActionResult> => {
    const own = await findOwnCase(tx, input.userId, input.reference);
    if (!own) return { ok: false, error: "not_found" };
    if (!canWriteToOffice(own.status, own.officeId)) return { ok: false, error: "not_allowed" };
    await insertMessage(tx, own, input.userId, input.body, files);
    await enqueueNotifications(tx, await officeStaffNotifications(tx, own.officeId!, "case_message_staff", { reference: own.reference }));
    return { ok: true, reference: own.reference };
  });
  if (!result.ok) await discardStoredFiles(files).catch(() => undefined);
  return result;
}

/**
 * The citizen answers a request for pieces: his message and files, and the case goes back to the
 * office (`answerInfo`: the wait is added to the paused time, the due date moves). Throws
 * CaseConflictError when the case changed since the page was shown (nothing is written).
 */
export async function answerInfoRequest(
  db: Database,
  input: { userId: string; reference: string; body: string; files?: StoredFile[]; expectedVersion: number; now?: Date },
): Promise<CaseActionResult> {
  const files = input.files ?? [];
  const bodyError = checkMessageBody(input.body);
  if (bodyError) {
    await discardStoredFiles(files).catch(() => undefined);
    return { ok: false, error: bodyError };
  }
  const result = await withFiles(db, files, async (tx): Promise<CaseActionResult> => {
    const own = await findOwnCase(tx, input.userId, input.reference);
    if (!own) return { ok: false, error: "not_found" };
    if (own.version !== input.expectedVersion) throw new CaseConflictError(own.id);
    if (!canAnswerInfo(own.status) || own.officeId === null) return { ok: false, error: "not_allowed" };
    const messageId = await insertMessage(tx, own, input.userId, input.body, files);
    await applyTransition(tx, stateOf(own, input.expectedVersion), {
      name: "answerInfo",
      actor: "citizen",
      actorId: input.userId,
      message: input.body,
      payload: { messageId, files: files.length },
      notifications: await officeStaffNotifications(tx, own.officeId, "case_info_answered_staff", { reference: own.reference }),
      now: input.now,
    });
    return { ok: true, reference: own.reference };
  });
  if (!result.ok) await discardStoredFiles(files).catch(() => undefined);
  return result;
}

/** The citizen withdraws a request not yet decided. Throws CaseConflictError on a stale page. */
export async function withdrawCase(
  db: Database,
  input: { userId: string; reference: string; expectedVersion: number; now?: Date },
): Promise<CaseActionResult> {
  return db.transaction(async (tx): Promise<CaseActionResult> => {
    const own = await findOwnCase(tx, input.userId, input.reference);
    if (!own) return { ok: false, error: "not_found" };
    if (own.version !== input.expectedVersion) throw new CaseConflictError(own.id);
    if (!canWithdraw(own.status)) return { ok: false, error: "not_allowed" };
    await applyTransition(tx, stateOf(own, input.expectedVersion), {
      name: "withdraw",
      actor: "citizen",
      actorId: input.userId,
      notifications: own.officeId ? await officeStaffNotifications(tx, own.officeId, "case_withdrawn_staff", { reference: own.reference }) : [],
      now: input.now,
    });
    return { ok: true, reference: own.reference };
  });
}
