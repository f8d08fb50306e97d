import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { cases, offices, staffRoles, users } from "../../db/schema";
import type { CaseStatus, Locale } from "~/domain/constants";
import { parseReference } from "~/domain/reference";
import type { SessionUser } from "~/domain/user";
import type { Database, Executor } from "~/utils/db.server";
import { acceptCase, refuseCase, requestPieces, takeCase, type StaffActionResult } from "./staff-cases.server";

/**
 * Development tools standing in for the agent's desk: ask for pieces, decide. They exist outside
 * production, and in a production build only with DEV_CASE_TOOLS=1 (its own switch, not the
 * outbox's); they act only for a signed-in staff member, recorded in the audit log, as the first
 * agent of the case's office, through the desk's own functions (app/services/staff-cases.server.ts).
 */
export function isDevCaseToolsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "production" || env.DEV_CASE_TOOLS === "1";
}

export type DevToolResult = { ok: true } | { ok: false; error: "not_found" | "no_office" | "wrong_status" };

/**
 * An office without staff (demo offices nobody works at yet) gets a development agent, created once,
 * without a password: the tool needs someone to act as.
 */
async function devAgentOf(db: Executor, officeId: number): Promise<SessionUser | null> {
  const existing = await firstStaffOf(db, officeId);
  if (existing) return existing;
  const [office] = await db.select({ code: offices.code }).from(offices).where(eq(offices.id, officeId));
  if (!office) return null;
  const email = `dev-agent-${office.code.toLowerCase()}@dev.invalid`;
  // Two tests at once may both get here: the e-mail is unique, the second insert does nothing.
  await db
    .insert(users)
    .values({ fullName: `Agent de développement ${office.code}`, email, regionCode: null, notifyByEmail: false, notifyBySms: false })
    .onConflictDoNothing();
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!user) return null;
  const [role] = await db.select({ id: staffRoles.id }).from(staffRoles).where(and(eq(staffRoles.userId, user.id), eq(staffRoles.officeId, officeId)));
  if (!role) await db.insert(staffRoles).values({ userId: user.id, role: "agent", officeId }).onConflictDoNothing();
  return firstStaffOf(db, officeId);
}

async function firstStaffOf(db: Executor, officeId: number): Promise<SessionUser | null> {
  const [row] = await db
    .select({ id: users.id, fullName: users.fullName, email: users.email, phone: users.phone, locale: users.locale, role: staffRoles.role })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.officeId, officeId), inArray(staffRoles.role, ["agent", "supervisor"]), isNull(users.disabledAt)))
    .orderBy(asc(staffRoles.createdAt))
    .limit(1);
  if (!row) return null;
  const role = row.role === "supervisor" ? "supervisor" : "agent";
  return { id: row.id, fullName: row.fullName, email: row.email, phone: row.phone, locale: row.locale, roles: [role], officeRoles: [{ officeId, role }] };
}

/** Any case's status by reference (development page only). */
export async function devCaseStatus(executor: Executor, typed: string): Promise<{ reference: string; status: CaseStatus } | null> {
  const reference = parseReference(typed);
  if (!reference) return null;
  const [row] = await executor.select({ reference: cases.reference, status: cases.status }).from(cases).where(eq(cases.reference, reference));
  return row ?? null;
}

/** The case and an agent of its office, the case taken first if it was waiting to be. */
async function prepare(db: Database, typed: string, now: Date): Promise<{ user: SessionUser; reference: string; version: number } | DevToolResult> {
  const reference = parseReference(typed);
  if (!reference) return { ok: false, error: "not_found" };
  const [row] = await db.select({ status: cases.status, version: cases.version, officeId: cases.officeId }).from(cases).where(eq(cases.reference, reference));
  if (!row) return { ok: false, error: "not_found" };
  if (row.officeId === null) return { ok: false, error: "no_office" };
  if (row.status !== "submitted" && row.status !== "in_review") return { ok: false, error: "wrong_status" };
  const user = await devAgentOf(db, row.officeId);
  if (!user) return { ok: false, error: "no_office" };
  let version = row.version;
  if (row.status === "submitted") {
    const taken = await takeCase(db, { user, reference, expectedVersion: version, now });
    if (!taken.ok) return { ok: false, error: "wrong_status" };
    version += 1;
  }
  return { user, reference, version };
}

function toDevResult(result: StaffActionResult): DevToolResult {
  if (result.ok) return { ok: true };
  return { ok: false, error: result.error === "not_found" ? "not_found" : "wrong_status" };
}

export async function devRequestInfo(
  db: Database,
  input: { reference: string; message: string; checklist: string[]; now?: Date },
): Promise<DevToolResult> {
  const now = input.now ?? new Date();
  const ready = await prepare(db, input.reference, now);
  if ("ok" in ready) return ready;
  return toDevResult(
    await requestPieces(db, { user: ready.user, reference: ready.reference, expectedVersion: ready.version, message: input.message, checklist: input.checklist, now }),
  );
}

export async function devDecide(
  db: Database,
  input: { reference: string; decision: "accept" | "reject"; reason: string; statusLabel: (status: string, locale: Locale) => string; now?: Date },
): Promise<DevToolResult> {
  const now = input.now ?? new Date();
  const ready = await prepare(db, input.reference, now);
  if ("ok" in ready) return ready;
  const base = { user: ready.user, reference: ready.reference, expectedVersion: ready.version, statusLabel: input.statusLabel, now };
  return toDevResult(
    input.decision === "accept" ? await acceptCase(db, base) : await refuseCase(db, { ...base, reasonCode: "other", reasonText: input.reason }),
  );
}
