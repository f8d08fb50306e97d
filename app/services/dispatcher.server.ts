import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { caseEvents, cases, procedures, siteOutages, sites, offices, users } from "../../db/schema";
import type { RegionCode } from "~/domain/constants";
import { dueDate } from "~/domain/deadlines";
import { routeCase } from "~/domain/routing";
import type { Database } from "~/utils/db.server";
import { extendDeadlines } from "./network-effects.server";
import { enqueueNotifications, type OutgoingNotification } from "./outbox.server";
import type { PeriodicJob } from "./periodic-jobs.server";
import { loadRoutingOffices, notificationsFor, notifiedUserColumns } from "./routing-data.server";

export interface DispatchResult {
  forwarded: number;
  stillQueued: number;
}

/**
 * Store-and-forward: queued cases, oldest filing first, go to the office routing now finds for
 * them. One transaction per batch; rows are claimed with FOR UPDATE SKIP LOCKED so that several
 * app servers share the queue without forwarding a case twice.
 *
 * The clock of a queued case was paused while it waited: the wait is added to `paused_ms`, so
 * `due_at = submitted_at + delay + paused_ms` still holds and the office gets the full delay.
 */
export async function dispatchQueuedCases(db: Database, options: { now?: Date; limit?: number; maxBatches?: number } = {}): Promise<DispatchResult> {
  const now = options.now ?? new Date();
  const total: DispatchResult = { forwarded: 0, stillQueued: 0 };
  // Cases that cannot go anywhere yet stay at the head of the queue: page past them (keyset)
  // so that they never hold back younger cases that can.
  let cursor: QueueCursor | null = null;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const result = await dispatchBatch(db, now, options.limit ?? 200, cursor);
    total.forwarded += result.forwarded;
    total.stillQueued += result.stillQueued;
    if (!result.next) break;
    cursor = result.next;
  }
  return total;
}

interface QueueCursor {
  key: string;
  id: string;
}

