/**
 * The inbox's state lives in its URL (a plain GET form, links for tabs and pages):
 * ?bureau=3&onglet=en-retard&demarche=2&statut=in_review&du=2026-01-01&au=2026-01-31&retard=1&q=…&apres=<cursor>|avant=<cursor>
 */
import { CASE_STATUSES, type CaseStatus } from "~/domain/constants";
import { integerOrNull } from "~/domain/input";

export const TAB_IDS = ["nouveaux", "mes-dossiers", "en-attente", "en-retard", "termines"] as const;
export type TabId = (typeof TAB_IDS)[number];

export interface InboxUrlState {
  officeId: number | null;
  tab: TabId;
  procedureId: number | null;
  status: CaseStatus | null;
  from: string | null; // YYYY-MM-DD
  to: string | null;
  /** What was typed in the date fields (jj/mm/aaaa or ISO), kept to show it back with an error when unreadable. */
  fromTyped: string;
  toTyped: string;
  overdue: boolean;
  q: string;
  after: string | null;
  before: string | null;
}

const ISO_DAY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const FR_DAY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A day typed jj/mm/aaaa (or 2026-03-27) → YYYY-MM-DD, or null when it is not a real day. */
export function day(value: string | null): string | null {
  const raw = (value ?? "").trim();
  const iso = ISO_DAY.exec(raw);
  const fr = FR_DAY.exec(raw);
  const parts: [string, string, string] | null = iso ? [iso[1]!, iso[2]!, iso[3]!] : fr ? [fr[3]!, fr[2]!, fr[1]!] : null;
  if (!parts) return null;
  const text = `${parts[0]}-${parts[1].padStart(2, "0")}-${parts[2].padStart(2, "0")}`;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : text;
}

export function readInboxUrl(params: URLSearchParams): InboxUrlState {
  const tab = params.get("onglet");
  const status = params.get("statut");
  return {
    officeId: integerOrNull(params.get("bureau")),
    tab: (TAB_IDS as readonly string[]).includes(tab ?? "") ? (tab as TabId) : "nouveaux",
    procedureId: integerOrNull(params.get("demarche")),
    status: status && (CASE_STATUSES as readonly string[]).includes(status) ? (status as CaseStatus) : null,
    from: day(params.get("du")),
    to: day(params.get("au")),
    fromTyped: (params.get("du") ?? "").trim().slice(0, 20),
    toTyped: (params.get("au") ?? "").trim().slice(0, 20),
    overdue: params.get("retard") === "1",
    q: (params.get("q") ?? "").slice(0, 100),
    after: params.get("apres"),
    before: params.get("avant"),
  };
}

/** The query string for a state (without the cursor unless given). */
export function inboxQuery(state: Partial<InboxUrlState>): string {
  const params = new URLSearchParams();
  if (state.officeId) params.set("bureau", String(state.officeId));
  if (state.tab && state.tab !== "nouveaux") params.set("onglet", state.tab);
  if (state.procedureId) params.set("demarche", String(state.procedureId));
  if (state.status) params.set("statut", state.status);
  if (state.from) params.set("du", state.from);
  if (state.to) params.set("au", state.to);
  if (state.overdue) params.set("retard", "1");
  if (state.q) params.set("q", state.q);
  if (state.after) params.set("apres", state.after);
  if (state.before) params.set("avant", state.before);
  const text = params.toString();
  return text ? `?${text}` : "";
}
