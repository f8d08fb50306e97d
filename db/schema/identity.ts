import { relations, sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { LOCALES, PASSWORD_TOKEN_PURPOSES, REGION_CODES, STAFF_ROLES } from "../../app/domain/constants";
import { offices } from "./organisation";

/** A person with an account: a citizen, or staff when they hold staff roles. */
export const users = pgTable(
  "user",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-case. At least one of email and phone is set. */
    email: text("email"),
    /** E.164, e.g. +22890123456. */
    phone: text("phone"),
    passwordHash: text("password_hash"),
    fullName: text("full_name").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull().default("fr"),
    regionCode: text("region_code", { enum: REGION_CODES }),
    notifyByEmail: boolean("notify_by_email").notNull().default(true),
    notifyBySms: boolean("notify_by_sms").notNull().default(true),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("user_email_unique").on(t.email).where(sql`${t.email} is not null`),
    uniqueIndex("user_phone_unique").on(t.phone).where(sql`${t.phone} is not null`),
  ],
);

/** Roles of staff. agent/supervisor are held for one office; operator/admin are global (office null). */
export const staffRoles = pgTable(
  "staff_role",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: STAFF_ROLES }).notNull(),
    officeId: integer("office_id").references(() => offices.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("staff_role_unique").on(t.userId, t.role, sql`coalesce(${t.officeId}, 0)`),
    index("staff_role_office_idx").on(t.officeId, t.role),
  ],
);

/**
 * Sessions after the Lucia design: the cookie holds a random token, the id is its SHA-256 (hex).
 * `expiresAt` slides with activity (idle limit); `absoluteExpiresAt` never moves.
 */
export const sessions = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    absoluteExpiresAt: timestamp("absolute_expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("session_user_idx").on(t.userId), index("session_expires_idx").on(t.expiresAt)],
);

/** Single-use tokens for a forgotten password (or an invitation to set one). Stored hashed. */
export const passwordResetTokens = pgTable(
  "password_reset_token",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** "invitation": a staff account's first password, set from the link an administrator sent (48 h). */
    purpose: text("purpose", { enum: PASSWORD_TOKEN_PURPOSES }).notNull().default("reset"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("password_reset_token_user_idx").on(t.userId)],
);

/**
 * A sign-up waiting for the owner of its identifier to open the link sent there (decision 013):
 * the account is created only then, so nobody holds an address or a number they do not own, and
 * the sign-up form answers the same whether an account exists or not. The token is stored hashed.
 */
export const pendingSignUps = pgTable(
  "pending_sign_up",
  {
    id: text("id").primaryKey(),
    identifierKind: text("identifier_kind", { enum: ["email", "phone"] }).notNull(),
    /** Normalised as in `user` (lower-case e-mail, E.164 phone). */
    identifier: text("identifier").notNull(),
    fullName: text("full_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull().default("fr"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("pending_sign_up_identifier_idx").on(t.identifier), index("pending_sign_up_expires_idx").on(t.expiresAt)],
);

export const usersRelations = relations(users, ({ many }) => ({
  staffRoles: many(staffRoles),
  sessions: many(sessions),
}));
export const staffRolesRelations = relations(staffRoles, ({ one }) => ({
  user: one(users, { fields: [staffRoles.userId], references: [users.id] }),
  office: one(offices, { fields: [staffRoles.officeId], references: [offices.id] }),
}));
export const sessionsRelations = relations(sessions, ({ one }) => ({
  user: one(users, { fields: [sessions.userId], references: [users.id] }),
}));
