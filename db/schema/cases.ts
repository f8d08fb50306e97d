import { relations, sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CASE_STATUSES, REGION_CODES, SCAN_STATUSES } from "../../app/domain/constants";
import { users } from "./identity";
import { offices } from "./organisation";
import { procedures, procedureVersions } from "./procedures";

export type OnBehalfOf = { fullName: string; relationship: string };

/** A case (dossier): one citizen's request for one procedure. */
export const cases = pgTable(
  "case",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Public reference, e.g. TG-2026-7K4M-Q2P9 (Crockford base32 with a check character). */
    reference: text("reference").notNull().unique(),
    /** SHA-256 of the tracking code given to the citizen for /suivi. */
    trackingCodeHash: text("tracking_code_hash"),
    procedureId: integer("procedure_id")
      .notNull()
      .references(() => procedures.id),
    procedureVersionId: integer("procedure_version_id")
      .notNull()
      .references(() => procedureVersions.id),
    applicantId: uuid("applicant_id")
      .notNull()
      .references(() => users.id),
    onBehalfOf: jsonb("on_behalf_of").$type<OnBehalfOf>(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status", { enum: CASE_STATUSES }).notNull().default("draft"),
    regionCode: text("region_code", { enum: REGION_CODES }),
    /** The office chosen by the citizen, if any; routing may pick another. */
    preferredOfficeId: integer("preferred_office_id").references(() => offices.id),
    officeId: integer("office_id").references(() => offices.id),
    assigneeId: uuid("assignee_id").references(() => users.id),
    routingReason: text("routing_reason"),
    /** Client-supplied key making submission idempotent. */
    idempotencyKey: text("idempotency_key"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    dueAt: timestamp("due_at", { withTimezone: true }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** When the status last changed (start of a wait for the citizen, of a decision...). */
    statusChangedAt: timestamp("status_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** While awaiting_info: when the request for pieces lapses and the case is closed. */
    infoDueAt: timestamp("info_due_at", { withTimezone: true }),
    /** Milliseconds the deadline clock was paused (awaiting the citizen, office link down). */
    pausedMs: bigint("paused_ms", { mode: "number" }).notNull().default(0),
    /** Optimistic lock: incremented by every transition. */
    version: integer("version").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("case_applicant_idx").on(t.applicantId, t.status, t.updatedAt),
    // The agent inbox: an office's cases by status, sorted by due date (keyset on due_at, id).
    index("case_office_status_due_idx").on(t.officeId, t.status, t.dueAt, t.id),
    index("case_assignee_idx").on(t.assigneeId, t.status, t.dueAt),
    // Inbox tabs spanning several statuses, keyset on (due_at, id): open cases (En retard, all open)
    // and finished ones (Terminés); "Mes dossiers" through the assignee's open cases.
    index("case_office_open_due_idx")
      .on(t.officeId, t.dueAt, t.id)
      .where(sql`${t.status} in ('submitted', 'in_review', 'awaiting_info', 'accepted', 'ready')`),
    index("case_office_finished_due_idx")
      .on(t.officeId, t.dueAt, t.id)
      .where(sql`${t.status} in ('delivered', 'rejected', 'closed', 'withdrawn')`),
    index("case_assignee_open_due_idx")
      .on(t.assigneeId, t.dueAt, t.id)
      .where(sql`${t.status} in ('submitted', 'in_review', 'awaiting_info', 'accepted', 'ready')`),
    // Office statistics over a period: cases received, cases decided.
    index("case_office_submitted_idx").on(t.officeId, t.submittedAt),
    index("case_office_decided_idx").on(t.officeId, t.decidedAt).where(sql`${t.decidedAt} is not null`),
    // The dispatcher: queued cases, oldest first.
    index("case_queued_idx").on(t.createdAt).where(sql`${t.status} = 'queued'`),
    // Housekeeping: drafts untouched for 30 days are deleted.
    index("case_draft_idx").on(t.updatedAt).where(sql`${t.status} = 'draft'`),
    // One draft per citizen and procedure, even when "Commencer" is sent twice at once.
    uniqueIndex("case_one_draft_idx").on(t.applicantId, t.procedureId).where(sql`${t.status} = 'draft'`),
    index("case_idempotency_idx").on(t.applicantId, t.idempotencyKey).where(sql`${t.idempotencyKey} is not null`),
  ],
);

/** Append-only history of a case: every step, who, when, from → to, payload. */
export const caseEvents = pgTable(
  "case_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    type: text("type").notNull(),
    fromStatus: text("from_status", { enum: CASE_STATUSES }),
    toStatus: text("to_status", { enum: CASE_STATUSES }),
    actorId: uuid("actor_id").references(() => users.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index("case_event_case_idx").on(t.caseId, t.at)],
);

/** Messages between the citizen and the office handling the case. */
export const messages = pgTable(
  "message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    fromOffice: integer("from_office").references(() => offices.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("message_case_idx").on(t.caseId, t.createdAt)],
);

/** Private annotations by staff, never shown to the citizen. */
export const notes = pgTable(
  "note",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("note_case_idx").on(t.caseId, t.createdAt)],
);

/** An uploaded file: kept outside public/, identified by content (SHA-256, sniffed type). */
export const attachments = pgTable(
  "attachment",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    caseId: uuid("case_id").references(() => cases.id),
    messageId: uuid("message_id").references(() => messages.id),
    /** Form field (or document code) this file answers. */
    fieldName: text("field_name"),
    filename: text("filename").notNull(),
    mimeType: text("mime_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull().unique(),
    scanStatus: text("scan_status", { enum: SCAN_STATUSES }).notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("attachment_case_idx").on(t.caseId),
    index("attachment_message_idx").on(t.messageId),
    // Housekeeping: files of replaced or removed documents are purged a day later.
    index("attachment_deleted_idx").on(t.deletedAt).where(sql`${t.deletedAt} is not null`),
  ],
);

/**
 * A document issued electronically at the end of a case (an extract, a certificate): the PDF is
 * an attachment; the public verification page `/verifier/:code` answers whether it is authentic.
 */
export const issuedDocuments = pgTable(
  "issued_document",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Public verification code printed under the QR code. */
    code: text("code").notNull().unique(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    attachmentId: uuid("attachment_id")
      .notNull()
      .references(() => attachments.id),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    /** "K. A." — what the verification page may show of the holder. */
    holderInitials: text("holder_initials").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("issued_document_case_idx").on(t.caseId)],
);

export const casesRelations = relations(cases, ({ one, many }) => ({
  procedure: one(procedures, { fields: [cases.procedureId], references: [procedures.id] }),
  procedureVersion: one(procedureVersions, { fields: [cases.procedureVersionId], references: [procedureVersions.id] }),
  applicant: one(users, { fields: [cases.applicantId], references: [users.id], relationName: "applicant" }),
  assignee: one(users, { fields: [cases.assigneeId], references: [users.id], relationName: "assignee" }),
  office: one(offices, { fields: [cases.officeId], references: [offices.id] }),
  events: many(caseEvents),
  messages: many(messages),
  notes: many(notes),
  attachments: many(attachments),
  issuedDocuments: many(issuedDocuments),
}));
export const issuedDocumentsRelations = relations(issuedDocuments, ({ one }) => ({
  case: one(cases, { fields: [issuedDocuments.caseId], references: [cases.id] }),
  attachment: one(attachments, { fields: [issuedDocuments.attachmentId], references: [attachments.id] }),
}));
export const caseEventsRelations = relations(caseEvents, ({ one }) => ({
  case: one(cases, { fields: [caseEvents.caseId], references: [cases.id] }),
}));
export const messagesRelations = relations(messages, ({ one, many }) => ({
  case: one(cases, { fields: [messages.caseId], references: [cases.id] }),
  attachments: many(attachments),
}));
export const notesRelations = relations(notes, ({ one }) => ({
  case: one(cases, { fields: [notes.caseId], references: [cases.id] }),
}));
export const attachmentsRelations = relations(attachments, ({ one }) => ({
  case: one(cases, { fields: [attachments.caseId], references: [cases.id] }),
  message: one(messages, { fields: [attachments.messageId], references: [messages.id] }),
}));
