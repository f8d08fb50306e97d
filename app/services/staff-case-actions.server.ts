import { ACCEPTED_FILE_TYPES } from "~/domain/files";
import type { SessionUser } from "~/domain/user";
import { isStaffIntent, validateStaffAction, type ActionChoices, type ParsedAction, type RawValues } from "~/components/backoffice/action-form";
import type { PageReply } from "~/components/backoffice/reply";
import type { Database } from "~/utils/db.server";
import {
  acceptCase,
  addNote,
  assignCase,
  CaseConflictError,
  closeCase,
  deliverCase,
  markReady,
  postOfficeMessage,
  refuseCase,
  reopenCase,
  requestPieces,
  takeCase,
  transferCase,
  type StaffActionResult,
} from "./staff-cases.server";
import { revokeIssuedDocument, REVOCATION_REASON_MAX } from "./document-revocation.server";
import { discardStoredFiles, isRequestTooLarge, parseUploadForm, type StoredFile } from "./uploads.server";

export const OFFICE_FILE_FIELDS = ["piece1", "piece2"] as const;
const FILE_MAX_BYTES = 10 * 1024 * 1024;

export type StaffActionReply = PageReply;

/** The form of a supervisor revoking the case's issued document (not a lifecycle transition). */
export const REVOKE_INTENT = "revokeDocument";

/**
 * One form of the agent's case page: read (files stored and sniffed by the uploads service),
 * checked, and handed to the staff case service. Files are dropped whenever nothing is written.
 */
export async function runStaffAction(
  db: Database,
  request: Request,
  input: {
    user: SessionUser;
    reference: string;
    currentVersion: number;
    choices: ActionChoices;
    baseUrl: string;
    /** Where the request came from, for the audit log. */
    meta?: { ip?: string | null; requestId?: string | null };
  },
): Promise<StaffActionReply> {
  const limits = Object.fromEntries(OFFICE_FILE_FIELDS.map((field) => [field, { maxBytes: FILE_MAX_BYTES, accept: ACCEPTED_FILE_TYPES }]));
  let parsed: Awaited<ReturnType<typeof parseUploadForm>>;
  try {
    parsed = await parseUploadForm(request, limits, {
      maxTotalBytes: OFFICE_FILE_FIELDS.length * FILE_MAX_BYTES + 1024 * 1024,
    });
  } catch (error) {
    if (isRequestTooLarge(error))
      return {
        ok: false,
        intent: "message",
        errors: [{ field: "message-piece1", code: "file_too_large" }],
        values: {},
      };
    throw error;
  }
  const { values, files, rejections } = parsed;
  const intent = typeof values.intent === "string" ? values.intent : "";
  const drop = () => (files.length > 0 ? discardStoredFiles(files).catch(() => undefined) : Promise.resolve());
  if (intent === REVOKE_INTENT) {
    await drop();
    return revokeDocument(db, values, input);
  }
  if (!isStaffIntent(intent)) {
    await drop();
    throw new Response("Bad Request", { status: 400 });
  }
  const checked = validateStaffAction(intent, values, input.choices);
  const fileErrors = rejections.map((r) => ({
    field: `${intent}-${r.field}`,
    code: `file_${r.code}`,
    filename: r.filename,
  }));
  if (!checked.ok || fileErrors.length > 0) {
    await drop();
    return {
      ok: false,
      intent,
      errors: [...(checked.ok ? [] : checked.errors), ...fileErrors],
      values,
    };
  }
  // A refusal or a closing is final for the agent: a second step shows what the citizen will read.
  const expectedVersion = Number(values.expectedVersion);
  if ((intent === "reject" || intent === "close") && values.confirmed !== "1") {
    // Asking to confirm a decision on a page already out of date would only delay the bad news.
    if (expectedVersion !== input.currentVersion) return { ok: false, intent, conflict: true, errors: [], values };
    return { ok: false, intent, confirm: true, errors: [], values };
  }
  const base = {
    user: input.user,
    reference: input.reference,
    expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : -1,
    baseUrl: input.baseUrl,
  };
  let result: StaffActionResult;
  try {
    result = await dispatch(db, checked.action, base, intent === "message" ? files : []);
  } catch (error) {
    await drop();
    if (error instanceof CaseConflictError) return { ok: false, intent, conflict: true, errors: [], values };
    throw error;
  }
  if (!result.ok) {
    await drop();
    if (result.error === "not_found") throw new Response("Not Found", { status: 404 });
    // A stale page: the case moved on (or someone else decided) since it was shown.
    if (result.error === "wrong_status") return { ok: false, intent, conflict: true, errors: [], values };
    return { ok: false, intent, refused: result.error, errors: [], values };
  }
  if (intent !== "message") await drop();
  return { ok: true, intent };
}

