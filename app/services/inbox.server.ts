/**
 * The agent inbox (/agent): an office's cases by tab, filtered, searched, sorted by due date and
 * paged by keyset on (due_at, id) — never OFFSET, so page 500 costs what page 1 costs.
 *
 * Indexes (db/schema/cases.ts): case_office_status_due_idx (one status: Nouveaux, En attente, a
 * status filter), case_office_open_due_idx / case_office_finished_due_idx (several statuses: En
 * retard, Terminés), case_assignee_open_due_idx (Mes dossiers), the unique reference, and the
 * applicant's cases (case_applicant_idx) for a search by phone (user_phone_unique) or by name.
 * Status lists are written as SQL literals so that the planner can match the partial indexes.
 *
 * Counts are bounded: each tab counts at most INBOX_COUNT_CAP + 1 rows through those indexes and
 * shows "plus de 1 000" beyond — constant time at a million cases.
 */
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cases, offices, procedures, sites, users } from "../../db/schema";
import { CASE_STATUSES, type CaseStatus, type LinkStatus } from "~/domain/constants";
import { parseReference } from "~/domain/reference";
import type { SessionUser } from "~/domain/user";
import type { Executor } from "~/utils/db.server";

export const INBOX_TABS = ["nouveaux", "mes-dossiers", "en-attente", "en-retard", "termines"] as const;
export type InboxTab = (typeof INBOX_TABS)[number];

/** Filed and not finished: what an office still has to handle. */
export const OPEN_STATUSES = ["submitted", "in_review", "awaiting_info", "accepted", "ready"] as const satisfies readonly CaseStatus[];
/** Open with the clock running (waiting for the citizen pauses it): these can be late. */
export const RUNNING_STATUSES = ["submitted", "in_review", "accepted", "ready"] as const satisfies readonly CaseStatus[];
export const DONE_STATUSES = ["delivered", "rejected", "closed", "withdrawn"] as const satisfies readonly CaseStatus[];
/** Statuses an inbox can list (the status filter). */
export const INBOX_STATUSES = [...OPEN_STATUSES, ...DONE_STATUSES] as const;

export const INBOX_PAGE_SIZE = 25;
export const INBOX_COUNT_CAP = 1000;

export interface InboxFilters {
  procedureId?: number | null;
  status?: CaseStatus | null;
  /** Submitted on or after this day (UTC = Lomé time). */
  submittedFrom?: Date | null;
  /** Submitted on or before this day (inclusive). */
  submittedTo?: Date | null;
  overdue?: boolean;
  /** What the agent typed: a reference (any form), a phone number or part of a name. */
  q?: string | null;
}

export type InboxSearch =
  | { kind: "reference"; reference: string }
  | { kind: "phone"; phone: string }
  | { kind: "name"; text: string };

/** Folded for comparisons: lower case, common accents removed (done the same way in SQL). */
const ACCENTED = "àâäáãçéèêëíìîïñóòôöõúùûüÿœæÀÂÄÁÃÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜŸ";
const PLAIN = "aaaaaceeeeiiiinooooouuuuyoaAAAAACEEEEIIIINOOOOOUUUUY";

function foldName(text: string): string {
  let out = "";
  for (const char of text.toLowerCase()) {
    const i = ACCENTED.indexOf(char);
    out += i >= 0 ? PLAIN[i] : char;
  }
  return out.replace(/\s+/g, " ").trim();
}

/** Read what was typed in the search box. */
export function parseInboxSearch(typed: string | null | undefined): InboxSearch | null {
  const text = (typed ?? "").trim();
  if (text === "") return null;
  const reference = parseReference(text);
  if (reference) return { kind: "reference", reference };
  // A phone number: digits with spaces, dots, dashes, optional +228 / 00228.
  if (/^[+\d][\d\s.\-()]*$/.test(text)) {
    let digits = text.replace(/\D/g, "");
    if (digits.startsWith("00")) digits = digits.slice(2);
    if (digits.length === 8) digits = `228${digits}`;
    if (digits.length >= 8) return { kind: "phone", phone: `+${digits}` };
  }
  // Something shaped like a reference but mistyped: search it as typed (finds nothing, says so).
  const folded = foldName(text);
  if (folded.length < 2) return null;
  return { kind: "name", text: folded };
}

