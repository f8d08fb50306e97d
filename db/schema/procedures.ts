import { relations, sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, serial, text, timestamp, unique, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { DELIVERY_MODES, PROCEDURE_CATEGORIES, PROCEDURE_STATUSES } from "../../app/domain/constants";
import type { FormDefinition, RequiredDocument } from "../../app/domain/forms/definition";
import { users } from "./identity";
import { agencies } from "./organisation";

export const procedures = pgTable(
  "procedure",
  {
    id: serial("id").primaryKey(),
    slug: text("slug").notNull().unique(),
    titleFr: text("title_fr").notNull(),
    titleEn: text("title_en").notNull(),
    summaryFr: text("summary_fr").notNull(),
    summaryEn: text("summary_en").notNull(),
    /** Who may ask, in French and English. */
    eligibilityFr: text("eligibility_fr").notNull(),
    eligibilityEn: text("eligibility_en").notNull(),
    category: text("category", { enum: PROCEDURE_CATEGORIES }).notNull(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** Fee in FCFA (XOF has no minor unit). */
    feeXof: integer("fee_xof").notNull().default(0),
    targetDelayDays: integer("target_delay_days").notNull(),
    /** Days a request for missing pieces stays open before the case is closed. */
    infoRequestExpiryDays: integer("info_request_expiry_days").notNull().default(30),
    delivery: text("delivery", { enum: DELIVERY_MODES }).notNull(),
    requiredDocuments: jsonb("required_documents").$type<RequiredDocument[]>().notNull().default([]),
    status: text("status", { enum: PROCEDURE_STATUSES }).notNull().default("draft"),
    /** Extra search words chosen by the administrators (synonyms, abbreviations), as typed. */
    keywords: text("keywords").notNull().default(""),
    /** Space-separated, accent-free words used by the catalogue search. */
    searchText: text("search_text").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("procedure_status_category_idx").on(t.status, t.category), index("procedure_agency_idx").on(t.agencyId)],
);

/** A published version of a procedure's form. Cases keep the version they were started on. */
export const procedureVersions = pgTable(
  "procedure_version",
  {
    id: serial("id").primaryKey(),
    procedureId: integer("procedure_id")
      .notNull()
      .references(() => procedures.id),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<FormDefinition>().notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("procedure_version_unique").on(t.procedureId, t.version),
    // At most one version being edited (not yet published) per procedure: the administrators' working copy.
    uniqueIndex("procedure_version_one_working_copy").on(t.procedureId).where(sql`${t.publishedAt} is null`),
  ],
);

export const proceduresRelations = relations(procedures, ({ one, many }) => ({
  agency: one(agencies, { fields: [procedures.agencyId], references: [agencies.id] }),
  versions: many(procedureVersions),
}));
export const procedureVersionsRelations = relations(procedureVersions, ({ one }) => ({
  procedure: one(procedures, { fields: [procedureVersions.procedureId], references: [procedures.id] }),
}));
