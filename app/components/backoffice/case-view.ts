/**
 * How a case looks to the office (agent, supervisor): which actions the page offers, the pauses of
 * the deadline clock, and each history event as a staff sentence with who did it. Pure: it answers
 * translation keys (namespace `backoffice`) and their parameters; the page translates.
 */
import type { CaseStatus, DeliveryMode } from "~/domain/constants";
import { availableTransitions } from "~/domain/lifecycle";

export type StaffRoleName = "agent" | "supervisor";

/** The action forms of the case page, in the order they are shown. */
export const STAFF_ACTIONS = ["take", "assign", "requestPieces", "accept", "markReady", "deliver", "reject", "close", "transfer", "reopen"] as const;
export type StaffAction = (typeof STAFF_ACTIONS)[number];

/** Open statuses where a supervisor may (re)assign the case to a colleague. */
const ASSIGNABLE: readonly CaseStatus[] = ["submitted", "in_review", "awaiting_info"];

/** What the page offers: allowed by the lifecycle for this role, and meaningful for the procedure. */
export function staffActions(status: CaseStatus, role: StaffRoleName, delivery: DeliveryMode): StaffAction[] {
  const allowed = new Set<string>(availableTransitions(status, role));
  return STAFF_ACTIONS.filter((action) => {
    switch (action) {
      case "assign":
        return role === "supervisor" && ASSIGNABLE.includes(status);
      case "requestPieces":
        return allowed.has("requestInfo");
      case "markReady":
      case "deliver":
        return delivery === "pickup" && allowed.has(action);
      default:
        return allowed.has(action);
    }
  });
}

export interface StaffEvent {
  type: string;
  at: Date;
  payload: Record<string, unknown>;
  actorName: string | null;
}

function positive(value: unknown): number {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : 0;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/**
 * Why the due date moved: link outages of the office (deadline_extended events) and waits for the
 * citizen's answers (info_answered events), plus the wait under way while pieces are asked for.
 */
export function clockPauses(events: readonly Pick<StaffEvent, "type" | "payload">[], status: CaseStatus, statusChangedAt: Date, now: Date) {
  let outageMs = 0;
  let waitingMs = 0;
  for (const event of events) {
    if (event.type === "deadline_extended") outageMs += positive(event.payload.pausedMs);
    if (event.type === "info_answered") waitingMs += positive(event.payload.pausedMs);
  }
  const ongoingWaitMs = status === "awaiting_info" ? Math.max(0, now.getTime() - statusChangedAt.getTime()) : 0;
  return { outageMs, waitingMs, ongoingWaitMs };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A duration rounded for a sentence: minutes under an hour, hours under two days, else days. */
export function durationParts(ms: number): {
  unit: "minutes" | "hours" | "days";
  count: number;
} {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return { unit: "minutes", count: minutes };
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return { unit: "hours", count: hours };
  return { unit: "days", count: Math.round(ms / DAY_MS) };
}

export interface StaffTimelineSentence {
  /** `timeline.<key>` in namespace backoffice. */
  key: string;
  params: Record<string, string>;
  duration?: { unit: "minutes" | "hours" | "days"; count: number };
  /** Decision or transfer reason: a code (`reasons.<code>`) and the text typed. */
  reason?: { code: string | null; text: string | null };
  /** Free text attached to the step (instructions, identity check, request message). */
  detail?: string;
}

/** One history event for the office: who did what, with names. */
export function staffTimelineSentence(event: StaffEvent): StaffTimelineSentence {
  const { type, payload } = event;
  const actor = event.actorName ?? "";
  const who = event.actorName ? { actor } : null;
  const officeName = text(payload.officeName);
  const reason = text(payload.reason) || text(payload.reasonCode) ? { code: text(payload.reasonCode), text: text(payload.reason) } : undefined;
  const pausedMs = positive(payload.pausedMs);
  switch (type) {
    case "submitted":
    case "forwarded":
    case "rerouted":
      return officeName ? { key: `${type}_to`, params: { actor, officeName } } : { key: type, params: { actor } };
    case "transferred":
      return {
        key: officeName ? "transferred_to" : "transferred",
        params: { actor, officeName: officeName ?? "" },
        reason,
      };
    case "queued":
      return { key: "queued", params: { actor } };
    case "deadline_extended": {
      const variant = payload.reason === "maintenance" ? "maintenance" : "outage";
      return pausedMs
        ? {
            key: `deadline_extended_${variant}`,
            params: {},
            duration: durationParts(pausedMs),
          }
        : { key: `deadline_extended_${variant}_short`, params: {} };
    }
    case "info_answered":
      return pausedMs
        ? {
            key: "info_answered_paused",
            params: { actor },
            duration: durationParts(pausedMs),
          }
        : { key: "info_answered", params: { actor } };
    case "taken": {
      const assignee = text(payload.assigneeName);
      if (assignee && assignee !== actor)
        return {
          key: who ? "assigned" : "assigned_system",
          params: { actor, assignee },
        };
      return { key: who ? "taken" : "taken_system", params: { actor } };
    }
    case "assigned":
      return {
        key: who ? "assigned" : "assigned_system",
        params: { actor, assignee: text(payload.assigneeName) ?? "" },
      };
    case "info_requested": {
      const checklist = Array.isArray(payload.checklist)
        ? payload.checklist.filter((item): item is string => typeof item === "string" && item.trim() !== "")
        : [];
      const detail = [text(payload.message), checklist.map((item) => `• ${item}`).join("\n")].filter(Boolean).join("\n\n");
      return { key: who ? "info_requested" : "info_requested_system", params: { actor }, detail: detail || undefined };
    }
    case "ready":
      return {
        key: who ? "ready" : "ready_system",
        params: { actor },
        detail: text(payload.instructions) ?? undefined,
      };
    case "delivered":
      return {
        key: who ? "delivered" : "delivered_system",
        params: { actor },
        detail: text(payload.identityCheck) ?? undefined,
      };
    case "rejected":
    case "closed":
    case "reopened":
      return { key: who ? type : `${type}_system`, params: { actor }, reason };
    case "accepted":
    case "withdrawn":
      return { key: who ? type : `${type}_system`, params: { actor } };
    case "info_reminder_sent":
    case "info_request_expired":
      return { key: type, params: {} };
    default:
      return { key: "other", params: { type } };
  }
}