const literalList = (statuses: readonly CaseStatus[]) => sql.raw(statuses.map((s) => `'${s}'`).join(", "));

function tabCondition(tab: InboxTab, user: SessionUser, now: Date): SQL {
  switch (tab) {
    case "nouveaux":
      return sql`${cases.status} = 'submitted' and ${cases.assigneeId} is null`;
    case "mes-dossiers":
      return sql`${cases.assigneeId} = ${user.id} and ${cases.status} in (${literalList(OPEN_STATUSES)})`;
    case "en-attente":
      return sql`${cases.status} = 'awaiting_info'`;
    case "en-retard":
      return sql`${cases.status} in (${literalList(RUNNING_STATUSES)}) and ${cases.dueAt} < ${now.toISOString()}::timestamptz`;
    case "termines":
      return sql`${cases.status} in (${literalList(DONE_STATUSES)})`;
  }
}

function conditions(input: { user: SessionUser; officeId: number; tab: InboxTab; filters: InboxFilters; now: Date }): SQL {
  const { filters, now } = input;
  const parts: SQL[] = [eq(cases.officeId, input.officeId), sql`${cases.dueAt} is not null`, tabCondition(input.tab, input.user, now)];
  if (filters.procedureId) parts.push(eq(cases.procedureId, filters.procedureId));
  if (filters.status && (INBOX_STATUSES as readonly string[]).includes(filters.status)) {
    parts.push(sql`${cases.status} = ${sql.raw(`'${filters.status}'`)}`);
  }
  if (filters.submittedFrom) parts.push(gte(cases.submittedAt, filters.submittedFrom));
  if (filters.submittedTo) parts.push(lt(cases.submittedAt, new Date(filters.submittedTo.getTime() + 86_400_000)));
  if (filters.overdue) parts.push(sql`${cases.status} in (${literalList(RUNNING_STATUSES)}) and ${cases.dueAt} < ${now.toISOString()}::timestamptz`);
  const search = parseInboxSearch(filters.q);
  if (search?.kind === "reference") parts.push(eq(cases.reference, search.reference));
  if (search?.kind === "phone") {
    parts.push(sql`${cases.applicantId} in (select u.id from "user" u where u.phone = ${search.phone})`);
  }
  if (search?.kind === "name") {
    const escaped = search.text.replace(/[\\%_]/g, "\\$&");
    // A cheap LIKE first (letters that may carry an accent are wildcards), the exact folded match on what passes.
    const loose = `%${[...escaped].map((c) => (/[aceinouy]/.test(c) ? "_" : c)).join("")}%`;
    parts.push(
      sql`${cases.applicantId} in (select u.id from "user" u where lower(u.full_name) like ${loose} and translate(lower(u.full_name), ${ACCENTED.toLowerCase()}, ${PLAIN.toLowerCase()}) like ${`%${escaped}%`})`,
    );
  }
  return and(...parts)!;
}

/** A position in the list: the due date exactly as stored (microseconds, as PostgreSQL prints it) and the id. */
export interface InboxCursor {
  dueAt: string;
  id: string;
}

export function encodeCursor(cursor: InboxCursor): string {
  return `${cursor.dueAt}_${cursor.id}`;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

export function decodeCursor(text: string | null | undefined): InboxCursor | null {
  const match = CURSOR.exec(text ?? "");
  if (!match) return null;
  const day = match[1]!.slice(0, 10);
  const parsed = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== day) return null;
  return { dueAt: match[1]!, id: match[2]!.toLowerCase() };
}

