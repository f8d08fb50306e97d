import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import { attachments, caseEvents, cases, issuedDocuments, messages, offices, procedures } from "../../db/schema";
import { caseList, draftExpiresAt, infoRequestOf } from "~/domain/case-view";
import type { CaseStatus, DeliveryMode } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";
import type { OwnCase } from "./case-access.server";

export interface MyCaseRow {
  reference: string;
  status: CaseStatus;
  procedureTitleFr: string;
  procedureTitleEn: string;
  delivery: DeliveryMode;
  submittedAt: Date | null;
  dueAt: Date | null;
  decidedAt: Date | null;
  infoDueAt: Date | null;
  updatedAt: Date;
  /** Drafts: when an untouched draft is deleted. */
  expiresAt: Date | null;
}

export interface MyCases {
  drafts: MyCaseRow[];
  inProgress: MyCaseRow[];
  finished: MyCaseRow[];
}

/**
 * The three lists of Mon espace in one query on `case_applicant_idx` (applicant, status,
 * updated_at): a citizen has a handful of cases, newest change first.
 */
export async function listMyCases(executor: Executor, userId: string): Promise<MyCases> {
  const rows = await executor
    .select({
      reference: cases.reference,
      status: cases.status,
      procedureTitleFr: procedures.titleFr,
      procedureTitleEn: procedures.titleEn,
      delivery: procedures.delivery,
      submittedAt: cases.submittedAt,
      dueAt: cases.dueAt,
      decidedAt: cases.decidedAt,
      infoDueAt: cases.infoDueAt,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .innerJoin(procedures, eq(procedures.id, cases.procedureId))
    .where(eq(cases.applicantId, userId))
    .orderBy(desc(cases.updatedAt))
    .limit(500);
  const result: MyCases = { drafts: [], inProgress: [], finished: [] };
  for (const row of rows) {
    const list = caseList(row.status, row.delivery);
    const item = { ...row, expiresAt: list === "draft" ? draftExpiresAt(row.updatedAt) : null };
    if (list === "draft") result.drafts.push(item);
    else if (list === "in_progress") result.inProgress.push(item);
    else result.finished.push(item);
  }
  return result;
}

export interface CaseMessage {
  id: string;
  body: string;
  createdAt: Date;
  /** Written by the office (else by the citizen). */
  fromOffice: boolean;
  officeName: string | null;
  attachments: { id: string; filename: string; mimeType: string; sizeBytes: number }[];
}

/** What the case page shows besides the case itself: history, messages, request, result. */
export async function loadCasePage(executor: Executor, own: Pick<OwnCase, "id" | "status">) {
  const events = await executor
    .select({ id: caseEvents.id, type: caseEvents.type, at: caseEvents.at, payload: caseEvents.payload })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, own.id))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));

  const messageRows = await executor
    .select({ id: messages.id, body: messages.body, createdAt: messages.createdAt, fromOffice: messages.fromOffice, officeName: offices.name })
    .from(messages)
    .leftJoin(offices, eq(offices.id, messages.fromOffice))
    .where(eq(messages.caseId, own.id))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  const files =
    messageRows.length === 0
      ? []
      : await executor
          .select({
            id: attachments.id,
            messageId: attachments.messageId,
            filename: attachments.filename,
            mimeType: attachments.mimeType,
            sizeBytes: attachments.sizeBytes,
          })
          .from(attachments)
          .where(
            and(
              eq(attachments.caseId, own.id),
              inArray(
                attachments.messageId,
                messageRows.map((m) => m.id),
              ),
              isNull(attachments.deletedAt),
              ne(attachments.scanStatus, "infected"),
            ),
          )
          .orderBy(asc(attachments.createdAt));
  const thread: CaseMessage[] = messageRows.map((m) => ({
    id: m.id,
    body: m.body,
    createdAt: m.createdAt,
    fromOffice: m.fromOffice !== null,
    officeName: m.officeName,
    attachments: files.filter((f) => f.messageId === m.id).map(({ messageId: _messageId, ...f }) => f),
  }));

  const documents = await executor
    .select({
      code: issuedDocuments.code,
      attachmentId: issuedDocuments.attachmentId,
      filename: attachments.filename,
      sizeBytes: attachments.sizeBytes,
      issuedAt: issuedDocuments.issuedAt,
    })
    .from(issuedDocuments)
    .innerJoin(attachments, eq(attachments.id, issuedDocuments.attachmentId))
    .where(and(eq(issuedDocuments.caseId, own.id), isNull(issuedDocuments.revokedAt), isNull(attachments.deletedAt)))
    .orderBy(asc(issuedDocuments.issuedAt));

  const lastOf = (types: string[]) => [...events].reverse().find((e) => types.includes(e.type));
  const infoRequest = own.status === "awaiting_info" ? infoRequestOf(lastOf(["info_requested"])?.payload) : null;
  const decision = own.status === "rejected" || own.status === "closed" ? lastOf(["rejected", "closed", "info_request_expired"]) : undefined;
  const reason = typeof decision?.payload.reason === "string" && decision.payload.reason.trim() !== "" ? decision.payload.reason : null;

  return { events, messages: thread, documents, infoRequest, decision: decision ? { type: decision.type, reason } : null };
}

export type CasePageData = Awaited<ReturnType<typeof loadCasePage>>;
