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