export interface InboxQuery {
  user: SessionUser;
  officeId: number;
  tab: InboxTab;
  filters?: InboxFilters;
  /** Rows after this one ("next"), or before it ("previous"). */
  after?: InboxCursor | null;
  before?: InboxCursor | null;
  pageSize?: number;
  now?: Date;
}

export interface InboxRow {
  id: string;
  reference: string;
  status: CaseStatus;
  procedureId: number;
  procedureTitleFr: string;
  procedureTitleEn: string;
  applicantName: string;
  applicantPhone: string | null;
  onBehalfOf: { fullName: string; relationship: string } | null;
  submittedAt: Date | null;
  dueAt: Date;
  assigneeId: string | null;
  assigneeName: string | null;
  /** due_at as text with full precision, for the keyset cursor. */
  dueKey: string;
}

export interface InboxPage {
  rows: InboxRow[];
  /** Cursor for "page suivante" / "page précédente", null when there is none. */
  next: InboxCursor | null;
  previous: InboxCursor | null;
}

/** Finished cases read most recent first; the others the most urgent first. */
export function tabOrder(tab: InboxTab): "asc" | "desc" {
  return tab === "termines" ? "desc" : "asc";
}

const assignee = alias(users, "assignee");

function rowQuery(db: Executor, where: SQL, direction: "asc" | "desc", limit: number) {
  const order = direction === "asc" ? asc : desc;
  return db
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      procedureId: cases.procedureId,
      procedureTitleFr: procedures.titleFr,
      procedureTitleEn: procedures.titleEn,
      applicantName: users.fullName,
      applicantPhone: users.phone,
      onBehalfOf: cases.onBehalfOf,
      submittedAt: cases.submittedAt,
      dueAt: sql<Date>`${cases.dueAt}`.mapWith(cases.dueAt),
      assigneeId: cases.assigneeId,
      assigneeName: assignee.fullName,
      dueKey: sql<string>`${cases.dueAt}::text`,
    })
    .from(cases)
    .innerJoin(procedures, eq(procedures.id, cases.procedureId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .leftJoin(assignee, eq(assignee.id, cases.assigneeId))
    .where(where)
    .orderBy(order(cases.dueAt), order(cases.id))
    .limit(limit);
}

/** The query of an inbox's first page, unexecuted (bench/inbox.ts prints its EXPLAIN). */
export function inboxFirstPageQuery(db: Executor, query: Omit<InboxQuery, "after" | "before">) {
  const now = query.now ?? new Date();
  const where = conditions({ user: query.user, officeId: query.officeId, tab: query.tab, filters: query.filters ?? {}, now });
  return rowQuery(db, where, tabOrder(query.tab), (query.pageSize ?? INBOX_PAGE_SIZE) + 1);
}

/** One page of the inbox. The office must be one of the user's (else no rows). */
export async function listInbox(db: Executor, query: InboxQuery): Promise<InboxPage> {
  if (!query.user.officeRoles.some((r) => r.officeId === query.officeId)) return { rows: [], next: null, previous: null };
  const now = query.now ?? new Date();
  const size = query.pageSize ?? INBOX_PAGE_SIZE;
  const base = conditions({ user: query.user, officeId: query.officeId, tab: query.tab, filters: query.filters ?? {}, now });
  const forward = tabOrder(query.tab);
  const backward = forward === "asc" ? "desc" : "asc";
  const keyset = (cursor: InboxCursor, direction: "asc" | "desc") =>
    direction === "asc"
      ? sql`(${cases.dueAt}, ${cases.id}) > (${cursor.dueAt}::timestamptz, ${cursor.id}::uuid)`
      : sql`(${cases.dueAt}, ${cases.id}) < (${cursor.dueAt}::timestamptz, ${cursor.id}::uuid)`;
  const cursorOf = (row: InboxRow): InboxCursor => ({ dueAt: row.dueKey, id: row.id });

  if (query.before) {
    const found = (await rowQuery(db, and(base, keyset(query.before, backward))!, backward, size + 1)) as InboxRow[];
    const more = found.length > size;
    const rows = found.slice(0, size).reverse();
    return { rows, previous: more && rows[0] ? cursorOf(rows[0]) : null, next: rows.length > 0 ? cursorOf(rows[rows.length - 1]!) : query.before };
  }
  const where = query.after ? and(base, keyset(query.after, forward))! : base;
  const found = (await rowQuery(db, where, forward, size + 1)) as InboxRow[];
  const rows = found.slice(0, size);
  return {
    rows,
    next: found.length > size ? cursorOf(rows[rows.length - 1]!) : null,
    previous: query.after ? (rows[0] ? cursorOf(rows[0]) : query.after) : null,
  };
}

export interface TabCount {
  count: number;
  /** True when there are more than INBOX_COUNT_CAP: show "plus de 1 000". */
  capped: boolean;
}

/** The count of each tab with the same filters and search (bounded, see the header). */
export async function countInboxTabs(
  db: Executor,
  input: { user: SessionUser; officeId: number; filters?: InboxFilters; now?: Date },
): Promise<Record<InboxTab, TabCount>> {
  const now = input.now ?? new Date();
  const allowed = input.user.officeRoles.some((r) => r.officeId === input.officeId);
  const entries = await Promise.all(
    INBOX_TABS.map(async (tab): Promise<[InboxTab, TabCount]> => {
      if (!allowed) return [tab, { count: 0, capped: false }];
      const where = conditions({ user: input.user, officeId: input.officeId, tab, filters: input.filters ?? {}, now });
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(db.select({ one: sql`1` }).from(cases).where(where).limit(INBOX_COUNT_CAP + 1).as("bounded"));
      const n = Number(row?.n ?? 0);
      return [tab, { count: Math.min(n, INBOX_COUNT_CAP), capped: n > INBOX_COUNT_CAP }];
    }),
  );
  return Object.fromEntries(entries) as Record<InboxTab, TabCount>;
}

export interface InboxOffice {
  id: number;
  name: string;
  role: "agent" | "supervisor";
  linkStatus: LinkStatus;
}

/** The user's offices (agent or supervisor), by name, with their building's link status. */
export async function inboxOffices(db: Executor, user: SessionUser): Promise<InboxOffice[]> {
  if (user.officeRoles.length === 0) return [];
  const ids = [...new Set(user.officeRoles.map((r) => r.officeId))];
  const rows = await db
    .select({ id: offices.id, name: offices.name, linkStatus: sites.linkStatus })
    .from(offices)
    .innerJoin(sites, eq(sites.id, offices.siteId))
    .where(sql`${offices.id} in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`)
    .orderBy(asc(offices.name));
  return rows.map((row) => ({
    ...row,
    role: user.officeRoles.some((r) => r.officeId === row.id && r.role === "supervisor") ? "supervisor" : "agent",
  }));
}

/** The procedures an office has cases for (the procedure filter): those of its agency. */
export async function inboxProcedures(db: Executor, officeId: number): Promise<{ id: number; titleFr: string; titleEn: string }[]> {
  return db
    .select({ id: procedures.id, titleFr: procedures.titleFr, titleEn: procedures.titleEn })
    .from(procedures)
    .innerJoin(offices, eq(offices.agencyId, procedures.agencyId))
    .where(and(eq(offices.id, officeId), sql`${procedures.status} <> 'draft'`))
    .orderBy(asc(procedures.titleFr));
}

/** Every row of the filtered inbox, page by page (for the CSV export). */
export async function* inboxRowsInPages(
  db: Executor,
  query: Omit<InboxQuery, "after" | "before">,
  pageSize = 1000,
): AsyncGenerator<InboxRow[]> {
  let after: InboxCursor | null = null;
  for (;;) {
    const page = await listInbox(db, { ...query, after, pageSize });
    if (page.rows.length > 0) yield page.rows;
    if (!page.next) return;
    after = page.next;
  }
}

export function isCaseStatus(value: string | null | undefined): value is CaseStatus {
  return !!value && (CASE_STATUSES as readonly string[]).includes(value);
}
