import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { cases, procedures, staffRoles, users } from "../../db/schema";
import type { CaseStatus, Locale } from "~/domain/constants";
import { parseReference } from "~/domain/reference";
import type { Database, Executor } from "~/utils/db.server";
import { applyTransition, type CaseState } from "./case-transitions.server";
import { notificationsFor, notifiedUserColumns } from "./routing-data.server";

/**
 * Development tools standing in for the agent's desk until it exists: ask for pieces, decide.
 * Reachable only where the development outbox is (never in production without DEV_OUTBOX=1).
 * They go through the same transitions as the desk will.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

export type DevToolResult = { ok: true } | { ok: false; error: "not_found" | "no_office" | "wrong_status" };

async function loadCase(tx: Executor, typed: string) {
  const reference = parseReference(typed);
  if (!reference) return null;
  const [row] = await tx
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      version: cases.version,
      submittedAt: cases.submittedAt,
      statusChangedAt: cases.statusChangedAt,
      pausedMs: cases.pausedMs,
      officeId: cases.officeId,
      targetDelayDays: procedures.targetDelayDays,
      infoRequestExpiryDays: procedures.infoRequestExpiryDays,
      applicant: notifiedUserColumns,
    })
    .from(cases)
    .innerJoin(procedures, eq(procedures.id, cases.procedureId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .where(eq(cases.reference, reference))
    .for("update", { of: cases });
  return row ?? null;
}

async function firstAgentOf(tx: Executor, officeId: number): Promise<string | null> {
  const [row] = await tx
    .select({ id: staffRoles.userId })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.officeId, officeId), inArray(staffRoles.role, ["agent", "supervisor"]), isNull(users.disabledAt)))
    .orderBy(asc(staffRoles.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/** Any case's status by reference (development page only). */
export async function devCaseStatus(executor: Executor, typed: string): Promise<{ reference: string; status: CaseStatus } | null> {
  const reference = parseReference(typed);
  if (!reference) return null;
  const [row] = await executor.select({ reference: cases.reference, status: cases.status }).from(cases).where(eq(cases.reference, reference));
  return row ?? null;
}

type Loaded = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

function stateOf(row: Loaded): CaseState {
  return {
    id: row.id,
    status: row.status,
    version: row.version,
    submittedAt: row.submittedAt,
    statusChangedAt: row.statusChangedAt,
    pausedMs: Number(row.pausedMs),
    targetDelayDays: row.targetDelayDays,
  };
}

/** Takes a submitted case first, as an agent would, so that the next step starts from in_review. */
async function takeIfSubmitted(tx: Executor, row: Loaded, agentId: string | null, now: Date): Promise<CaseState> {
  const state = stateOf(row);
  if (row.status !== "submitted") return state;
  const result = await applyTransition(tx, state, { name: "take", actor: "agent", actorId: agentId, set: { assigneeId: agentId }, now });
  return { ...state, status: result.status, version: result.version, statusChangedAt: now, pausedMs: result.pausedMs };
}

export async function devRequestInfo(
  db: Database,
  input: { reference: string; message: string; checklist: string[]; now?: Date },
): Promise<DevToolResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx): Promise<DevToolResult> => {
    const row = await loadCase(tx, input.reference);
    if (!row) return { ok: false, error: "not_found" };
    if (row.officeId === null) return { ok: false, error: "no_office" };
    if (row.status !== "submitted" && row.status !== "in_review") return { ok: false, error: "wrong_status" };
    const agentId = await firstAgentOf(tx, row.officeId);
    const state = await takeIfSubmitted(tx, row, agentId, now);
    await applyTransition(tx, state, {
      name: "requestInfo",
      actor: "agent",
      actorId: agentId,
      message: input.message,
      set: { infoDueAt: new Date(now.getTime() + row.infoRequestExpiryDays * DAY_MS) },
      payload: { message: input.message, checklist: input.checklist },
      notifications: notificationsFor(row.applicant, "case_info_requested", { reference: row.reference, message: input.message }),
      now,
    });
    return { ok: true };
  });
}

export async function devDecide(
  db: Database,
  input: { reference: string; decision: "accept" | "reject"; reason: string; statusLabel: (status: string, locale: Locale) => string; now?: Date },
): Promise<DevToolResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx): Promise<DevToolResult> => {
    const row = await loadCase(tx, input.reference);
    if (!row) return { ok: false, error: "not_found" };
    if (row.officeId === null) return { ok: false, error: "no_office" };
    if (row.status !== "submitted" && row.status !== "in_review") return { ok: false, error: "wrong_status" };
    const agentId = await firstAgentOf(tx, row.officeId);
    const state = await takeIfSubmitted(tx, row, agentId, now);
    const to = input.decision === "accept" ? "accepted" : "rejected";
    await applyTransition(tx, state, {
      name: input.decision,
      actor: "agent",
      actorId: agentId,
      reason: input.reason || null,
      set: { decidedAt: now },
      notifications: notificationsFor(row.applicant, "case_status_changed", {
        reference: row.reference,
        status: input.statusLabel(to, row.applicant.locale),
      }),
      now,
    });
    return { ok: true };
  });
}
