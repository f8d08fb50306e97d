import { and, count, desc, eq, isNotNull, isNull, max } from "drizzle-orm";
import { cases, procedures, procedureVersions, users } from "../../../db/schema";
import type { ProcedureStatus } from "~/domain/constants";
import { formDefinitionProblems, type DefinitionProblem } from "~/domain/forms/checks";
import type { FormDefinition } from "~/domain/forms/definition";
import type { Database, Executor } from "~/utils/db.server";
import { forgetCatalogueSnapshot } from "../catalogue.server";
import { auditAdminChange, type AdminActor } from "./admin-audit.server";

/**
 * A procedure's form as the administrators edit it. Published versions are never changed: the
 * first edit after a publication copies the latest published definition into a working copy
 * (a `procedure_version` row without `published_at`, at most one per procedure), and publishing
 * stamps that copy. Cases keep the version they were started on (`case.procedure_version_id`),
 * so a citizen half-way through version 1 finishes on version 1.
 */
export interface WorkingForm {
  procedureId: number;
  /** The working copy's row, or null while the form is the published one, untouched. */
  versionId: number | null;
  /** The number this form has, or will have once published. */
  version: number;
  definition: FormDefinition;
  /** The latest published version number, if any. */
  publishedVersion: number | null;
  /** True when there are edits not yet published. */
  hasUnpublishedChanges: boolean;
}

const EMPTY_FORM: FormDefinition = { sections: [] };

async function latestPublished(db: Executor, procedureId: number) {
  const [row] = await db
    .select({ id: procedureVersions.id, version: procedureVersions.version, definition: procedureVersions.definition })
    .from(procedureVersions)
    .where(and(eq(procedureVersions.procedureId, procedureId), isNotNull(procedureVersions.publishedAt)))
    .orderBy(desc(procedureVersions.version))
    .limit(1);
  return row ?? null;
}

async function workingCopy(db: Executor, procedureId: number) {
  const [row] = await db
    .select({ id: procedureVersions.id, version: procedureVersions.version, definition: procedureVersions.definition })
    .from(procedureVersions)
    .where(and(eq(procedureVersions.procedureId, procedureId), isNull(procedureVersions.publishedAt)))
    .limit(1);
  return row ?? null;
}

/** The form an administrator edits now, or null when the procedure does not exist. */
export async function loadWorkingForm(db: Executor, procedureId: number): Promise<WorkingForm | null> {
  const [procedure] = await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.id, procedureId));
  if (!procedure) return null;
  const [copy, published] = await Promise.all([workingCopy(db, procedureId), latestPublished(db, procedureId)]);
  if (copy) {
    return { procedureId, versionId: copy.id, version: copy.version, definition: copy.definition, publishedVersion: published?.version ?? null, hasUnpublishedChanges: true };
  }
  return {
    procedureId,
    versionId: null,
    version: (published?.version ?? 0) + 1,
    definition: published?.definition ?? EMPTY_FORM,
    publishedVersion: published?.version ?? null,
    hasUnpublishedChanges: false,
  };
}

export type FormEdit =
  | { ok: true; definition: FormDefinition; /** What changed, for the audit log (e.g. { change: "field.add", field: "nom" }). */ details: Record<string, unknown> }
  | { ok: false; error: string };

export type FormEditResult = { ok: true; definition: FormDefinition; version: number } | { ok: false; error: string } | { ok: false; error: "not_found" };

/**
 * Apply one edit to the working copy, creating it from the latest published form when needed, in
 * one transaction that holds the procedure row: two administrators editing at once apply their
 * edits one after the other, each on the other's result.
 */
export async function editWorkingForm(db: Database, input: { procedureId: number; actor: AdminActor; edit: (definition: FormDefinition) => FormEdit }): Promise<FormEditResult> {
  return db.transaction(async (tx) => {
    const [procedure] = await tx.select({ id: procedures.id }).from(procedures).where(eq(procedures.id, input.procedureId)).for("update");
    if (!procedure) return { ok: false as const, error: "not_found" as const };
    const copy = await workingCopy(tx, input.procedureId);
    const base = copy?.definition ?? (await latestPublished(tx, input.procedureId))?.definition ?? EMPTY_FORM;
    const result = input.edit(structuredClone(base));
    if (!result.ok) return result;
    let version: number;
    if (copy) {
      version = copy.version;
      await tx.update(procedureVersions).set({ definition: result.definition }).where(eq(procedureVersions.id, copy.id));
    } else {
      const [{ highest }] = (await tx.select({ highest: max(procedureVersions.version) }).from(procedureVersions).where(eq(procedureVersions.procedureId, input.procedureId))) as [{ highest: number | null }];
      version = (highest ?? 0) + 1;
      await tx.insert(procedureVersions).values({ procedureId: input.procedureId, version, definition: result.definition, createdBy: input.actor.id });
    }
    await auditAdminChange(tx, input.actor, {
      action: "admin.procedure.form.update",
      targetType: "procedure",
      targetId: input.procedureId,
      details: { version, ...result.details },
    });
    return { ok: true as const, definition: result.definition, version };
  });
}

