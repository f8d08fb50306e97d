/**
 * The audit log as the administrators read it (/admin/journal and its CSV): the filters of the
 * GET form, and what of an entry's details may be shown. Pure: no database here.
 */
import { parseDay } from "./statistics";

/** The CSV export stops after this many rows (narrow the filters for more). */
export const AUDIT_CSV_MAX_ROWS = 100_000;

export const AUDIT_OUTCOMES = ["success", "failure", "refused"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** What the filters ask for; every part optional. `to` is exclusive (the day after the last day). */
export interface AuditFilters {
  actor?: string;
  /** An exact action ("admin.office.update") or a family ("admin.*"). */
  action?: string;
  outcome?: AuditOutcome;
  targetType?: string;
  targetId?: string;
  from?: Date;
  to?: Date;
}

export type AuditFilterProblem = "action" | "outcome" | "targetType" | "from" | "to" | "range";

/** The form's fields as typed (to fill the form again). */
export type AuditFilterValues = Record<"actor" | "action" | "outcome" | "targetType" | "targetId" | "from" | "to", string>;

const ACTION = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*(\.\*)?$/;
const TARGET_TYPE = /^[a-z][a-z0-9_]{0,40}$/;
const DAY_MS = 86_400_000;

/**
 * The filters of the query string. A value that cannot be one is ignored and named in `problems`
 * (the page says so); the rest still applies. Days are Lomé days (UTC), both ends included.
 */
export function parseAuditFilters(params: URLSearchParams): {
  filters: AuditFilters;
  values: AuditFilterValues;
  problems: AuditFilterProblem[];
} {
  const get = (name: string) => (params.get(name) ?? "").trim().slice(0, 200);
  const values: AuditFilterValues = {
    actor: get("acteur"),
    action: get("action"),
    outcome: get("resultat"),
    targetType: get("cible"),
    targetId: get("identifiant"),
    from: get("du"),
    to: get("au"),
  };
  const filters: AuditFilters = {};
  const problems: AuditFilterProblem[] = [];
  if (values.actor) filters.actor = values.actor;
  if (values.action) {
    if (ACTION.test(values.action)) filters.action = values.action;
    else problems.push("action");
  }
  if (values.outcome) {
    if ((AUDIT_OUTCOMES as readonly string[]).includes(values.outcome)) filters.outcome = values.outcome as AuditOutcome;
    else problems.push("outcome");
  }
  if (values.targetType) {
    if (TARGET_TYPE.test(values.targetType)) filters.targetType = values.targetType;
    else problems.push("targetType");
  }
  if (values.targetId) filters.targetId = values.targetId;
  const from = values.from ? parseDay(values.from) : null;
  const to = values.to ? parseDay(values.to) : null;
  if (values.from && !from) problems.push("from");
  if (values.to && !to) problems.push("to");
  if (from && to && from.getTime() > to.getTime()) problems.push("range");
  else {
    if (from) filters.from = from;
    if (to) filters.to = new Date(to.getTime() + DAY_MS);
  }
  return { filters, values, problems };
}

/** The query string of the filters as typed, without the paging (for links and the CSV). */
export function auditFilterQuery(values: AuditFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  const names: [keyof AuditFilterValues, string][] = [
    ["actor", "acteur"],
    ["action", "action"],
    ["outcome", "resultat"],
    ["targetType", "cible"],
    ["targetId", "identifiant"],
    ["from", "du"],
    ["to", "au"],
  ];
  for (const [key, name] of names) if (values[key]) params.set(name, values[key]);
  return params;
}

/** Lower case without accents: how the actor filter compares names ("Éléonore" finds "eleonore"). */
export function foldText(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** The families offered beside the exact actions: "admin.*" for every "admin.…" action. */
export function actionFamilies(actions: readonly string[]): string[] {
  const prefixes = new Set(actions.filter((a) => a.includes(".")).map((a) => a.slice(0, a.indexOf("."))));
  return [...prefixes].sort().map((p) => `${p}.*`);
}

/**
 * What of a case entry's details an administrator may read: the state of the case, never what
 * people wrote (reasons, messages, identity checks). DESIGN.md §6: admins see no case content.
 */
export const CASE_DETAIL_KEYS = ["from", "to", "status", "reasonCode", "checklist", "infoDueAt", "documentCode"] as const;

/** The details an administrator may see for an entry about `targetType`. */
export function visibleDetails(targetType: string | null, details: Record<string, unknown>): Record<string, unknown> {
  if (targetType !== "case") return details;
  return Object.fromEntries(Object.entries(details).filter(([key]) => (CASE_DETAIL_KEYS as readonly string[]).includes(key)));
}

export type DetailView =
  | {
      kind: "change";
      rows: { key: string; before: string; after: string }[];
      other: { key: string; value: string }[];
    }
  | { kind: "plain"; rows: { key: string; value: string }[] };

/** A value as text: strings as they are, the rest as JSON. */
export function detailText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Details for display: an admin change as before → after rows of the changed keys; the rest as key: value. */
export function detailView(details: Record<string, unknown>): DetailView {
  const { before, after, ...rest } = details;
  const other = Object.entries(rest).map(([key, value]) => ({
    key,
    value: detailText(value),
  }));
  if ((before === undefined && after === undefined) || (!isRecord(before) && before !== null) || (!isRecord(after) && after !== null)) {
    return {
      kind: "plain",
      rows: Object.entries(details).map(([key, value]) => ({
        key,
        value: detailText(value),
      })),
    };
  }
  const b = before ?? {};
  const a = after ?? {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return {
    kind: "change",
    rows: keys.map((key) => ({
      key,
      before: key in b ? detailText(b[key]) : "—",
      after: key in a ? detailText(a[key]) : "—",
    })),
    other,
  };
}

/** The translation key of an action's label: `actions.<action with dots → _>`. */
export const actionLabelKey = (action: string) => `actions.${action.replace(/\./g, "_")}`;
