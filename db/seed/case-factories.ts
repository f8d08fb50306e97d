/**
 * Factories for procedures and cases, for tests of routing, the dispatcher and outages: real rows,
 * unique on every call.
 */
import { randomBytes } from "node:crypto";
import type { CaseStatus, RegionCode } from "../../app/domain/constants";
import type { Executor } from "../client";
import { cases, procedures, procedureVersions } from "../schema";

type Procedure = typeof procedures.$inferSelect;
type ProcedureVersion = typeof procedureVersions.$inferSelect;
type Case = typeof cases.$inferSelect;

let counter = 0;
function unique(): string {
  counter++;
  return `${counter.toString(36)}${randomBytes(3).toString("hex")}`;
}

/** A published procedure of an agency with one published form version (one text field). */
export async function createProcedure(
  db: Executor,
  options: { agencyId: number; targetDelayDays?: number; status?: Procedure["status"] },
): Promise<{ procedure: Procedure; version: ProcedureVersion }> {
  const id = unique();
  const [procedure] = await db
    .insert(procedures)
    .values({
      slug: `demarche-test-${id}`,
      titleFr: `Démarche de test ${id}`,
      titleEn: `Test procedure ${id}`,
      summaryFr: "Démarche créée pour les tests.",
      summaryEn: "Procedure created for tests.",
      eligibilityFr: "Toute personne.",
      eligibilityEn: "Anyone.",
      category: "civil_status",
      agencyId: options.agencyId,
      targetDelayDays: options.targetDelayDays ?? 10,
      delivery: "electronic",
      status: options.status ?? "published",
    })
    .returning();
  const [version] = await db
    .insert(procedureVersions)
    .values({
      procedureId: procedure!.id,
      version: 1,
      definition: {
        sections: [
          {
            id: "main",
            title: { fr: "Demande", en: "Request" },
            fields: [{ name: "motif", type: "text", label: { fr: "Motif", en: "Reason" }, required: true }],
          },
        ],
      } as never,
      publishedAt: new Date(),
    })
    .returning();
  return { procedure: procedure!, version: version! };
}

const REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A reference shaped like the real ones (TG-YYYY-XXXX-XXXX), random, without the check rule. */
function testReference(): string {
  const part = () => Array.from(randomBytes(4), (b) => REFERENCE_ALPHABET[b % 32]).join("");
  return `TG-2026-${part()}-${part()}`;
}

export interface CaseOptions {
  procedure: { id: number; targetDelayDays: number };
  versionId: number;
  applicantId: string;
  status?: CaseStatus;
  regionCode?: RegionCode;
  officeId?: number | null;
  preferredOfficeId?: number | null;
  assigneeId?: string | null;
  submittedAt?: Date | null;
  createdAt?: Date;
  dueAt?: Date | null;
}

/** A case in any status; a submitted case gets its due date from the procedure's delay. */
export async function createCase(db: Executor, options: CaseOptions): Promise<Case> {
  const status = options.status ?? "submitted";
  const submittedAt = options.submittedAt === undefined ? (status === "draft" ? null : new Date()) : options.submittedAt;
  const dueAt =
    options.dueAt !== undefined
      ? options.dueAt
      : submittedAt && status !== "queued" && status !== "draft"
        ? new Date(submittedAt.getTime() + options.procedure.targetDelayDays * 86_400_000)
        : null;
  const [created] = await db
    .insert(cases)
    .values({
      reference: testReference(),
      procedureId: options.procedure.id,
      procedureVersionId: options.versionId,
      applicantId: options.applicantId,
      status,
      regionCode: options.regionCode ?? "maritime",
      officeId: options.officeId ?? null,
      preferredOfficeId: options.preferredOfficeId ?? null,
      assigneeId: options.assigneeId ?? null,
      submittedAt,
      dueAt,
      data: { motif: "Test" },
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })
    .returning();
  return created!;
}