/** Throw away the unpublished edits: the form is the published one again. */
export async function discardWorkingForm(db: Database, input: { procedureId: number; actor: AdminActor }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const deleted = await tx
      .delete(procedureVersions)
      .where(and(eq(procedureVersions.procedureId, input.procedureId), isNull(procedureVersions.publishedAt)))
      .returning({ version: procedureVersions.version });
    if (deleted.length === 0) return false;
    await auditAdminChange(tx, input.actor, {
      action: "admin.procedure.form.discard",
      targetType: "procedure",
      targetId: input.procedureId,
      details: { version: deleted[0]!.version },
    });
    return true;
  });
}

export type PublishProblem = DefinitionProblem | { code: "nothing_to_publish" } | { code: "no_form" };

export type PublishResult = { ok: true; version: number } | { ok: false; problems: PublishProblem[] } | { ok: false; problems: []; notFound: true };

/**
 * Put the procedure online with its working form as a new version (or, with no pending edits,
 * its latest published form again, e.g. after closing it). Refused while the form has problems.
 */
export async function publishProcedure(db: Database, input: { procedureId: number; actor: AdminActor; now?: Date }): Promise<PublishResult> {
  const now = input.now ?? new Date();
  const result = await db.transaction(async (tx): Promise<PublishResult> => {
    const [procedure] = await tx
      .select({ id: procedures.id, status: procedures.status, requiredDocuments: procedures.requiredDocuments })
      .from(procedures)
      .where(eq(procedures.id, input.procedureId))
      .for("update");
    if (!procedure) return { ok: false, problems: [], notFound: true };
    const [copy, published] = await Promise.all([workingCopy(tx, input.procedureId), latestPublished(tx, input.procedureId)]);
    const candidate = copy ?? published;
    if (!candidate) return { ok: false, problems: [{ code: "no_form" }] };
    if (!copy && procedure.status === "published") return { ok: false, problems: [{ code: "nothing_to_publish" }] };
    const problems = formDefinitionProblems(candidate.definition, procedure.requiredDocuments);
    if (problems.length > 0) return { ok: false, problems };
    if (copy) await tx.update(procedureVersions).set({ publishedAt: now }).where(eq(procedureVersions.id, copy.id));
    await tx.update(procedures).set({ status: "published", updatedAt: now }).where(eq(procedures.id, procedure.id));
    await auditAdminChange(tx, input.actor, {
      action: "admin.procedure.publish",
      targetType: "procedure",
      targetId: procedure.id,
      before: { status: procedure.status, version: published?.version ?? null },
      after: { status: "published", version: candidate.version },
    });
    return { ok: true, version: candidate.version };
  });
  if (result.ok) forgetCatalogueSnapshot();
  return result;
}

/**
 * Take the procedure offline: it leaves the catalogue and no new request can be started. Cases
 * already filed — and drafts already started — go on with their version.
 */
export async function closeProcedure(db: Database, input: { procedureId: number; actor: AdminActor; now?: Date }): Promise<{ ok: boolean }> {
  const now = input.now ?? new Date();
  const closed = await db.transaction(async (tx) => {
    const [procedure] = await tx.select({ id: procedures.id, status: procedures.status }).from(procedures).where(eq(procedures.id, input.procedureId)).for("update");
    if (!procedure || procedure.status !== "published") return false;
    await tx.update(procedures).set({ status: "closed" satisfies ProcedureStatus, updatedAt: now }).where(eq(procedures.id, procedure.id));
    await auditAdminChange(tx, input.actor, {
      action: "admin.procedure.close",
      targetType: "procedure",
      targetId: procedure.id,
      before: { status: procedure.status },
      after: { status: "closed" },
    });
    return true;
  });
  if (closed) forgetCatalogueSnapshot();
  return { ok: closed };
}

export interface VersionSummary {
  version: number;
  publishedAt: Date | null;
  createdByName: string | null;
  /** Cases (drafts included) started on this version: only a count, never their content. */
  caseCount: number;
}

/** Every version of a procedure's form, newest first. */
export async function listVersions(db: Executor, procedureId: number): Promise<VersionSummary[]> {
  const rows = await db
    .select({
      version: procedureVersions.version,
      publishedAt: procedureVersions.publishedAt,
      createdByName: users.fullName,
      caseCount: count(cases.id),
    })
    .from(procedureVersions)
    .leftJoin(users, eq(users.id, procedureVersions.createdBy))
    .leftJoin(cases, eq(cases.procedureVersionId, procedureVersions.id))
    .where(eq(procedureVersions.procedureId, procedureId))
    .groupBy(procedureVersions.id, users.fullName)
    .orderBy(desc(procedureVersions.version));
  return rows.map((r) => ({ ...r, caseCount: Number(r.caseCount) }));
}
