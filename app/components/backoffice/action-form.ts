/**
 * The forms of the agent's case page: which intents exist, and what each needs. Pure (no server
 * imports): the route validates with it, the page names its controls `<intent>-<field>`.
 */
import { STAFF_ACTIONS, type StaffAction } from "./case-view";

export const STAFF_INTENTS = [...STAFF_ACTIONS, "message", "note"] as const;
export type StaffIntent = (typeof STAFF_INTENTS)[number];

export function isStaffIntent(value: string): value is StaffIntent {
  return (STAFF_INTENTS as readonly string[]).includes(value);
}

/** Longest free text (characters) of any form of the page. */
export const TEXT_MAX_LENGTH = 5000;

export type StaffFormErrorCode = "required" | "too_long" | "invalid_choice";
export interface StaffFormError {
  /** Id of the control (`<intent>-<field>`), for the error summary's link. */
  field: string;
  code: StaffFormErrorCode;
}

export type RawValues = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value[0] ?? "" : value ?? "";
}

function many(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

export type ParsedAction =
  | { intent: "take" | "accept" }
  | { intent: "assign"; assigneeId: string }
  | { intent: "requestPieces"; message: string; checklist: string[] }
  | { intent: "markReady"; instructions: string }
  | { intent: "deliver"; identityCheck: string }
  | { intent: "reject" | "close"; reasonCode: string; reasonText: string }
  | { intent: "transfer"; toOfficeId: number; reason: string }
  | { intent: "reopen"; reason: string }
  | { intent: "message"; body: string }
  | { intent: "note"; body: string };

export interface ActionChoices {
  reasons: { reject: readonly string[]; close: readonly string[] };
  colleagueIds: readonly string[];
  targetOfficeIds: readonly number[];
}

/**
 * The typed values of one form, checked. Errors name the control; the caller gives the values
 * back to the page so nothing typed is lost.
 */
export function validateStaffAction(
  intent: StaffIntent,
  values: RawValues,
  choices: ActionChoices,
): { ok: true; action: ParsedAction } | { ok: false; errors: StaffFormError[] } {
  const errors: StaffFormError[] = [];
  const textOf = (name: string, required = true): string => {
    const value = one(values[name]).trim();
    if (required && value === "") errors.push({ field: `${intent}-${name}`, code: "required" });
    else if (value.length > TEXT_MAX_LENGTH) errors.push({ field: `${intent}-${name}`, code: "too_long" });
    return value;
  };
  const choice = <T extends string | number>(name: string, allowed: readonly T[], parse: (raw: string) => T): T | null => {
    const raw = one(values[name]).trim();
    if (raw === "") {
      errors.push({ field: `${intent}-${name}`, code: "required" });
      return null;
    }
    const value = parse(raw);
    if (!allowed.includes(value)) {
      errors.push({ field: `${intent}-${name}`, code: "invalid_choice" });
      return null;
    }
    return value;
  };

  let action: ParsedAction | null = null;
  switch (intent as StaffAction | "message" | "note") {
    case "take":
    case "accept":
      action = { intent: intent as "take" | "accept" };
      break;
    case "assign": {
      const assigneeId = choice("assigneeId", choices.colleagueIds, String);
      if (assigneeId) action = { intent: "assign", assigneeId };
      break;
    }
    case "requestPieces": {
      const message = textOf("message");
      const typed = one(values.checklistOther)
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== "");
      const checklist = [
        ...new Set([
          ...many(values.checklist)
            .map((v) => v.trim())
            .filter(Boolean),
          ...typed,
        ]),
      ].slice(0, 30);
      if (checklist.some((item) => item.length > 300))
        errors.push({
          field: "requestPieces-checklistOther",
          code: "too_long",
        });
      action = { intent: "requestPieces", message, checklist };
      break;
    }
    case "markReady":
      action = { intent: "markReady", instructions: textOf("instructions") };
      break;
    case "deliver":
      action = { intent: "deliver", identityCheck: textOf("identityCheck") };
      break;
    case "reject":
    case "close": {
      const kind = intent as "reject" | "close";
      const reasonCode = choice("reasonCode", choices.reasons[kind], String);
      const reasonText = textOf("reasonText");
      action = { intent: kind, reasonCode: reasonCode ?? "", reasonText };
      break;
    }
    case "transfer": {
      const toOfficeId = choice("toOfficeId", choices.targetOfficeIds, Number);
      const reason = textOf("reason");
      action = { intent: "transfer", toOfficeId: toOfficeId ?? 0, reason };
      break;
    }
    case "reopen":
      action = { intent: "reopen", reason: textOf("reason") };
      break;
    case "message":
      action = { intent: "message", body: textOf("body") };
      break;
    case "note":
      action = { intent: "note", body: textOf("body") };
      break;
  }
  if (errors.length > 0 || !action) return { ok: false, errors };
  return { ok: true, action };
}
