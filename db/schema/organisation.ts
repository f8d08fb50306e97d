import { relations } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, integer, pgTable, primaryKey, serial, text, timestamp } from "drizzle-orm/pg-core";
import { AGENCY_KINDS, REGION_CODES } from "../../app/domain/constants";
import { regions, sites } from "./geography";

/** An administration: ministry, direction, public body or commune. */
export const agencies = pgTable(
  "agency",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull().unique(),
    nameFr: text("name_fr").notNull(),
    nameEn: text("name_en").notNull(),
    kind: text("kind", { enum: AGENCY_KINDS }).notNull(),
    parentId: integer("parent_id").references((): AnyPgColumn => agencies.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agency_parent_idx").on(t.parentId)],
);

/** An office (bureau / guichet) of an agency, housed in a connected building. */
export const offices = pgTable(
  "office",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull().unique(),
    agencyId: integer("agency_id")
      .notNull()
      .references(() => agencies.id),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    name: text("name").notNull(),
    acceptsOnline: boolean("accepts_online").notNull().default(true),
    /** May receive cases from any region when the regional offices are unreachable. */
    nationalCompetence: boolean("national_competence").notNull().default(false),
    /** Opening hours, in French (e.g. "Lundi–vendredi, 7 h 30 – 17 h 30"). */
    hours: text("hours"),
    phone: text("phone"),
    email: text("email"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("office_agency_idx").on(t.agencyId), index("office_site_idx").on(t.siteId)],
);

/** The regions an office serves. */
export const officeRegions = pgTable(
  "office_region",
  {
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id, { onDelete: "cascade" }),
    regionCode: text("region_code", { enum: REGION_CODES })
      .notNull()
      .references(() => regions.code),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.regionCode] }), index("office_region_region_idx").on(t.regionCode)],
);

export const agenciesRelations = relations(agencies, ({ one, many }) => ({
  parent: one(agencies, { fields: [agencies.parentId], references: [agencies.id], relationName: "parent" }),
  children: many(agencies, { relationName: "parent" }),
  offices: many(offices),
}));
export const officesRelations = relations(offices, ({ one, many }) => ({
  agency: one(agencies, { fields: [offices.agencyId], references: [agencies.id] }),
  site: one(sites, { fields: [offices.siteId], references: [sites.id] }),
  regions: many(officeRegions),
}));
export const officeRegionsRelations = relations(officeRegions, ({ one }) => ({
  office: one(offices, { fields: [officeRegions.officeId], references: [offices.id] }),
  region: one(regions, { fields: [officeRegions.regionCode], references: [regions.code] }),
}));
