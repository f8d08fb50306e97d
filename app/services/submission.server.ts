import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { attachments, cases, procedures, procedureVersions, staffRoles, users } from "../../db/schema";
import type { OnBehalfOf } from "../../db/schema/cases";
import type { Locale } from "~/domain/constants";
import { dueDate } from "~/domain/deadlines";
import { RESERVED_KEYS, validateCaseData } from "~/domain/forms/schema";
import { parseReference } from "~/domain/reference";
import { routeCase } from "~/domain/routing";
import type { Database, Executor } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { newTrackingCode } from "~/utils/tracking-code.server";
import { applyTransition } from "./case-transitions.server";
import type { OutgoingNotification } from "./outbox.server";
import { loadRoutingOffices, notificationsFor, notifiedUserColumns } from "./routing-data.server";
import { appBaseUrl } from "~/utils/public-url.server";

export type SubmitError = { sectionId: string; field: string; code: string };

export type SubmitResult =
  | { ok: true; reference: string; status: "submitted" | "queued"; trackingCode: string | null /* null when already submitted before (idempotent replay) */ }
  | { ok: false; errors: SubmitError[] }; // validation failed: nothing written

/** Section ids of the two steps every form has besides the procedure's own sections. */
export const ON_BEHALF_SECTION = "pour-qui";
export const OFFICE_SECTION = "bureau";

/**
 * The citizen files his draft (DESIGN.md §4, `submit`): full validation, routing, reference and
 * tracking code, event and notifications, all in one transaction.
 *
 * Idempotent: the draft row is locked (`FOR UPDATE`) first, so a second call — a double click, a
 * resend, a retry after a timeout, the same idempotency key again — waits for the first and then
 * finds a case that is no longer a draft: it answers ok with the case as it is, and no new code.
 *
 * A reference that is not one of the citizen's cases throws a 404 Response (the routes have
 * usually checked with `requireOwnCase` already).
 */
