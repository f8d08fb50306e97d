import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { notifications } from "../../db/schema";
import type { Locale, NotificationChannel } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";

export interface OutgoingNotification {
  userId?: string | null;
  channel: NotificationChannel;
  /** E-mail address or +228 phone number; omitted for in_app. */
  recipient?: string | null;
  /** Template name, e.g. "password_reset"; its texts are in locales/<lng>/notifications.json. */
  template: string;
  locale: Locale;
  payload?: Record<string, unknown>;
}

/**
 * Queue notifications in the caller's transaction (transactional outbox): they exist if and only
 * if the change that causes them is committed. The outbox worker sends them.
 */
export async function enqueueNotifications(executor: Executor, items: OutgoingNotification[]): Promise<void> {
  if (items.length === 0) return;
  await executor.insert(notifications).values(
    items.map((n) => ({
      userId: n.userId ?? null,
      channel: n.channel,
      recipient: n.recipient ?? null,
      template: n.template,
      locale: n.locale,
      payload: n.payload ?? {},
      status: n.channel === "in_app" ? ("sent" as const) : ("pending" as const),
      sentAt: n.channel === "in_app" ? new Date() : null,
    })),
  );
}

/**
 * The development outbox page exists outside production, and in a production build only when
 * DEV_OUTBOX=1 (the end-to-end tests read reset links there).
 */
export function isDevOutboxEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "production" || env.DEV_OUTBOX === "1";
}

export interface OutboxEntry {
  id: number;
  channel: NotificationChannel;
  recipient: string | null;
  template: string;
  locale: Locale;
  status: (typeof notifications.$inferSelect)["status"];
  attempts: number;
  lastError: string | null;
  renderedSubject: string | null;
  renderedBody: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** The latest e-mails and SMS, newest first, optionally for one recipient (development page). */
export async function listRecentOutbox(executor: Executor, options: { limit?: number; recipient?: string } = {}): Promise<OutboxEntry[]> {
  const recipient = options.recipient?.trim().toLowerCase();
  return executor
    .select({
      id: notifications.id,
      channel: notifications.channel,
      recipient: notifications.recipient,
      template: notifications.template,
      locale: notifications.locale,
      status: notifications.status,
      attempts: notifications.attempts,
      lastError: notifications.lastError,
      renderedSubject: notifications.renderedSubject,
      renderedBody: notifications.renderedBody,
      createdAt: notifications.createdAt,
      sentAt: notifications.sentAt,
    })
    .from(notifications)
    .where(
      and(
        inArray(notifications.channel, ["email", "sms"]),
        recipient ? eq(sql`lower(${notifications.recipient})`, recipient) : undefined,
      ),
    )
    .orderBy(desc(notifications.id))
    .limit(options.limit ?? 50);
}
