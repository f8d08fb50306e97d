import { and, eq, sql } from "drizzle-orm";
import { caseEvents, cases } from "../../db/schema";
import type { CaseStatus } from "~/domain/constants";
import { dueDate } from "~/domain/deadlines";
import { checkTransition, clockPaused, EVENT_TYPES, type Actor, type TransitionName } from "~/domain/lifecycle";
import type { Executor } from "~/utils/db.server";
import { enqueueNotifications, type OutgoingNotification } from "./outbox.server";

/** Someone else changed the case first (optimistic lock): reload and show the new state. */
export class CaseConflictError extends Error {
  constructor(readonly caseId: string) {
    super(`case ${caseId} changed meanwhile`);
    this.name = "CaseConflictError";
  }
}

/** The lifecycle refuses the transition (wrong status, wrong actor, missing reason or message). */
export class TransitionRefusedError extends Error {
  constructor(
    readonly transition: TransitionName,
    readonly error: "wrong_status" | "not_allowed" | "reason_required" | "message_required" | "bad_target",
  ) {
    super(`${transition} refused: ${error}`);
    this.name = "TransitionRefusedError";
  }
}

/** What a transition needs to know of the case as the caller read it. */
export interface CaseState {
  id: string;
  status: CaseStatus;
  version: number;
  submittedAt: Date | null;
  statusChangedAt: Date;
  pausedMs: number;
  targetDelayDays: number;
}

export interface TransitionInput {
  name: TransitionName;
  actor: Actor;
  actorId: string | null;
  /** For transitions with several possible targets (submit: submitted or queued). */
  to?: CaseStatus;
  reason?: string | null;
  message?: string | null;
  /** Other columns to set with the status (office, assignee, dates...). */
  set?: Partial<typeof cases.$inferInsert>;
  /** Stored with the event: what the timeline and the audit need. */
  payload?: Record<string, unknown>;
  notifications?: OutgoingNotification[];
  now?: Date;
}

export interface TransitionResult {
  status: CaseStatus;
  version: number;
  dueAt: Date | null;
  pausedMs: number;
}

/**
 * Apply one lifecycle transition in the caller's transaction: the guard, the new status under an
 * optimistic lock (`version` must be the one read, else CaseConflictError and nothing is
 * written), the event, and the notifications — all or nothing with the caller's other writes.
 *
 * Leaving a status where the clock stands still (awaiting_info) adds the wait to `paused_ms` and
 * moves the due date by as much.
 */
export async function applyTransition(tx: Executor, state: CaseState, input: TransitionInput): Promise<TransitionResult> {
  const check = checkTransition(input.name, state.status, input.actor, { reason: input.reason, message: input.message });
  if (!check.ok) throw new TransitionRefusedError(input.name, check.error);
  const targets: readonly CaseStatus[] = typeof check.to === "string" ? [check.to] : check.to;
  const to = input.to ?? (targets.length === 1 ? targets[0]! : undefined);
  if (!to || !targets.includes(to)) throw new TransitionRefusedError(input.name, "bad_target");

  const now = input.now ?? new Date();
  let pausedMs = state.pausedMs;
  let waitedMs = 0;
  if (state.status !== "draft" && state.status !== "queued" && clockPaused(state.status) && !clockPaused(to)) {
    waitedMs = Math.max(0, now.getTime() - state.statusChangedAt.getTime());
    pausedMs += waitedMs;
  }
  const submittedAt = (input.set?.submittedAt as Date | undefined) ?? state.submittedAt;
  const recomputeDue = waitedMs > 0 && submittedAt && input.set?.dueAt === undefined;

  const [updated] = await tx
    .update(cases)
    .set({
      ...input.set,
      status: to,
      pausedMs,
      ...(recomputeDue ? { dueAt: dueDate(submittedAt, state.targetDelayDays, pausedMs) } : {}),
      statusChangedAt: now,
      updatedAt: now,
      version: sql`${cases.version} + 1`,
    })
    .where(and(eq(cases.id, state.id), eq(cases.version, state.version), eq(cases.status, state.status)))
    .returning({ status: cases.status, version: cases.version, dueAt: cases.dueAt, pausedMs: cases.pausedMs });
  if (!updated) throw new CaseConflictError(state.id);

  await tx.insert(caseEvents).values({
    caseId: state.id,
    type: input.name === "submit" && to === "queued" ? "queued" : EVENT_TYPES[input.name],
    fromStatus: state.status,
    toStatus: to,
    actorId: input.actorId,
    at: now,
    payload: {
      ...input.payload,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(waitedMs > 0 ? { pausedMs: waitedMs } : {}),
    },
  });
  await enqueueNotifications(tx, input.notifications ?? []);
  return { status: updated.status, version: updated.version, dueAt: updated.dueAt, pausedMs: Number(updated.pausedMs) };
}

/** The columns `applyTransition` needs, for a select. */
export const caseStateColumns = {
  id: cases.id,
  status: cases.status,
  version: cases.version,
  submittedAt: cases.submittedAt,
  statusChangedAt: cases.statusChangedAt,
  pausedMs: cases.pausedMs,
};
