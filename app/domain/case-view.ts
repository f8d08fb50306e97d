/**
 * How a case looks to its citizen: which list of Mon espace it belongs to, the status in one
 * sentence, what he has to do next, and each event of the history as a plain sentence. Pure:
 * it answers translation keys (namespace `myspace`) and their parameters; the pages translate.
 */
import type { CaseStatus, DeliveryMode } from "./constants";
import { availableTransitions, isFinishedFor } from "./lifecycle";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Drafts untouched this long are deleted (housekeeping); the same value as drafts.server.ts. */
export const DRAFT_LIFETIME_DAYS = 30;

export type CaseList = "draft" | "in_progress" | "finished";

export function caseList(status: CaseStatus, delivery: DeliveryMode): CaseList {
  if (status === "draft") return "draft";
  return isFinishedFor(status, delivery) ? "finished" : "in_progress";
}

/** When an untouched draft is deleted. */
export function draftExpiresAt(updatedAt: Date): Date {
  return new Date(updatedAt.getTime() + DRAFT_LIFETIME_DAYS * DAY_MS);
}

/** `explain.<key>`: the current status explained in one sentence. */
export function statusExplanationKey(status: CaseStatus, delivery: DeliveryMode): string {
  if (status === "accepted") return `explain.accepted_${delivery}`;
  return `explain.${status}`;
}

export type NextAction =
  | { key: "complete_draft"; date: Date }
  | { key: "answer_info"; date: Date | null }
  | { key: "pick_up" }
  | { key: "download" }
  | null;

/** What the citizen has to do now, if anything (`nextAction.<key>` in the locale files). */
export function nextAction(input: {
  status: CaseStatus;
  delivery: DeliveryMode;
  infoDueAt?: Date | null;
  updatedAt?: Date;
  hasIssuedDocument?: boolean;
}): NextAction {
  switch (input.status) {
    case "draft":
      return { key: "complete_draft", date: draftExpiresAt(input.updatedAt ?? new Date()) };
    case "awaiting_info":
      return { key: "answer_info", date: input.infoDueAt ?? null };
    case "ready":
      return { key: "pick_up" };
    case "accepted":
      return input.delivery === "electronic" && input.hasIssuedDocument ? { key: "download" } : null;
    default:
      return null;
  }
}

export function canWithdraw(status: CaseStatus): boolean {
  return availableTransitions(status, "citizen").includes("withdraw");
}

export function canAnswerInfo(status: CaseStatus): boolean {
  return availableTransitions(status, "citizen").includes("answerInfo");
}

/** The citizen may write to the office once the case has one, until he withdraws it. */
export function canWriteToOffice(status: CaseStatus, officeId: number | null): boolean {
  return officeId !== null && status !== "draft" && status !== "withdrawn";
}

/** A decision was made: the page shows its result. */
export function hasDecision(status: CaseStatus): boolean {
  return ["accepted", "ready", "delivered", "rejected", "closed"].includes(status);
}

/** A duration rounded for a sentence: minutes under an hour, hours under two days, else days. */
export function durationParts(ms: number): { unit: "minutes" | "hours" | "days"; count: number } {
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return { unit: "minutes", count: minutes };
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return { unit: "hours", count: hours };
  return { unit: "days", count: Math.round(ms / DAY_MS) };
}

export interface TimelineEvent {
  type: string;
  payload: Record<string, unknown>;
}

export interface TimelineSentence {
  /** `timeline.<key>` */
  key: string;
  params: Record<string, string>;
  /** A duration the page formats and passes as {{duration}}. */
  duration?: { unit: "minutes" | "hours" | "days"; count: number };
}

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function positive(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** One history event as a sentence for the citizen. */
export function timelineSentence(event: TimelineEvent): TimelineSentence {
  const { type, payload } = event;
  const officeName = text(payload.officeName);
  const reason = text(payload.reason);
  const pausedMs = positive(payload.pausedMs);
  switch (type) {
    case "submitted":
      return officeName ? { key: "submitted_to", params: { officeName } } : { key: "submitted", params: {} };
    case "queued":
      return { key: "queued", params: {} };
    case "forwarded":
    case "rerouted":
    case "transferred":
      return officeName ? { key: `${type}_to`, params: { officeName } } : { key: type, params: {} };
    case "deadline_extended": {
      const variant = payload.reason === "maintenance" ? "maintenance" : "office_link_down";
      return pausedMs
        ? { key: `deadline_extended_${variant}`, params: {}, duration: durationParts(pausedMs) }
        : { key: `deadline_extended_${variant}_short`, params: {} };
    }
    case "info_answered":
      return pausedMs ? { key: "info_answered_paused", params: {}, duration: durationParts(pausedMs) } : { key: "info_answered", params: {} };
    case "rejected":
    case "closed":
    case "reopened":
      return reason ? { key: `${type}_reason`, params: { reason } } : { key: type, params: {} };
    case "taken":
    case "info_requested":
    case "accepted":
    case "ready":
    case "delivered":
    case "info_request_expired":
    case "info_reminder_sent":
    case "withdrawn":
    case "message":
      return { key: type, params: {} };
    default:
      return { key: "other", params: {} };
  }
}

/** The request for pieces as the office wrote it (payload of the last info_requested event). */
export function infoRequestOf(payload: Record<string, unknown> | null | undefined): { message: string; checklist: string[] } | null {
  if (!payload) return null;
  const message = text(payload.message);
  const checklist = Array.isArray(payload.checklist) ? payload.checklist.filter((item): item is string => typeof item === "string" && item.trim() !== "") : [];
  if (!message && checklist.length === 0) return null;
  return { message: message ?? "", checklist };
}
