import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { cases } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { CaseStatus } from "~/domain/constants";
import { generateReference } from "~/domain/reference";
import type { SessionUser } from "~/domain/user";
import { i18next } from "~/utils/i18next.server";
import { INBOX_CSV_COLUMNS, inboxCsvLabels, inboxCsvStream } from "./inbox-csv.server";
import { countInboxTabs, decodeCursor, encodeCursor, listInbox, parseInboxSearch, type InboxCursor, type InboxTab } from "./inbox.server";

const DAY = 86_400_000;
const NOW = new Date("2026-06-15T10:00:00Z");

function sessionUser(id: string, officeId: number, role: "agent" | "supervisor" = "agent"): SessionUser {
  return { id, fullName: "Agent", email: null, phone: null, locale: "fr", roles: [role], officeRoles: [{ officeId, role }] };
}

describe("inbox", () => {
  let handle: DatabaseHandle;
  let officeId: number;
  let otherOfficeId: number;
  let agent: SessionUser;
  let procedureA: number;
  let procedureB: number;
  const byRef = new Map<string, { status: CaseStatus; dueAt: Date; applicant: string }>();
  let ama: { id: string };
  let amaRef = "";
  let otherRef = "";

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    const { office, agency } = await createSiteWithOffice(db);
    officeId = office.id;
    const other = await createSiteWithOffice(db, { agencyId: agency.id });
    otherOfficeId = other.office.id;
    const staff = await createStaff(db, { role: "agent", officeId });
    agent = sessionUser(staff.user.id, officeId);
    const a = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 10 });
    const b = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 20 });
    procedureA = a.procedure.id;
    procedureB = b.procedure.id;
    ama = (await createCitizen(db, { fullName: "Ama Kétévi", phone: "+22890112233" })).user;
    const kossi = (await createCitizen(db, { fullName: "Kossi Mensah", phone: "+22891000000" })).user;
    // 60 cases at the office: 5 statuses × 12, due dates spread around NOW (some equal to test the id tie-break).
    const statuses: CaseStatus[] = ["submitted", "in_review", "awaiting_info", "delivered", "rejected"];
    for (let i = 0; i < 60; i++) {
      const status = statuses[i % 5]!;
      const useA = i % 2 === 0;
      const applicant = i % 7 === 0 ? ama : kossi;
      const submittedAt = new Date(NOW.getTime() - (30 - (i % 30)) * DAY);
      const dueAt = new Date(NOW.getTime() + (Math.floor(i / 3) - 10) * DAY); // three cases share each due date
      const created = await createCase(db, {
        procedure: useA ? a.procedure : b.procedure,
        versionId: useA ? a.version.id : b.version.id,
        applicantId: applicant.id,
        status,
        officeId,
        assigneeId: status === "in_review" && i % 10 === 1 ? staff.user.id : status === "submitted" ? null : null,
        submittedAt,
        dueAt,
      });
      const reference = generateReference(2026, (n) => randomBytes(n));
      await db.update(cases).set({ reference }).where(eq(cases.id, created.id));
      byRef.set(reference, { status, dueAt, applicant: applicant.id });
      if (applicant === ama && !amaRef && status === "submitted") amaRef = reference;
    }
    // Stored due dates carry microseconds (now() in SQL): the cursor must keep them.
    await db.execute(sql`update "case" set due_at = due_at + interval '123456 microseconds' where office_id = ${officeId} and status in ('delivered', 'submitted')`);
    // A case of another office of the same agency, by the same citizen: never listed.
    const foreign = await createCase(db, { procedure: a.procedure, versionId: a.version.id, applicantId: ama.id, status: "submitted", officeId: otherOfficeId, submittedAt: NOW, dueAt: NOW });
    otherRef = generateReference(2026, (n) => randomBytes(n));
    await db.update(cases).set({ reference: otherRef }).where(eq(cases.id, foreign.id));
  });
  afterAll(async () => handle.close());

  async function allPages(tab: InboxTab, pageSize: number, filters = {}) {
    const seen: string[] = [];
    let after: InboxCursor | null = null;
    for (let guard = 0; guard < 100; guard++) {
      const page = await listInbox(handle.db, { user: agent, officeId, tab, filters, after, pageSize, now: NOW });
      seen.push(...page.rows.map((r) => r.reference));
      if (!page.next) break;
      after = page.next;
    }
    return seen;
  }

  it("reads and writes cursors", () => {
    const cursor = { dueAt: "2026-06-15 10:00:00.123456+00", id: "2865fec2-2236-4b34-a7f6-5ed022a2714d" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("2026-13-40 10:00:00+00_2865fec2-2236-4b34-a7f6-5ed022a2714d")).toBeNull();
    expect(decodeCursor("x')--")).toBeNull();
  });

  it("reads what is typed in the search box", () => {
    const ref = [...byRef.keys()][0]!;
    expect(parseInboxSearch(ref.toLowerCase().replace(/-/g, " "))).toEqual({ kind: "reference", reference: ref });
    expect(parseInboxSearch("90 11 22 33")).toEqual({ kind: "phone", phone: "+22890112233" });
    expect(parseInboxSearch("+228 90-11-22-33")).toEqual({ kind: "phone", phone: "+22890112233" });
    expect(parseInboxSearch("  Kétévi ")).toEqual({ kind: "name", text: "ketevi" });
    expect(parseInboxSearch("")).toBeNull();
  });

  it("lists each tab's cases only, sorted by due date then id, with counts", async () => {
    const expected = (pred: (c: { status: CaseStatus; dueAt: Date }) => boolean) => [...byRef.entries()].filter(([, c]) => pred(c)).length;
    const counts = await countInboxTabs(handle.db, { user: agent, officeId, now: NOW });
    expect(counts.nouveaux).toEqual({ count: expected((c) => c.status === "submitted"), capped: false });
    expect(counts["en-attente"].count).toBe(expected((c) => c.status === "awaiting_info"));
    expect(counts["en-retard"].count).toBe(expected((c) => (c.status === "submitted" || c.status === "in_review") && c.dueAt < NOW));
    expect(counts.termines.count).toBe(expected((c) => c.status === "delivered" || c.status === "rejected"));
    expect(counts["mes-dossiers"].count).toBeGreaterThan(0);

    const page = await listInbox(handle.db, { user: agent, officeId, tab: "nouveaux", now: NOW, pageSize: 100 });
    expect(page.rows.every((r) => r.status === "submitted" && r.assigneeId === null)).toBe(true);
    const keys = page.rows.map((r) => [r.dueAt.getTime(), r.id] as const);
    const sorted = [...keys].sort((x, y) => x[0] - y[0] || (x[1] < y[1] ? -1 : 1));
    expect(keys).toEqual(sorted);
    const mine = await listInbox(handle.db, { user: agent, officeId, tab: "mes-dossiers", now: NOW });
    expect(mine.rows.every((r) => r.assigneeId === agent.id)).toBe(true);
    const late = await listInbox(handle.db, { user: agent, officeId, tab: "en-retard", now: NOW, pageSize: 100 });
    expect(late.rows.every((r) => r.dueAt < NOW && ["submitted", "in_review"].includes(r.status))).toBe(true);
    const done = await listInbox(handle.db, { user: agent, officeId, tab: "termines", now: NOW, pageSize: 100 });
    expect(done.rows[0]!.dueAt.getTime()).toBeGreaterThanOrEqual(done.rows.at(-1)!.dueAt.getTime());
  });

  it("pages by keyset with no duplicate and no gap, forwards and backwards", async () => {
    for (const tab of ["nouveaux", "termines", "en-retard"] as const) {
      const whole = await allPages(tab, 1000);
      const paged = await allPages(tab, 4);
      expect(paged).toEqual(whole);
      expect(new Set(paged).size).toBe(paged.length);
    }
    // Second page, then "previous" comes back to the first page exactly.
    const first = await listInbox(handle.db, { user: agent, officeId, tab: "termines", pageSize: 5, now: NOW });
    const second = await listInbox(handle.db, { user: agent, officeId, tab: "termines", pageSize: 5, after: first.next, now: NOW });
    expect(second.previous).not.toBeNull();
    const back = await listInbox(handle.db, { user: agent, officeId, tab: "termines", pageSize: 5, before: second.previous, now: NOW });
    expect(back.rows.map((r) => r.reference)).toEqual(first.rows.map((r) => r.reference));
    expect(back.previous).toBeNull();
    expect(back.next).not.toBeNull();
  });

  it("filters by procedure, status, filing dates and overdue", async () => {
    const onlyB = await listInbox(handle.db, { user: agent, officeId, tab: "termines", filters: { procedureId: procedureB }, pageSize: 100, now: NOW });
    expect(onlyB.rows.length).toBeGreaterThan(0);
    expect(onlyB.rows.every((r) => r.procedureId === procedureB)).toBe(true);
    const rejected = await listInbox(handle.db, { user: agent, officeId, tab: "termines", filters: { status: "rejected" }, pageSize: 100, now: NOW });
    expect(rejected.rows.every((r) => r.status === "rejected")).toBe(true);
    const day = new Date(NOW.getTime() - 10 * DAY);
    day.setUTCHours(0, 0, 0, 0);
    const dated = await listInbox(handle.db, { user: agent, officeId, tab: "nouveaux", filters: { submittedFrom: day, submittedTo: day }, pageSize: 100, now: NOW });
    expect(dated.rows.length).toBeGreaterThan(0);
    expect(dated.rows.every((r) => r.submittedAt!.getTime() >= day.getTime() && r.submittedAt!.getTime() < day.getTime() + DAY)).toBe(true);
    const overdue = await listInbox(handle.db, { user: agent, officeId, tab: "nouveaux", filters: { overdue: true }, pageSize: 100, now: NOW });
    expect(overdue.rows.every((r) => r.dueAt < NOW)).toBe(true);
    expect(procedureA).not.toBe(procedureB);
  });

  it("searches by reference in any typed form, by phone and by name, in this office only", async () => {
    const typed = amaRef.toLowerCase().replace(/-/g, "").replace(/1/g, "l");
    const byReference = await listInbox(handle.db, { user: agent, officeId, tab: "nouveaux", filters: { q: typed }, now: NOW });
    expect(byReference.rows.map((r) => r.reference)).toEqual([amaRef]);
    const byPhone = await listInbox(handle.db, { user: agent, officeId, tab: "nouveaux", filters: { q: "90 11 22 33" }, pageSize: 100, now: NOW });
    expect(byPhone.rows.length).toBeGreaterThan(0);
    expect(byPhone.rows.every((r) => r.applicantName === "Ama Kétévi")).toBe(true);
    const byName = await listInbox(handle.db, { user: agent, officeId, tab: "nouveaux", filters: { q: "KETEVI" }, pageSize: 100, now: NOW });
    expect(byName.rows.map((r) => r.reference).sort()).toEqual(byPhone.rows.map((r) => r.reference).sort());
    expect(byName.rows.map((r) => r.reference)).not.toContain(otherRef);
    const foreign = await listInbox(handle.db, { user: agent, officeId, tab: "nouveaux", filters: { q: otherRef }, now: NOW });
    expect(foreign.rows).toEqual([]);
  });

  it("never lists another office's cases, even when asked for that office", async () => {
    const asked = await listInbox(handle.db, { user: agent, officeId: otherOfficeId, tab: "nouveaux", now: NOW });
    expect(asked.rows).toEqual([]);
    const counts = await countInboxTabs(handle.db, { user: agent, officeId: otherOfficeId, now: NOW });
    expect(counts.nouveaux.count).toBe(0);
    const all = await allPages("nouveaux", 1000);
    expect(all).not.toContain(otherRef);
  });

  it("exports the filtered inbox as CSV: BOM, French header, ';', one line per case", async () => {
    const t = await i18next.getFixedT("fr", ["inbox", "common"]);
    const stream = inboxCsvStream(handle.db, { user: agent, officeId, tab: "termines", now: NOW, labels: inboxCsvLabels(t) });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe("Référence;Démarche;Demandeur;Pour le compte de;Téléphone du demandeur;Déposé le;Échéance;En retard;Statut;Agent");
    const expected = [...byRef.values()].filter((c) => c.status === "delivered" || c.status === "rejected").length;
    expect(lines.length - 1).toBe(expected);
    expect(lines[1]!.split(";")).toHaveLength(INBOX_CSV_COLUMNS.length);
  });
});
