import { relations, sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  serial,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { LINK_SOURCES, LINK_STATUSES, MONITORING_LOSS_REASONS, REGION_CODES, SITE_KINDS } from "../../app/domain/constants";
import { users } from "./identity";

export const regions = pgTable("region", {
  code: text("code", { enum: REGION_CODES }).primaryKey(),
  name: text("name").notNull(),
  capital: text("capital").notNull(),
  /** Display order (south to north). */
  position: integer("position").notNull(),
});

export const towns = pgTable(
  "town",
  {
    id: serial("id").primaryKey(),
    regionCode: text("region_code", { enum: REGION_CODES })
      .notNull()
      .references(() => regions.code),
    name: text("name").notNull(),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
  },
  (t) => [index("town_region_idx").on(t.regionCode)],
);

/** A building connected (or to be connected) to the e-Gouvernement fibre network. */
export const sites = pgTable(
  "site",
  {
    id: serial("id").primaryKey(),
    code: text("code").notNull().unique(),
    name: text("name").notNull(),
    kind: text("kind", { enum: SITE_KINDS }).notNull(),
    regionCode: text("region_code", { enum: REGION_CODES })
      .notNull()
      .references(() => regions.code),
    townId: integer("town_id")
      .notNull()
      .references(() => towns.id),
    address: text("address"),
    lat: doublePrecision("lat").notNull(),
    lng: doublePrecision("lng").notNull(),
    /** Deployment phase: 1 (Lomé, 2017), 2 (regions). */
    phase: integer("phase").notNull(),
    capacityMbps: integer("capacity_mbps").notNull().default(100),
    connectedOn: date("connected_on"),
    linkStatus: text("link_status", { enum: LINK_STATUSES }).notNull(),
    linkStatusSince: timestamp("link_status_since", { withTimezone: true }).notNull().defaultNow(),
    lastHeartbeatAt: timestamp("last_heartbeat_at", { withTimezone: true }),
    /**
     * Set while every source watching the site is blind (decision 018): the site shows `unknown`
     * and `linkStatus` keeps the last known status, on which routing and deadlines go on acting.
     */
    monitoringLostAt: timestamp("monitoring_lost_at", { withTimezone: true }),
    monitoringLostReason: text("monitoring_lost_reason", { enum: MONITORING_LOSS_REASONS }),
    /** An operator's status holds against automatic sources until released, or until this time when set. */
    operatorHeld: boolean("operator_held").notNull().default(false),
    operatorHoldUntil: timestamp("operator_hold_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("site_region_status_idx").on(t.regionCode, t.linkStatus),
    index("site_status_idx").on(t.linkStatus),
    index("site_town_idx").on(t.townId),
    index("site_name_lower_idx").on(sql`lower(${t.name})`),
  ],
);

/** Append-only history of link status changes. */
export const linkStatusChanges = pgTable(
  "link_status_change",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    fromStatus: text("from_status", { enum: LINK_STATUSES }),
    toStatus: text("to_status", { enum: LINK_STATUSES }).notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    source: text("source", { enum: LINK_SOURCES }).notNull(),
    note: text("note"),
    actorId: uuid("actor_id").references(() => users.id),
    /** The combination rule that decided an automatic change (app/domain/link-combination.ts). */
    rule: text("rule"),
    /**
     * When the change's consequences on offices and cases (network-effects.server.ts) were
     * applied; null while they wait for the effects job (a mass change does not hold the request).
     */
    effectsAppliedAt: timestamp("effects_applied_at", { withTimezone: true }),
  },
  (t) => [
    index("link_status_change_site_at_idx").on(t.siteId, t.at),
    index("link_status_change_at_idx").on(t.at),
    index("link_status_change_effects_pending_idx").on(t.id).where(sql`${t.effectsAppliedAt} is null`),
  ],
);

/** Planned maintenance for one site or a whole region (exactly one of the two is set). */
export const maintenanceWindows = pgTable(
  "maintenance_window",
  {
    id: serial("id").primaryKey(),
    siteId: integer("site_id").references(() => sites.id),
    regionCode: text("region_code", { enum: REGION_CODES }).references(() => regions.code),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    reason: text("reason").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("maintenance_window_period_idx").on(t.startsAt, t.endsAt), index("maintenance_window_site_idx").on(t.siteId)],
);

export const regionsRelations = relations(regions, ({ many }) => ({ towns: many(towns), sites: many(sites) }));
export const townsRelations = relations(towns, ({ one, many }) => ({
  region: one(regions, { fields: [towns.regionCode], references: [regions.code] }),
  sites: many(sites),
}));
export const sitesRelations = relations(sites, ({ one, many }) => ({
  region: one(regions, { fields: [sites.regionCode], references: [regions.code] }),
  town: one(towns, { fields: [sites.townId], references: [towns.id] }),
  linkStatusChanges: many(linkStatusChanges),
}));
export const linkStatusChangesRelations = relations(linkStatusChanges, ({ one }) => ({
  site: one(sites, { fields: [linkStatusChanges.siteId], references: [sites.id] }),
}));
