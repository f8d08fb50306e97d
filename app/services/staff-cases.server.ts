import { and, asc, eq, inArray, isNull, ne } from "drizzle-orm";
import { agencies, cases, offices, procedures, procedureVersions, sites, staffRoles, users } from "../../db/schema";
import type { LinkStatus } from "~/domain/constants";
import { parseReference } from "~/domain/reference";
import type { SessionUser } from "~/domain/user";
import type { Database, Executor } from "~/utils/db.server";
import { officeWithLink } from "./case-access.server";
import { CaseConflictError } from "./case-transitions.server";
import type { StoredFile } from "./uploads.server";

export { CaseConflictError };

/**
 * The office's side of a case: what agents and supervisors do on it. Every action is scoped to the
 * staff member's offices (`case.office_id` among `user.officeRoles`): anything else is "not_found"
 * (the routes answer 404 and audit the refusal). One transaction per action, through
 * `applyTransition` (optimistic lock: a stale `expectedVersion` throws CaseConflictError).
 */
export type StaffActionError = "not_found" | "wrong_status" | "not_allowed" | "reason_required" | "message_required" | "invalid";
export type StaffActionResult = { ok: true; reference: string } | { ok: false; error: StaffActionError };

export interface StaffCaseInput {
  user: SessionUser;
  reference: string;
  expectedVersion: number;
  now?: Date;
  /** Absolute origin for links in notifications and the issued document's QR code. */
  baseUrl?: string;
}

/** Reason codes; labels in namespace `backoffice` under reasons.<code>. */
export const DECISION_REASONS = {
  reject: ["incomplete_file", "not_eligible", "invalid_documents", "wrong_procedure", "other"],
  close: ["no_answer", "duplicate", "applicant_request", "wrong_office", "other"],
} as const satisfies { reject: readonly string[]; close: readonly string[] };

export type StaffRoleName = "agent" | "supervisor";

function roleOn(user: SessionUser, officeId: number | null): StaffRoleName | null {
  if (officeId === null) return null;
  const roles = user.officeRoles.filter((r) => r.officeId === officeId).map((r) => r.role);
  if (roles.includes("supervisor")) return "supervisor";
  if (roles.includes("agent")) return "agent";
  return null;
}

/**
 * A case of one of the user's offices by reference, with what the agent's page needs; null when
 * the reference is unknown, mistyped, or the case is not at one of the user's offices.
 */
export async function findStaffCase(db: Executor, user: SessionUser, reference: string) {
  const canonical = parseReference(reference);
  const officeIds = user.officeRoles.map((r) => r.officeId);
  if (!canonical || officeIds.length === 0) return null;
  const [row] = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      version: cases.version,
      data: cases.data,
      onBehalfOf: cases.onBehalfOf,
      regionCode: cases.regionCode,
      officeId: cases.officeId,
      assigneeId: cases.assigneeId,
      routingReason: cases.routingReason,
      submittedAt: cases.submittedAt,
      dueAt: cases.dueAt,
      decidedAt: cases.decidedAt,
      pausedMs: cases.pausedMs,
      statusChangedAt: cases.statusChangedAt,
      infoDueAt: cases.infoDueAt,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
      procedure: {
        id: procedures.id,
        slug: procedures.slug,
        titleFr: procedures.titleFr,
        titleEn: procedures.titleEn,
        agencyId: procedures.agencyId,
        targetDelayDays: procedures.targetDelayDays,
        delivery: procedures.delivery,
        infoRequestExpiryDays: procedures.infoRequestExpiryDays,
        requiredDocuments: procedures.requiredDocuments,
      },
      formVersion: { id: procedureVersions.id, version: procedureVersions.version, definition: procedureVersions.definition },
      applicant: { id: users.id, fullName: users.fullName, email: users.email, phone: users.phone, locale: users.locale },
    })
    .from(cases)
    .innerJoin(procedures, eq(procedures.id, cases.procedureId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, cases.procedureVersionId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .where(and(eq(cases.reference, canonical), inArray(cases.officeId, officeIds)));
  if (!row || row.officeId === null) return null;
  const role = roleOn(user, row.officeId);
  if (!role) return null;
  const office = await officeWithLink(db, row.officeId);
  let assignee: { id: string; fullName: string } | null = null;
  if (row.assigneeId) {
    const [a] = await db.select({ id: users.id, fullName: users.fullName }).from(users).where(eq(users.id, row.assigneeId));
    assignee = a ?? null;
  }
  return { ...row, pausedMs: Number(row.pausedMs), office, assignee, role };
}

export type StaffCase = NonNullable<Awaited<ReturnType<typeof findStaffCase>>>;

/** Agents and supervisors of an office (for assignment), by name. */
export async function officeColleagues(db: Executor, officeId: number): Promise<{ id: string; fullName: string }[]> {
  const rows = await db
    .selectDistinct({ id: users.id, fullName: users.fullName })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.officeId, officeId), inArray(staffRoles.role, ["agent", "supervisor"]), isNull(users.disabledAt)))
    .orderBy(asc(users.fullName));
  return rows;
}

