import { and, count, desc, eq, isNull } from "drizzle-orm";
import { notifications } from "../../db/schema";
import type { Locale } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";
import { renderNotification } from "./notifications/render.server";

export interface InAppNotification {
  id: number;
  template: string;
  title: string;
  body: string;
  /** The case the notification is about, when there is one. */
  reference: string | null;
  /** Its page: the citizen's case page, or the desk's for notices to staff. */
  href: string | null;
  createdAt: Date;
  unread: boolean;
}

/**
 * The in-portal notifications of a user, newest first, written in the language of the page
 * being read (not the one of the day they were sent).
 */
export async function listInAppNotifications(executor: Executor, userId: string, locale: Locale, limit = 50): Promise<InAppNotification[]> {
  const rows = await executor
    .select({
      id: notifications.id,
      template: notifications.template,
      payload: notifications.payload,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, "in_app")))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit);
  return rows.flatMap((row) => {
    let title: string;
    let body: string;
    try {
      const rendered = renderNotification(row.template, locale, "email", row.payload);
      // In the portal, the e-mail's "Guichet :" prefix, greeting and signature are noise.
      const subject = (rendered.subject ?? "").replace(/^Guichet ?: /, "");
      title = subject.charAt(0).toUpperCase() + subject.slice(1);
      const paragraphs = rendered.text.split("\n\n").slice(0, -1);
      body = paragraphs.filter((p, i) => !(i === 0 && /^(Bonjour|Hello)\b[^\n]*,$/.test(p))).join("\n\n");
    } catch {
      return []; // a template removed since: nothing sensible to show
    }
    const reference = typeof row.payload.reference === "string" ? row.payload.reference : null;
    const href = reference ? (row.template.endsWith("_staff") ? `/agent/dossiers/${reference}` : `/mon-espace/dossiers/${reference}`) : null;
    return [{ id: row.id, template: row.template, title, body, reference, href, createdAt: row.createdAt, unread: row.readAt === null }];
  });
}

export async function countUnread(executor: Executor, userId: string): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, "in_app"), isNull(notifications.readAt)));
  return Number(row?.n ?? 0);
}

/** Viewing the list reads them all. */
export async function markAllRead(executor: Executor, userId: string, now = new Date()): Promise<void> {
  await executor
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), eq(notifications.channel, "in_app"), isNull(notifications.readAt)));
}
