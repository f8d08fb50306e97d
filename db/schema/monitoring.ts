import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, real, serial, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { LINK_STATUSES, MONITORING_LOSS_REASONS, MONITORING_SOURCE_KINDS, REGION_CODES } from "../../app/domain/constants";
import { users } from "./identity";
import { agencies } from "./organisation";
import { sites } from "./geography";

/** Bearer tokens of probes and Alertmanager. Only the SHA-256 of the token is stored. */
export const monitoringTokens = pgTable("monitoring_token", {
  id: serial("id").primaryKey(),
  name: text("name").notNull().unique(),
  tokenHash: text("token_hash").notNull().unique(),
  createdBy: uuid("created_by").references(() => users.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
});

/**
 * Each source of link evidence and when it last spoke (decision 018): a probe agent is known by
 * its token's name, an Alertmanager by token and receiver. A source that `expectsRegularContact`
 * (probe agents always; an Alertmanager once it has sent a Watchdog) and has been silent too long
 * makes the sites it alone watches `unknown`, not down.
 */
export const monitoringSources = pgTable(
  "monitoring_source",
  {
    id: serial("id").primaryKey(),
    kind: text("kind", { enum: MONITORING_SOURCE_KINDS }).notNull(),
    name: text("name").notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    expectsRegularContact: boolean("expects_regular_contact").notNull().default(false),
    /** Set by the silence job when the source went quiet; cleared when it speaks again. */
    silentSince: timestamp("silent_since", { withTimezone: true }),
  },
  (t) => [uniqueIndex("monitoring_source_kind_name_unique").on(t.kind, t.name)],
);

/**
 * The alerts Alertmanager reported for a site, latest state per alert name: the combination rule
 * (domain/link-combination.ts) reads the firing ones.
 */
export const siteAlerts = pgTable(
  "site_alert",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    alertname: text("alertname").notNull(),
    sourceId: integer("source_id").references(() => monitoringSources.id),
    firing: boolean("firing").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    /**
     * Set when the alert resolved while the site's monitoring was lost: a resolution for lack of
     * data is not evidence of up, so the alert is kept firing until it fires again or the monitoring
     * has been back long enough to have re-fired it (decision 018).
     */
    suspectSince: timestamp("suspect_since", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.alertname] })],
);

/** A stretch during which a site's monitoring was interrupted (shown in its history). */
export const siteMonitoringGaps = pgTable(
  "site_monitoring_gap",
  {
    id: serial("id").primaryKey(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: MONITORING_LOSS_REASONS }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** The link status the site kept meanwhile. */
    knownStatus: text("known_status", { enum: LINK_STATUSES }).notNull(),
  },
  (t) => [index("site_monitoring_gap_site_idx").on(t.siteId, t.startedAt), uniqueIndex("site_monitoring_gap_open_unique").on(t.siteId).where(sql`${t.endedAt} is null`)],
);

/**
 * What the probes last said about a site, for the two-sample hysteresis: the status the last
 * sample pointed to and how many consecutive samples agreed. A sample at or before
 * `lastSampleAt` is a repeat (or late) and counts once.
 */
export const siteProbeStates = pgTable("site_probe_state", {
  siteId: integer("site_id")
    .primaryKey()
    .references(() => sites.id, { onDelete: "cascade" }),
  lastSampleAt: timestamp("last_sample_at", { withTimezone: true }).notNull(),
  lastLatencyMs: real("last_latency_ms"),
  lastLossPct: real("last_loss_pct"),
  candidateStatus: text("candidate_status", { enum: LINK_STATUSES }).notNull(),
  consecutive: integer("consecutive").notNull().default(1),
  /** When the first of the `consecutive` samples was taken: a change needs time as well as count. */
  candidateSince: timestamp("candidate_since", { withTimezone: true }),
  /** The probe agent (monitoring source) that sent the last sample. */
  sourceId: integer("source_id").references(() => monitoringSources.id),
});

/**
 * One outage of a site (down or maintenance) as seen by the cases: opened when the site leaves
 * service, closed when it comes back. Lets the deadline extension and the citizens' outage
 * notice happen once per incident, whatever the flapping in between.
 */
export const siteOutages = pgTable(
  "site_outage",
  {
    id: serial("id").primaryKey(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    status: text("status", { enum: LINK_STATUSES }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    notifiedAt: timestamp("notified_at", { withTimezone: true }),
    /** Milliseconds added to the due date of the cases of the site's offices when it ended. */
    pausedMs: bigint("paused_ms", { mode: "number" }),
  },
  (t) => [
    index("site_outage_site_idx").on(t.siteId, t.startedAt),
    uniqueIndex("site_outage_open_unique").on(t.siteId).where(sql`${t.endedAt} is null`),
  ],
);

/** E-mail or SMS subscriptions to the incidents of a region or an agency (status page). */
export const incidentSubscriptions = pgTable(
  "incident_subscription",
  {
    id: serial("id").primaryKey(),
    channel: text("channel", { enum: ["email", "sms"] }).notNull(),
    recipient: text("recipient").notNull(),
    regionCode: text("region_code", { enum: REGION_CODES }),
    agencyId: integer("agency_id").references(() => agencies.id),
    locale: text("locale", { enum: ["fr", "en"] }).notNull().default("fr"),
    /** SHA-256 of the unsubscribe token sent in every message. */
    unsubscribeTokenHash: text("unsubscribe_token_hash").notNull().unique(),
    active: boolean("active").notNull().default(true),
    /**
     * Null until the person confirms (link by e-mail, code by SMS): only confirmed subscriptions
     * receive incident messages; unconfirmed ones expire (decision 016).
     */
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** SHA-256 of the e-mail link's token, or of "<handle>:<code>" for SMS; null once confirmed. */
    confirmationHash: text("confirmation_hash").unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("incident_subscription_region_idx").on(t.regionCode), index("incident_subscription_agency_idx").on(t.agencyId)],
);

/**
 * The public status summary (status page, /api/v1/status), recomputed when a link status changes
 * so that a crowd during an outage costs one primary-key read per page.
 */
export const statusSummaries = pgTable("status_summary", {
  id: text("id").primaryKey(),
  generatedAt: timestamp("generated_at", { withTimezone: true }).notNull(),
  summary: jsonb("summary").$type<Record<string, unknown>>().notNull(),
});