/** Offices a case can be transferred to: any other office accepting online cases. Same agency first. */
export async function transferTargets(
  db: Executor,
  fromOfficeId: number,
): Promise<{ id: number; name: string; agencyName: string; linkStatus: LinkStatus; sameAgency: boolean }[]> {
  const [from] = await db.select({ agencyId: offices.agencyId }).from(offices).where(eq(offices.id, fromOfficeId));
  const rows = await db
    .select({ id: offices.id, name: offices.name, agencyId: offices.agencyId, agencyName: agencies.nameFr, linkStatus: sites.linkStatus })
    .from(offices)
    .innerJoin(agencies, eq(agencies.id, offices.agencyId))
    .innerJoin(sites, eq(sites.id, offices.siteId))
    .where(and(ne(offices.id, fromOfficeId), eq(offices.acceptsOnline, true)))
    .orderBy(asc(agencies.nameFr), asc(offices.name));
  return rows
    .map((r) => ({ id: r.id, name: r.name, agencyName: r.agencyName, linkStatus: r.linkStatus, sameAgency: r.agencyId === from?.agencyId }))
    .sort((a, b) => Number(b.sameAgency) - Number(a.sameAgency));
}

const NOT_YET: StaffActionResult = { ok: false, error: "not_allowed" };

export async function takeCase(_db: Database, _input: StaffCaseInput): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function assignCase(_db: Database, _input: StaffCaseInput & { assigneeId: string }): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function bulkAssign(
  _db: Database,
  input: { user: SessionUser; references: string[]; assigneeId: string | "me" },
): Promise<{ done: string[]; failed: { reference: string; error: StaffActionError | "conflict" }[] }> {
  return { done: [], failed: input.references.map((reference) => ({ reference, error: "not_allowed" as const })) };
}

export async function requestPieces(_db: Database, _input: StaffCaseInput & { message: string; checklist: string[] }): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function acceptCase(_db: Database, _input: StaffCaseInput): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function markReady(_db: Database, _input: StaffCaseInput & { instructions: string }): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function deliverCase(_db: Database, _input: StaffCaseInput & { identityCheck: string }): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function refuseCase(_db: Database, _input: StaffCaseInput & { reasonCode: string; reasonText: string }): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function closeCase(_db: Database, _input: StaffCaseInput & { reasonCode: string; reasonText: string }): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function transferCase(_db: Database, _input: StaffCaseInput & { toOfficeId: number; reason: string }): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function reopenCase(_db: Database, _input: StaffCaseInput & { reason: string }): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function postOfficeMessage(
  _db: Database,
  _input: { user: SessionUser; reference: string; body: string; files: StoredFile[] },
): Promise<StaffActionResult> {
  return NOT_YET;
}

export async function addNote(_db: Database, _input: { user: SessionUser; reference: string; body: string }): Promise<StaffActionResult> {
  return NOT_YET;
}