/** A supervisor revokes the issued document: a reason, then a confirmation step (docs: document-revocation). */
async function revokeDocument(
  db: Database,
  values: RawValues,
  input: {
    user: SessionUser;
    reference: string;
    baseUrl: string;
    meta?: { ip?: string | null; requestId?: string | null };
  },
): Promise<StaffActionReply> {
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : "");
  const reason = text("reason").trim();
  const code = text("code");
  if (!reason)
    return {
      ok: false,
      intent: REVOKE_INTENT,
      errors: [{ field: `${REVOKE_INTENT}-reason`, code: "required" }],
      values,
    };
  if (reason.length > REVOCATION_REASON_MAX)
    return {
      ok: false,
      intent: REVOKE_INTENT,
      errors: [{ field: `${REVOKE_INTENT}-reason`, code: "too_long" }],
      values,
    };
  if (values.confirmed !== "1")
    return {
      ok: false,
      intent: REVOKE_INTENT,
      confirm: true,
      errors: [],
      values,
    };
  const result = await revokeIssuedDocument(db, {
    user: input.user,
    reference: input.reference,
    code,
    reason,
    baseUrl: input.baseUrl,
    ...input.meta,
  });
  if (result.ok) return { ok: true, intent: REVOKE_INTENT };
  if (result.error === "not_found") throw new Response("Not Found", { status: 404 });
  if (result.error === "already_revoked")
    return {
      ok: false,
      intent: REVOKE_INTENT,
      conflict: true,
      errors: [],
      values,
    };
  return {
    ok: false,
    intent: REVOKE_INTENT,
    refused: result.error,
    errors: [],
    values,
  };
}

function dispatch(
  db: Database,
  action: ParsedAction,
  base: {
    user: SessionUser;
    reference: string;
    expectedVersion: number;
    baseUrl: string;
  },
  files: StoredFile[],
): Promise<StaffActionResult> {
  switch (action.intent) {
    case "take":
      return takeCase(db, base);
    case "assign":
      return assignCase(db, { ...base, assigneeId: action.assigneeId });
    case "requestPieces":
      return requestPieces(db, {
        ...base,
        message: action.message,
        checklist: action.checklist,
      });
    case "accept":
      return acceptCase(db, base);
    case "markReady":
      return markReady(db, { ...base, instructions: action.instructions });
    case "deliver":
      return deliverCase(db, { ...base, identityCheck: action.identityCheck });
    case "reject":
      return refuseCase(db, {
        ...base,
        reasonCode: action.reasonCode,
        reasonText: action.reasonText,
      });
    case "close":
      return closeCase(db, {
        ...base,
        reasonCode: action.reasonCode,
        reasonText: action.reasonText,
      });
    case "transfer":
      return transferCase(db, {
        ...base,
        toOfficeId: action.toOfficeId,
        reason: action.reason,
      });
    case "reopen":
      return reopenCase(db, { ...base, reason: action.reason });
    case "message":
      return postOfficeMessage(db, {
        user: base.user,
        reference: base.reference,
        body: action.body,
        files,
      });
    case "note":
      return addNote(db, {
        user: base.user,
        reference: base.reference,
        body: action.body,
      });
  }
}
