import { and, asc, eq, gt, gte, lte, notExists, sql } from "drizzle-orm";
import { caseEvents, cases, procedures, users } from "../../db/schema";
import type { Locale } from "~/domain/constants";
import type { Database, Executor } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { i18next } from "~/utils/i18next.server";
import { applyTransition } from "./case-transitions.server";
import { enqueueNotifications } from "./outbox.server";
import type { PeriodicJob } from "./periodic-jobs.server";
import { notificationsFor, notifiedUserColumns } from "./routing-data.server";

/**
 * The automatic steps of a request for pieces (DESIGN.md §4): a reminder to the citizen 7 days
 * before the request lapses (once per request: an `info_reminder_sent` event), then, when it
 * lapses unanswered, `expireInfoRequest` closes the case without action (event + notice). Safe
 * when several servers run it at once: cases are claimed with FOR UPDATE SKIP LOCKED and
 * re-checked; the reminder's own event makes it idempotent.
 */
export const REMINDER_BEFORE_MS = 7 * 24 * 60 * 60 * 1000;
export const INFO_REMINDER_EVENT = "info_reminder_sent";
const BATCH = 200;

async function closedLabel(locale: Locale): Promise<string> {
  const t = await i18next.getFixedT(locale, "common");
  return t("status.case.closed");
}

/** Reminders due at `now`: awaiting_info, deadline within 7 days, no reminder since the request. */
export async function sendInfoReminders(db: Database, now: Date): Promise<number> {
  const horizon = new Date(now.getTime() + REMINDER_BEFORE_MS);
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: cases.id, reference: cases.reference, infoDueAt: cases.infoDueAt, applicant: notifiedUserColumns })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.applicantId))
      .where(
        and(
          eq(cases.status, "awaiting_info"),
          gt(cases.infoDueAt, now),
          lte(cases.infoDueAt, horizon),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(caseEvents)
              .where(and(eq(caseEvents.caseId, cases.id), eq(caseEvents.type, INFO_REMINDER_EVENT), gte(caseEvents.at, cases.statusChangedAt))),
          ),
        ),
      )
      .orderBy(asc(cases.infoDueAt))
      .limit(BATCH)
      .for("update", { of: cases, skipLocked: true });
    for (const row of rows) {
      await tx.insert(caseEvents).values({
        caseId: row.id,
        type: INFO_REMINDER_EVENT,
        fromStatus: "awaiting_info",
        toStatus: "awaiting_info",
        actorId: null,
        at: now,
        payload: { infoDueAt: row.infoDueAt!.toISOString() },
      });
      await enqueueNotifications(
        tx,
        notificationsFor(row.applicant, "case_info_reminder", { reference: row.reference, dueDate: formatDate(row.infoDueAt!, row.applicant.locale) }),
      );
    }
    return rows.length;
  });
}

/** Requests lapsed at `now`: the case is closed without action, the citizen told. */
export async function expireInfoRequests(db: Database, now: Date): Promise<number> {
  return db.transaction(async (tx: Executor) => {
    const rows = await tx
      .select({
        id: cases.id,
        reference: cases.reference,
        status: cases.status,
        version: cases.version,
        submittedAt: cases.submittedAt,
        statusChangedAt: cases.statusChangedAt,
        pausedMs: cases.pausedMs,
        infoDueAt: cases.infoDueAt,
        targetDelayDays: procedures.targetDelayDays,
        applicant: notifiedUserColumns,
      })
      .from(cases)
      .innerJoin(procedures, eq(procedures.id, cases.procedureId))
      .innerJoin(users, eq(users.id, cases.applicantId))
      .where(and(eq(cases.status, "awaiting_info"), lte(cases.infoDueAt, now)))
      .orderBy(asc(cases.infoDueAt))
      .limit(BATCH)
      .for("update", { of: cases, skipLocked: true });
    for (const row of rows) {
      await applyTransition(
        tx,
        { ...row, pausedMs: Number(row.pausedMs) },
        {
          name: "expireInfoRequest",
          actor: "system",
          actorId: null,
          set: { decidedAt: now, infoDueAt: null },
          payload: { infoDueAt: row.infoDueAt!.toISOString() },
          notifications: notificationsFor(row.applicant, "case_status_changed", { reference: row.reference, status: await closedLabel(row.applicant.locale) }),
          now,
        },
      );
    }
    return rows.length;
  });
}

export async function runInfoRequestSteps(db: Database, now: Date): Promise<{ reminded: number; expired: number }> {
  const expired = await expireInfoRequests(db, now);
  const reminded = await sendInfoReminders(db, now);
  return { reminded, expired };
}

export const infoRequestJob: PeriodicJob = {
  name: "info-requests",
  intervalMs: 10 * 60_000,
  run: (db, now) => runInfoRequestSteps(db, now),
};