export async function submitCase(
  db: Database,
  input: { userId: string; reference: string; idempotencyKey?: string | null; now?: Date; baseUrl?: string },
): Promise<SubmitResult> {
  const reference = parseReference(input.reference);
  if (!reference) throw new Response(null, { status: 404 });
  const now = input.now ?? new Date();
  const baseUrl = input.baseUrl ?? appBaseUrl();

  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: cases.id,
        reference: cases.reference,
        status: cases.status,
        version: cases.version,
        submittedAt: cases.submittedAt,
        statusChangedAt: cases.statusChangedAt,
        pausedMs: cases.pausedMs,
        data: cases.data,
        onBehalfOf: cases.onBehalfOf,
        regionCode: cases.regionCode,
        preferredOfficeId: cases.preferredOfficeId,
        targetDelayDays: procedures.targetDelayDays,
        agencyId: procedures.agencyId,
        titleFr: procedures.titleFr,
        titleEn: procedures.titleEn,
        definition: procedureVersions.definition,
        user: notifiedUserColumns,
      })
      .from(cases)
      .innerJoin(procedures, eq(procedures.id, cases.procedureId))
      .innerJoin(procedureVersions, eq(procedureVersions.id, cases.procedureVersionId))
      .innerJoin(users, eq(users.id, cases.applicantId))
      .where(and(eq(cases.reference, reference), eq(cases.applicantId, input.userId)))
      .for("update", { of: cases });
    if (!row) throw new Response(null, { status: 404 });

    if (row.status !== "draft") {
      return { ok: true as const, reference: row.reference, status: row.status === "queued" ? ("queued" as const) : ("submitted" as const), trackingCode: null };
    }

    const errors: SubmitError[] = [];
    errors.push(...onBehalfErrors(row.data, row.onBehalfOf));
    if (!row.regionCode) errors.push({ sectionId: OFFICE_SECTION, field: "regionCode", code: "required" });
    const validation = validateCaseData(row.definition, row.data, await uploadedFields(tx, row.id), { today: now.toISOString().slice(0, 10) });
    if (!validation.ok) errors.push(...validation.errors);
    if (errors.length > 0 || !row.regionCode) return { ok: false as const, errors };

    const offices = await loadRoutingOffices(tx, { agencyIds: [row.agencyId], withOpenCases: true });
    const decision = routeCase({ agencyId: row.agencyId, region: row.regionCode, preferredOfficeId: row.preferredOfficeId, offices });
    const office = decision.outcome === "office" ? offices.find((o) => o.id === decision.officeId)! : null;
    const tracking = newTrackingCode();
    const dueAt = office ? dueDate(now, row.targetDelayDays, 0) : null;

    const title = (locale: Locale) => (locale === "en" ? row.titleEn : row.titleFr);
    const url = `${baseUrl}/mon-espace/dossiers/${row.reference}`;
    const notifications: OutgoingNotification[] = office
      ? [
          ...notificationsFor(row.user, "case_submitted", {
            reference: row.reference,
            procedure: title(row.user.locale),
            officeName: office.name,
            dueDate: formatDate(dueAt!, row.user.locale),
            url,
          }),
          ...(await officeStaff(tx, office.id)).map((staff) => ({
            userId: staff.id,
            channel: "in_app" as const,
            template: "case_new_staff",
            locale: staff.locale,
            payload: { reference: row.reference, procedure: title(staff.locale) },
          })),
        ]
      : notificationsFor(row.user, "case_queued", { reference: row.reference, procedure: title(row.user.locale), url });

    const result = await applyTransition(
      tx,
      { ...row, targetDelayDays: row.targetDelayDays },
      {
        name: "submit",
        actor: "citizen",
        actorId: input.userId,
        to: office ? "submitted" : "queued",
        set: {
          submittedAt: now,
          dueAt,
          officeId: office?.id ?? null,
          routingReason: decision.reason,
          trackingCodeHash: tracking.hash,
          idempotencyKey: input.idempotencyKey ?? null,
        },
        payload: { officeId: office?.id ?? null, officeName: office?.name ?? null, reason: decision.reason },
        notifications,
        now,
      },
    );
    return { ok: true as const, reference: row.reference, status: result.status === "queued" ? ("queued" as const) : ("submitted" as const), trackingCode: tracking.code };
  });
}

/** The "pour qui" step: answered, and for someone else with his name and the relationship. */
function onBehalfErrors(data: Record<string, unknown>, onBehalfOf: OnBehalfOf | null): SubmitError[] {
  const forWhom = data[RESERVED_KEYS.forWhom];
  if (forWhom === "self") return [];
  if (forWhom !== "other") return [{ sectionId: ON_BEHALF_SECTION, field: RESERVED_KEYS.forWhom, code: "required" }];
  const errors: SubmitError[] = [];
  if (!onBehalfOf?.fullName?.trim()) errors.push({ sectionId: ON_BEHALF_SECTION, field: "fullName", code: "required" });
  if (!onBehalfOf?.relationship?.trim()) errors.push({ sectionId: ON_BEHALF_SECTION, field: "relationship", code: "required" });
  return errors;
}

/** Form fields that have a file: the case's attachments not deleted, outside messages. */
async function uploadedFields(tx: Executor, caseId: string): Promise<Set<string>> {
  const rows = await tx
    .selectDistinct({ fieldName: attachments.fieldName })
    .from(attachments)
    .where(and(eq(attachments.caseId, caseId), isNull(attachments.deletedAt), isNull(attachments.messageId), isNotNull(attachments.fieldName)));
  return new Set(rows.map((r) => r.fieldName!));
}

/** Agents and supervisors of the office (told in the portal that a case arrived). */
async function officeStaff(tx: Executor, officeId: number): Promise<{ id: string; locale: Locale }[]> {
  return tx
    .selectDistinct({ id: users.id, locale: users.locale })
    .from(staffRoles)
    .innerJoin(users, eq(users.id, staffRoles.userId))
    .where(and(eq(staffRoles.officeId, officeId), inArray(staffRoles.role, ["agent", "supervisor"]), isNull(users.disabledAt)));
}
