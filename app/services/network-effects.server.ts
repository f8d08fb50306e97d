import { and, desc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import { caseEvents, cases, linkStatusChanges, offices, siteOutages, staffRoles, users } from "../../db/schema";
import { OFFICE_ROLES, type CaseStatus, type LinkSource, type LinkStatus } from "~/domain/constants";
import { continuesPreviousOutage, OUTAGE_REOPEN_WINDOW_MS } from "~/domain/deadlines";
import { isOutage, isServing } from "~/domain/routing";
import type { Executor } from "~/utils/db.server";
import { enqueueNotifications, type OutgoingNotification } from "./outbox.server";
import { notifyIncidentSubscribers } from "./incident-alerts.server";
import { notificationsFor, notifiedUserColumns } from "./routing-data.server";

export interface SiteStatusChanged {
  siteId: number;
  from: LinkStatus;
  to: LinkStatus;
  at: Date;
  source: LinkSource;
}

/** Cases whose clock runs at the office: they get the outage time back. */
const CLOCK_RUNNING_STATUSES = ["submitted", "in_review"] as const satisfies readonly CaseStatus[];
/** Cases whose applicant is told about an outage of their office. */
const AFFECTED_STATUSES = ["submitted", "in_review", "awaiting_info"] as const satisfies readonly CaseStatus[];
/** References listed in one outage message (SMS length). */
const MAX_REFERENCES = 3;

export type DeadlineExtensionReason = "office_link_down" | "maintenance";

/**
 * What a link status change does to the service, in the same transaction as the change:
 * outages of the site's offices are opened and closed, deadlines of their open cases paused and
 * extended, affected citizens notified once per incident.
 *
 * Queued cases are not forwarded here: the dispatcher job (dispatcher.server.ts, every 30 s)
 * picks them up once this transaction is committed.
 */
export async function applyNetworkEffects(tx: Executor, change: SiteStatusChanged): Promise<void> {
  const wasOut = isOutage(change.from);
  const isOut = isOutage(change.to);
  if (!wasOut && isOut) await openOutage(tx, change);
  else if (wasOut && isOut) await tx.update(siteOutages).set({ status: change.to }).where(openOutageOf(change.siteId));
  else if (wasOut && !isOut) await closeOutage(tx, change);
}

const openOutageOf = (siteId: number) => and(eq(siteOutages.siteId, siteId), isNull(siteOutages.endedAt));

async function openOutage(tx: Executor, change: SiteStatusChanged): Promise<void> {
  const [open] = await tx.select({ id: siteOutages.id }).from(siteOutages).where(openOutageOf(change.siteId)).for("update");
  if (open) return;
  // A site that was serving only for a few minutes is flapping: the previous incident goes on,
  // its citizens were already told.
  const [previous] = await tx
    .select({ id: siteOutages.id, endedAt: siteOutages.endedAt, notifiedAt: siteOutages.notifiedAt })
    .from(siteOutages)
    .where(and(eq(siteOutages.siteId, change.siteId), isNotNull(siteOutages.endedAt)))
    .orderBy(desc(siteOutages.endedAt))
    .limit(1)
    .for("update");
  if (previous && isServing(change.from) && continuesPreviousOutage(previous.endedAt, change.at, OUTAGE_REOPEN_WINDOW_MS)) {
    await tx.update(siteOutages).set({ endedAt: null, status: change.to }).where(eq(siteOutages.id, previous.id));
    if (previous.notifiedAt) return;
    await notifyOutage(tx, previous.id, change);
    return;
  }
  const [outage] = await tx
    .insert(siteOutages)
    .values({ siteId: change.siteId, status: change.to, startedAt: change.at })
    .onConflictDoNothing()
    .returning({ id: siteOutages.id });
  if (outage) await notifyOutage(tx, outage.id, change);
}

/** One message per applicant (all their affected references), one in-portal note per agent. */
async function notifyOutage(tx: Executor, outageId: number, change: SiteStatusChanged): Promise<void> {
  const template = change.to === "maintenance" ? "office_maintenance" : "office_outage";
  const affected = await tx
    .select({ reference: cases.reference, officeName: offices.name, user: notifiedUserColumns })
    .from(cases)
    .innerJoin(offices, eq(offices.id, cases.officeId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .where(and(eq(offices.siteId, change.siteId), inArray(cases.status, [...AFFECTED_STATUSES])))
    .orderBy(cases.applicantId, cases.submittedAt, cases.id);
  const byApplicant = new Map<string, typeof affected>();
  for (const row of affected) byApplicant.set(row.user.id, [...(byApplicant.get(row.user.id) ?? []), row]);

  const items: OutgoingNotification[] = [];
  for (const rows of byApplicant.values()) {
    const first = rows[0]!;
    const references = rows.slice(0, MAX_REFERENCES).map((r) => r.reference);
    const more = rows.length - references.length;
    items.push(
      ...notificationsFor(first.user, template, {
        officeName: first.officeName,
        references: more > 0 ? `${references.join(", ")} (+${more})` : references.join(", "),
        outageId,
      }),
    );
  }

  const staff = await tx
    .selectDistinct({ userId: staffRoles.userId, locale: users.locale, officeName: offices.name })
    .from(staffRoles)
    .innerJoin(offices, eq(offices.id, staffRoles.officeId))
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(offices.siteId, change.siteId), inArray(staffRoles.role, [...OFFICE_ROLES]), isNull(users.disabledAt)));
  for (const member of staff) {
    items.push({
      userId: member.userId,
      channel: "in_app",
      template: "office_outage_staff",
      locale: member.locale,
      payload: { officeName: member.officeName, outageId, status: change.to },
    });
  }

  await enqueueNotifications(tx, items);
  // People who subscribed to the incidents of the region or of an agency housed there.
  await notifyIncidentSubscribers(tx, { siteId: change.siteId, status: change.to, at: change.at });
  await tx.update(siteOutages).set({ notifiedAt: change.at }).where(eq(siteOutages.id, outageId));
}

/**
 * The site serves again: the outage ends, and the open cases of its offices get back the time
 * of this stretch (from the last failure, not from the start of a flapping incident, so that
 * the minutes in between are not counted twice).
 */
async function closeOutage(tx: Executor, change: SiteStatusChanged): Promise<void> {
  const [outage] = await tx
    .select({ id: siteOutages.id, startedAt: siteOutages.startedAt, pausedMs: siteOutages.pausedMs })
    .from(siteOutages)
    .where(openOutageOf(change.siteId))
    .for("update");
  if (!outage) return;
  const [lastFailure] = await tx
    .select({ atMs: sql<string | null>`extract(epoch from max(${linkStatusChanges.at})) * 1000` })
    .from(linkStatusChanges)
    .where(
      and(
        eq(linkStatusChanges.siteId, change.siteId),
        inArray(linkStatusChanges.fromStatus, ["up", "degraded"]),
        inArray(linkStatusChanges.toStatus, ["down", "maintenance"]),
        sql`${linkStatusChanges.at} <= ${change.at.toISOString()}`,
        sql`${linkStatusChanges.at} >= ${outage.startedAt.toISOString()}`,
      ),
    );
  const stretchStart = lastFailure?.atMs != null ? new Date(Math.round(Number(lastFailure.atMs))) : outage.startedAt;
  const stretchMs = Math.max(0, change.at.getTime() - stretchStart.getTime());
  await tx
    .update(siteOutages)
    .set({ endedAt: change.at, pausedMs: (outage.pausedMs ?? 0) + stretchMs })
    .where(eq(siteOutages.id, outage.id));
  if (stretchMs === 0) return;

  const reason: DeadlineExtensionReason = change.from === "maintenance" ? "maintenance" : "office_link_down";
  await extendDeadlines(tx, { siteId: change.siteId, outageId: outage.id, from: stretchStart, to: change.at, reason });
}

/**
 * Adds to the due date of the open cases of a site's offices the part of [from, to] after each
 * case reached its office, with a `deadline_extended` event per case. Also used when a case is
 * re-routed away from a down office (officeId given).
 */
export async function extendDeadlines(
  tx: Executor,
  input: { siteId?: number; caseIds?: string[]; outageId: number; from: Date; to: Date; reason: DeadlineExtensionReason },
): Promise<{ caseId: string; pausedMs: number }[]> {
  const from = input.from.toISOString();
  const to = input.to.toISOString();
  // Milliseconds owed to each case: the stretch, less the part before it was filed (casePauseMs).
  const owed = sql<number>`greatest(0, floor(extract(epoch from (${to}::timestamptz - greatest(${from}::timestamptz, coalesce(${cases.submittedAt}, ${from}::timestamptz)))) * 1000))::bigint`;
  const scope = input.caseIds
    ? inArray(cases.id, input.caseIds)
    : sql`${cases.officeId} in (select ${offices.id} from ${offices} where ${offices.siteId} = ${input.siteId ?? -1})`;
  const extended = await tx
    .update(cases)
    .set({
      dueAt: sql`${cases.dueAt} + (${owed} * interval '1 millisecond')`,
      pausedMs: sql`${cases.pausedMs} + ${owed}`,
      updatedAt: input.to,
    })
    .where(and(scope, inArray(cases.status, [...CLOCK_RUNNING_STATUSES]), sql`${owed} > 0`))
    .returning({ caseId: cases.id, status: cases.status, pausedMs: sql<number>`${owed}` });
  if (extended.length === 0) return [];
  await tx.insert(caseEvents).values(
    extended.map((row) => ({
      caseId: row.caseId,
      type: "deadline_extended",
      fromStatus: row.status,
      toStatus: row.status,
      at: input.to,
      payload: { outageId: input.outageId, pausedMs: Number(row.pausedMs), reason: input.reason },
    })),
  );
  return extended.map((row) => ({ caseId: row.caseId, pausedMs: Number(row.pausedMs) }));
}
