import { and, eq } from "drizzle-orm";
import { agencies, cases, offices, procedures, procedureVersions, sites } from "../../db/schema";
import { parseReference } from "~/domain/reference";
import type { Executor } from "~/utils/db.server";

/**
 * One of the citizen's own cases by its reference, with what every citizen page needs: the
 * procedure, the form version it was started on, and the office with its link status. Scoped by
 * `applicant_id`: another citizen's reference, a mistyped one and an unknown one all give null
 * (the routes answer 404, never 403).
 */
export async function findOwnCase(executor: Executor, userId: string, typedReference: string) {
  const reference = parseReference(typedReference);
  if (!reference) return null;
  const [row] = await executor
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      version: cases.version,
      data: cases.data,
      onBehalfOf: cases.onBehalfOf,
      regionCode: cases.regionCode,
      preferredOfficeId: cases.preferredOfficeId,
      officeId: cases.officeId,
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
        feeXof: procedures.feeXof,
        targetDelayDays: procedures.targetDelayDays,
        delivery: procedures.delivery,
        requiredDocuments: procedures.requiredDocuments,
      },
      agency: { nameFr: agencies.nameFr, nameEn: agencies.nameEn },
      formVersion: { id: procedureVersions.id, version: procedureVersions.version, definition: procedureVersions.definition },
    })
    .from(cases)
    .innerJoin(procedures, eq(procedures.id, cases.procedureId))
    .innerJoin(agencies, eq(agencies.id, procedures.agencyId))
    .innerJoin(procedureVersions, eq(procedureVersions.id, cases.procedureVersionId))
    .where(and(eq(cases.reference, reference), eq(cases.applicantId, userId)));
  if (!row) return null;
  const office = row.officeId ? await officeWithLink(executor, row.officeId) : null;
  return { ...row, office };
}

export type OwnCase = NonNullable<Awaited<ReturnType<typeof findOwnCase>>>;

/** `findOwnCase` or a 404 response for the route to throw. */
export async function requireOwnCase(executor: Executor, userId: string, reference: string | undefined): Promise<OwnCase> {
  const found = reference ? await findOwnCase(executor, userId, reference) : null;
  if (!found) throw new Response(null, { status: 404 });
  return found;
}

/** An office with its building's live link status. */
export async function officeWithLink(executor: Executor, officeId: number) {
  const [office] = await executor
    .select({
      id: offices.id,
      code: offices.code,
      name: offices.name,
      hours: offices.hours,
      phone: offices.phone,
      email: offices.email,
      siteCode: sites.code,
      siteName: sites.name,
      siteAddress: sites.address,
      linkStatus: sites.linkStatus,
    })
    .from(offices)
    .innerJoin(sites, eq(sites.id, offices.siteId))
    .where(eq(offices.id, officeId));
  return office ?? null;
}