async function dispatchBatch(db: Database, now: Date, limit: number, cursor: QueueCursor | null): Promise<DispatchResult & { next: QueueCursor | null }> {
  const queueKey = sql<string>`coalesce(${cases.submittedAt}, ${cases.createdAt})`;
  return db.transaction(async (tx) => {
    const queued = await tx
      .select({
        id: cases.id,
        key: sql<string>`to_char(${queueKey} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
        reference: cases.reference,
        regionCode: cases.regionCode,
        preferredOfficeId: cases.preferredOfficeId,
        submittedAt: cases.submittedAt,
        pausedMs: cases.pausedMs,
        agencyId: procedures.agencyId,
        targetDelayDays: procedures.targetDelayDays,
        user: notifiedUserColumns,
      })
      .from(cases)
      .innerJoin(procedures, eq(procedures.id, cases.procedureId))
      .innerJoin(users, eq(users.id, cases.applicantId))
      .where(
        and(
          eq(cases.status, "queued"),
          cursor ? sql`(${queueKey}, ${cases.id}) > (${cursor.key}::timestamp at time zone 'UTC', ${cursor.id}::uuid)` : undefined,
        ),
      )
      .orderBy(asc(queueKey), asc(cases.id))
      .limit(limit)
      .for("update", { of: cases, skipLocked: true });
    if (queued.length === 0) return { forwarded: 0, stillQueued: 0, next: null };

    const candidates = await loadRoutingOffices(tx, { agencyIds: [...new Set(queued.map((c) => c.agencyId))], withOpenCases: true });
    const byId = new Map(candidates.map((o) => [o.id, o]));
    const items: OutgoingNotification[] = [];
    let forwarded = 0;
    for (const row of queued) {
      if (!row.regionCode) continue;
      const decision = routeCase({ agencyId: row.agencyId, region: row.regionCode, preferredOfficeId: row.preferredOfficeId, offices: candidates });
      if (decision.outcome !== "office") continue;
      const office = byId.get(decision.officeId)!;
      office.openCases++; // later cases of the batch see this one
      const submittedAt = row.submittedAt ?? now;
      const queuedMs = Math.max(0, now.getTime() - submittedAt.getTime());
      const pausedMs = row.pausedMs + queuedMs;
      await tx
        .update(cases)
        .set({
          status: "submitted",
          officeId: office.id,
          routingReason: decision.reason,
          submittedAt,
          pausedMs,
          dueAt: dueDate(submittedAt, row.targetDelayDays, pausedMs),
          version: sql`${cases.version} + 1`,
          updatedAt: now,
        })
        .where(and(eq(cases.id, row.id), eq(cases.status, "queued")));
      await tx.insert(caseEvents).values({
        caseId: row.id,
        type: "forwarded",
        fromStatus: "queued",
        toStatus: "submitted",
        at: now,
        payload: { officeId: office.id, officeName: office.name, reason: decision.reason, queuedMs },
      });
      items.push(...notificationsFor(row.user, "case_forwarded", { reference: row.reference, officeName: office.name }));
      forwarded++;
    }
    await enqueueNotifications(tx, items);
    const last = queued[queued.length - 1]!;
    return { forwarded, stillQueued: queued.length - forwarded, next: queued.length === limit ? { key: last.key, id: last.id } : null };
  });
}

export interface RerouteResult {
  rerouted: number;
  stranded: number;
}

/** REROUTE_GRACE_HOURS (default 4): how long an unclaimed case waits for its office's link. */
export function rerouteGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const hours = Number(env.REROUTE_GRACE_HOURS);
  return (Number.isFinite(hours) && hours > 0 ? hours : 4) * 60 * 60 * 1000;
}

/**
 * Unclaimed `submitted` cases at an office whose building has been out (down or maintenance) for
 * longer than the grace period go to another office, if routing finds one. The case keeps its
 * filing time; the outage time it already spent is added to its deadline.
 */
export async function rerouteStrandedCases(
  db: Database,
  options: { now?: Date; graceMs?: number; limit?: number } = {},
): Promise<RerouteResult> {
  const now = options.now ?? new Date();
  const graceMs = options.graceMs ?? rerouteGraceMs();
  const cutoff = new Date(now.getTime() - graceMs);
  return db.transaction(async (tx) => {
    const stranded = await tx
      .select({
        id: cases.id,
        reference: cases.reference,
        regionCode: cases.regionCode,
        siteRegion: sites.regionCode,
        officeId: cases.officeId,
        preferredOfficeId: cases.preferredOfficeId,
        agencyId: procedures.agencyId,
        outageId: siteOutages.id,
        outageStartedAt: siteOutages.startedAt,
        outageStatus: siteOutages.status,
        user: notifiedUserColumns,
      })
      .from(cases)
      .innerJoin(procedures, eq(procedures.id, cases.procedureId))
      .innerJoin(offices, eq(offices.id, cases.officeId))
      .innerJoin(sites, eq(sites.id, offices.siteId))
      .innerJoin(siteOutages, and(eq(siteOutages.siteId, sites.id), isNull(siteOutages.endedAt)))
      .innerJoin(users, eq(users.id, cases.applicantId))
      .where(
        and(
          eq(cases.status, "submitted"),
          isNull(cases.assigneeId),
          sql`${sites.linkStatus} in ('down', 'maintenance')`,
          lte(siteOutages.startedAt, cutoff),
        ),
      )
      .orderBy(asc(cases.submittedAt), asc(cases.id))
      .limit(options.limit ?? 200)
      .for("update", { of: cases, skipLocked: true });
    if (stranded.length === 0) return { rerouted: 0, stranded: 0 };

    const candidates = await loadRoutingOffices(tx, { agencyIds: [...new Set(stranded.map((c) => c.agencyId))], withOpenCases: true });
    const byId = new Map(candidates.map((o) => [o.id, o]));
    const items: OutgoingNotification[] = [];
    let rerouted = 0;
    for (const row of stranded) {
      const fromOfficeId = row.officeId!;
      const decision = routeCase({
        agencyId: row.agencyId,
        region: (row.regionCode ?? row.siteRegion) as RegionCode,
        preferredOfficeId: row.preferredOfficeId,
        excludeOfficeIds: [fromOfficeId],
        offices: candidates,
      });
      if (decision.outcome !== "office") continue;
      const office = byId.get(decision.officeId)!;
      office.openCases++;
      const reason = row.outageStatus === "maintenance" ? "maintenance" : "office_link_down";
      // The time already lost at the old office; its outage's end will no longer concern this case.
      const [credit] = await extendDeadlines(tx, { caseIds: [row.id], outageId: row.outageId, from: row.outageStartedAt, to: now, reason });
      await tx
        .update(cases)
        .set({ officeId: office.id, routingReason: decision.reason, version: sql`${cases.version} + 1`, updatedAt: now })
        .where(and(eq(cases.id, row.id), eq(cases.status, "submitted"), isNull(cases.assigneeId)));
      await tx.insert(caseEvents).values({
        caseId: row.id,
        type: "rerouted",
        fromStatus: "submitted",
        toStatus: "submitted",
        at: now,
        payload: {
          fromOfficeId,
          officeId: office.id,
          officeName: office.name,
          reason: decision.reason,
          outageId: row.outageId,
          pausedMs: credit?.pausedMs ?? 0,
        },
      });
      items.push(...notificationsFor(row.user, "case_rerouted", { reference: row.reference, officeName: office.name }));
      rerouted++;
    }
    await enqueueNotifications(tx, items);
    return { rerouted, stranded: stranded.length - rerouted };
  });
}

/** Queued cases go out within 30 s of their office's building coming back (the job's interval). */
export const dispatcherJob: PeriodicJob = {
  name: "dispatcher",
  intervalMs: 30_000,
  run: (db, now) => dispatchQueuedCases(db, { now }),
};

export const rerouteJob: PeriodicJob = {
  name: "reroute-stranded-cases",
  intervalMs: 5 * 60_000,
  run: (db, now) => rerouteStrandedCases(db, { now, graceMs: rerouteGraceMs() }),
};
