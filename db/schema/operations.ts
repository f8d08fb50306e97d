import { sql } from "drizzle-orm";
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { LOCALES, NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from "../../app/domain/constants";
import { users } from "./identity";

/**
 * Transactional outbox: a notification is a row written in the same transaction as the change
 * that causes it; the outbox worker sends it (email, SMS) or it is simply shown (in_app).
 */
export const notifications = pgTable(
  "notification",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    /** E-mail address or E.164 phone number; null for in_app. */
    recipient: text("recipient"),
    template: text("template").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull().default("fr"),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status", { enum: NOTIFICATION_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    /** The rendered message as sent (subject + body), kept for the development sink and support. */
    renderedSubject: text("rendered_subject"),
    renderedBody: text("rendered_body"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    // Due rows, and rows whose sending lease expired (both keyed on next_attempt_at).
    index("notification_due_idx").on(t.status, t.nextAttemptAt).where(sql`${t.status} in ('pending', 'sending')`),
    index("notification_user_idx").on(t.userId, t.channel, t.createdAt),
  ],
);

/** Security journal: logins, failures, refusals, admin changes. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    outcome: text("outcome", { enum: ["success", "failure", "refused"] }).notNull().default("success"),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    requestId: text("request_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    index("audit_log_action_idx").on(t.action, t.at),
    index("audit_log_target_idx").on(t.targetType, t.targetId, t.at),
  ],
);

/** Fixed-window rate-limit counters, shared by every app server. */
export const rateLimits = pgTable(
  "rate_limit",
  {
    key: text("key").primaryKey(),
    count: integer("count").notNull().default(0),
    resetAt: timestamp("reset_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limit_reset_idx").on(t.resetAt)],
);
