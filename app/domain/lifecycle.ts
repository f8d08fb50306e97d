/**
 * The case lifecycle of DESIGN.md §4, in one pure module: every transition by name, who may make
 * it, from which statuses, to which status, and what it needs. Services apply a transition with
 * `applyTransition` (app/services/case-transitions.server.ts), which writes the event, the
 * notifications and the new status in one transaction under an optimistic lock.
 */
import type { CaseStatus } from "./constants";

export type Actor = "citizen" | "agent" | "supervisor" | "system";

export interface TransitionRule {
  from: readonly CaseStatus[];
  /** The status after; "submit" chooses between submitted and queued (routing). */
  to: CaseStatus | readonly CaseStatus[];
  actors: readonly Actor[];
  /** A reason (motif) is required. */
  needsReason?: boolean;
  /** A message to the citizen is required. */
  needsMessage?: boolean;
  /** The deadline clock is paused while in the target status. */
  pausesClock?: boolean;
}

const STAFF: readonly Actor[] = ["agent", "supervisor"];

export const TRANSITIONS = {
  /** The citizen files the draft; routing decides submitted or queued. */
  submit: { from: ["draft"], to: ["submitted", "queued"], actors: ["citizen"] },
  /** The dispatcher forwards a queued case to an office now reachable. */
  dispatch: { from: ["queued"], to: "submitted", actors: ["system"] },
  /** An agent takes the case (prendre en charge); a supervisor may assign it to a colleague. */
  take: { from: ["submitted"], to: "in_review", actors: STAFF },
  /** Missing pieces: the clock pauses until the citizen answers. */
  requestInfo: { from: ["in_review"], to: "awaiting_info", actors: STAFF, needsMessage: true, pausesClock: true },
  /** The citizen answers a request for pieces: the case goes back to the office. */
  answerInfo: { from: ["awaiting_info"], to: "in_review", actors: ["citizen"], needsMessage: true },
  accept: { from: ["in_review"], to: "accepted", actors: STAFF },
  /** Pickup procedures: the document is ready at the office. */
  markReady: { from: ["accepted"], to: "ready", actors: STAFF },
  /** Handed over, identity checked. */
  deliver: { from: ["ready"], to: "delivered", actors: STAFF },
  reject: { from: ["in_review"], to: "rejected", actors: STAFF, needsReason: true },
  /** Closed without action (classé sans suite). */
  close: { from: ["in_review", "awaiting_info"], to: "closed", actors: STAFF, needsReason: true },
  /** A request for pieces lapsed without an answer. */
  expireInfoRequest: { from: ["awaiting_info"], to: "closed", actors: ["system"] },
  reopen: { from: ["rejected", "closed"], to: "in_review", actors: ["supervisor"], needsReason: true },
  /** To another office: the case keeps its history and waits there to be taken. */
  transfer: { from: ["submitted", "in_review"], to: "submitted", actors: STAFF, needsReason: true },
  /** The citizen withdraws a request not yet decided. */
  withdraw: { from: ["queued", "submitted", "in_review", "awaiting_info"], to: "withdrawn", actors: ["citizen"] },
} as const satisfies Record<string, TransitionRule>;

export type TransitionName = keyof typeof TRANSITIONS;

/** The `case_event.type` each transition writes (the timeline phrases are keyed on it). */
export const EVENT_TYPES: Record<TransitionName, string> = {
  submit: "submitted",
  dispatch: "forwarded",
  take: "taken",
  requestInfo: "info_requested",
  answerInfo: "info_answered",
  accept: "accepted",
  markReady: "ready",
  deliver: "delivered",
  reject: "rejected",
  close: "closed",
  expireInfoRequest: "info_request_expired",
  reopen: "reopened",
  transfer: "transferred",
  withdraw: "withdrawn",
};

export type TransitionCheck =
  | { ok: true; to: CaseStatus | readonly CaseStatus[] }
  | { ok: false; error: "wrong_status" | "not_allowed" | "reason_required" | "message_required" };

/** Whether `actor` may make `name` from `status` with what he gave; and the status it leads to. */
export function checkTransition(
  name: TransitionName,
  status: CaseStatus,
  actor: Actor,
  given: { reason?: string | null; message?: string | null } = {},
): TransitionCheck {
  const rule: TransitionRule = TRANSITIONS[name];
  if (!rule.actors.includes(actor)) return { ok: false, error: "not_allowed" };
  if (!rule.from.includes(status)) return { ok: false, error: "wrong_status" };
  if (rule.needsReason && !given.reason?.trim()) return { ok: false, error: "reason_required" };
  if (rule.needsMessage && !given.message?.trim()) return { ok: false, error: "message_required" };
  return { ok: true, to: rule.to };
}

/** The transitions `actor` may make from `status` (the actions a page offers). */
export function availableTransitions(status: CaseStatus, actor: Actor): TransitionName[] {
  return (Object.keys(TRANSITIONS) as TransitionName[]).filter((name) => {
    const rule: TransitionRule = TRANSITIONS[name];
    return rule.actors.includes(actor) && rule.from.includes(status);
  });
}

/** Decided or otherwise over: nothing more happens to the case. */
export const FINISHED_STATUSES = ["delivered", "rejected", "closed", "withdrawn"] as const satisfies readonly CaseStatus[];
/** Filed and not finished (accepted and ready still wait for the handover). */
export const IN_PROGRESS_STATUSES = ["queued", "submitted", "in_review", "awaiting_info", "accepted", "ready"] as const satisfies readonly CaseStatus[];

export function isFinished(status: CaseStatus): boolean {
  return (FINISHED_STATUSES as readonly CaseStatus[]).includes(status);
}

/** Accepted with electronic delivery is finished too: the document is issued at once. */
export function isFinishedFor(status: CaseStatus, delivery: "pickup" | "electronic"): boolean {
  return isFinished(status) || (status === "accepted" && delivery === "electronic");
}

/** The deadline clock stands still in these statuses (and while the office's link is down). */
export function clockPaused(status: CaseStatus): boolean {
  return status === "awaiting_info" || status === "queued" || status === "draft";
}
