import { and, asc, desc, eq, ilike, isNotNull, like, or, type SQL } from "drizzle-orm";
import { agencies, procedures, procedureVersions } from "../../../db/schema";
import type { ProcedureStatus } from "~/domain/constants";
import type { FormDefinition, RequiredDocument } from "~/domain/forms/definition";
import { fieldsProvidingDocument, moveItem, slugify, uniqueSlug, type ProcedureMetadata, type ProcedureUpdate } from "~/domain/procedure-admin";
import { procedureSearchText } from "~/domain/search";
import type { Database, Executor } from "~/utils/db.server";
import { forgetCatalogueSnapshot } from "../catalogue.server";
import { auditAdminChange, type AdminActor } from "./admin-audit.server";

export interface ProcedureFilters {
  status?: ProcedureStatus;
  agencyId?: number;
  q?: string;
}

/** Every procedure for the administrators' list (at most 500, by title), with its published version and pending edits. */
export async function listProcedures(db: Executor, filters: ProcedureFilters) {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(procedures.status, filters.status));
  if (filters.agencyId) conditions.push(eq(procedures.agencyId, filters.agencyId));
  if (filters.q) {
    const pattern = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(procedures.titleFr, pattern), ilike(procedures.titleEn, pattern), like(procedures.slug, pattern))!);
  }
  const [rows, versions] = await Promise.all([
    db
      .select({
        id: procedures.id,
        titleFr: procedures.titleFr,
        titleEn: procedures.titleEn,
        category: procedures.category,
        status: procedures.status,
        updatedAt: procedures.updatedAt,
        agencyName: agencies.nameFr,
      })
      .from(procedures)
      .innerJoin(agencies, eq(agencies.id, procedures.agencyId))
      .where(conditions.length > 0 ? and(...conditions) : undefined)
      .orderBy(asc(procedures.titleFr))
      .limit(500),
    db.select({ procedureId: procedureVersions.procedureId, version: procedureVersions.version, publishedAt: procedureVersions.publishedAt }).from(procedureVersions),
  ]);
  const published = new Map<number, number>();
  const pending = new Set<number>();
  for (const v of versions) {
    if (v.publishedAt === null) pending.add(v.procedureId);
    else published.set(v.procedureId, Math.max(published.get(v.procedureId) ?? 0, v.version));
  }
  return rows.map((row) => ({ ...row, publishedVersion: published.get(row.id) ?? null, hasUnpublishedChanges: pending.has(row.id) }));
}

export type ProcedureListRow = Awaited<ReturnType<typeof listProcedures>>[number];

/** The agencies, by French name, for the selects. */
export async function agencyOptions(db: Executor) {
  return db.select({ id: agencies.id, name: agencies.nameFr }).from(agencies).orderBy(asc(agencies.nameFr));
}

export async function findProcedure(db: Executor, id: number) {
  const [row] = await db
    .select({ procedure: procedures, agencyName: agencies.nameFr, agencyNameEn: agencies.nameEn })
    .from(procedures)
    .innerJoin(agencies, eq(agencies.id, procedures.agencyId))
    .where(eq(procedures.id, id));
  return row ?? null;
}

async function hasBeenPublished(db: Executor, procedureId: number): Promise<boolean> {
  const rows = await db.select({ id: procedureVersions.id }).from(procedureVersions).where(and(eq(procedureVersions.procedureId, procedureId), isNotNull(procedureVersions.publishedAt))).limit(1);
  return rows.length > 0;
}

/** True while the address may still change: the procedure was never published (no link to it exists). */
export async function slugEditable(db: Executor, procedureId: number): Promise<boolean> {
  return !(await hasBeenPublished(db, procedureId));
}

const metadataSnapshot = (p: typeof procedures.$inferSelect) => ({
  slug: p.slug,
  titleFr: p.titleFr,
  titleEn: p.titleEn,
  summaryFr: p.summaryFr,
  summaryEn: p.summaryEn,
  eligibilityFr: p.eligibilityFr,
  eligibilityEn: p.eligibilityEn,
  category: p.category,
  agencyId: p.agencyId,
  feeXof: p.feeXof,
  targetDelayDays: p.targetDelayDays,
  infoRequestExpiryDays: p.infoRequestExpiryDays,
  delivery: p.delivery,
  keywords: p.keywords,
});

async function agencyExists(db: Executor, agencyId: number) {
  return (await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId))).length > 0;
}

async function takenSlugs(db: Executor, base: string, exceptId?: number) {
  const rows = await db.select({ id: procedures.id, slug: procedures.slug }).from(procedures).where(like(procedures.slug, `${base}%`));
  return new Set(rows.filter((r) => r.id !== exceptId).map((r) => r.slug));
}

export type MetadataResult = { ok: true; id: number } | { ok: false; errors: Partial<Record<"agencyId" | "slug", string>> } | { ok: false; notFound: true; errors: Record<string, never> };

/** A new procedure, in preparation (draft), without form nor required documents. */
export async function createProcedure(db: Database, input: { actor: AdminActor; metadata: ProcedureMetadata; now?: Date }): Promise<MetadataResult> {
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    if (!(await agencyExists(tx, input.metadata.agencyId))) return { ok: false as const, errors: { agencyId: "errors.agencyId.required" } };
    const base = slugify(input.metadata.titleFr);
    const slug = uniqueSlug(base, await takenSlugs(tx, base));
    const [created] = await tx
      .insert(procedures)
      .values({ ...input.metadata, slug, status: "draft", requiredDocuments: [], searchText: procedureSearchText(input.metadata), createdAt: now, updatedAt: now })
      .returning();
    await auditAdminChange(tx, input.actor, { action: "admin.procedure.create", targetType: "procedure", targetId: created!.id, before: null, after: metadataSnapshot(created!) });
    return { ok: true as const, id: created!.id };
  });
}

/** New metadata (and address, while never published); the catalogue forgets its copy of a published one. */
export async function updateProcedure(db: Database, input: { actor: AdminActor; procedureId: number; update: ProcedureUpdate; now?: Date }): Promise<MetadataResult & { changed?: boolean }> {
  const now = input.now ?? new Date();
  const result = await db.transaction(async (tx) => {
    const [current] = await tx.select().from(procedures).where(eq(procedures.id, input.procedureId)).for("update");
    if (!current) return { ok: false as const, notFound: true as const, errors: {} };
    if (!(await agencyExists(tx, input.update.agencyId))) return { ok: false as const, errors: { agencyId: "errors.agencyId.required" } };
    const { slug: wanted, ...metadata } = input.update;
    let slug = current.slug;
    if (wanted && wanted !== current.slug) {
      if (await hasBeenPublished(tx, current.id)) return { ok: false as const, errors: { slug: "errors.slug.locked" } };
      if ((await takenSlugs(tx, wanted, current.id)).has(wanted)) return { ok: false as const, errors: { slug: "errors.slug.taken" } };
      slug = wanted;
    }
    const before = metadataSnapshot(current);
    const after = { ...before, ...metadata, slug };
    if (JSON.stringify(before) === JSON.stringify(after)) return { ok: true as const, id: current.id, changed: false, status: current.status };
    await tx
      .update(procedures)
      .set({ ...metadata, slug, searchText: procedureSearchText(metadata), updatedAt: now })
      .where(eq(procedures.id, current.id));
    await auditAdminChange(tx, input.actor, { action: "admin.procedure.update", targetType: "procedure", targetId: current.id, before, after });
    return { ok: true as const, id: current.id, changed: true, status: current.status };
  });
  if (result.ok && result.changed && result.status !== "draft") forgetCatalogueSnapshot();
  return result;
}

/** The forms whose file fields may point at a required document: the working copy and the latest published one. */
async function formsInUse(db: Executor, procedureId: number): Promise<FormDefinition[]> {
  const rows = await db
    .select({ definition: procedureVersions.definition, publishedAt: procedureVersions.publishedAt })
    .from(procedureVersions)
    .where(eq(procedureVersions.procedureId, procedureId))
    .orderBy(desc(procedureVersions.version));
  const copy = rows.find((r) => r.publishedAt === null);
  const published = rows.find((r) => r.publishedAt !== null);
  return [copy, published].filter((r) => r !== undefined).map((r) => r.definition);
}

export type DocumentChange =
  | { kind: "add"; document: RequiredDocument }
  | { kind: "edit"; code: string; document: RequiredDocument }
  | { kind: "remove"; code: string }
  | { kind: "move"; code: string; direction: "up" | "down" };

export type DocumentChangeResult =
  | { ok: true }
  | { ok: false; error: "not_found" | "unknown_document" }
  | { ok: false; error: "code_taken"; code: string }
  | { ok: false; error: "in_use"; code: string; fields: string[] };

/** One change to the list of required documents, refused when a file field of the forms still refers to a code being removed or renamed. */
export async function changeRequiredDocuments(db: Database, input: { actor: AdminActor; procedureId: number; change: DocumentChange; now?: Date }): Promise<DocumentChangeResult> {
  const now = input.now ?? new Date();
  const { change } = input;
  const result = await db.transaction(async (tx): Promise<DocumentChangeResult & { status?: ProcedureStatus }> => {
    const [current] = await tx.select({ id: procedures.id, status: procedures.status, documents: procedures.requiredDocuments }).from(procedures).where(eq(procedures.id, input.procedureId)).for("update");
    if (!current) return { ok: false, error: "not_found" };
    const before = current.documents;
    let after: RequiredDocument[];
    if (change.kind === "add") {
      if (before.some((d) => d.code === change.document.code)) return { ok: false, error: "code_taken", code: change.document.code };
      after = [...before, change.document];
    } else {
      const index = before.findIndex((d) => d.code === change.code);
      if (index < 0) return { ok: false, error: "unknown_document" };
      const leaving = change.kind === "remove" || (change.kind === "edit" && change.document.code !== change.code);
      if (leaving) {
        const fields = fieldsProvidingDocument(await formsInUse(tx, current.id), change.code);
        if (fields.length > 0) return { ok: false, error: "in_use", code: change.code, fields };
      }
      if (change.kind === "edit" && change.document.code !== change.code && before.some((d) => d.code === change.document.code)) {
        return { ok: false, error: "code_taken", code: change.document.code };
      }
      if (change.kind === "remove") after = before.filter((d) => d.code !== change.code);
      else if (change.kind === "edit") after = before.map((d, i) => (i === index ? change.document : d));
      else after = moveItem(before, index, change.direction);
    }
    await tx.update(procedures).set({ requiredDocuments: after, updatedAt: now }).where(eq(procedures.id, current.id));
    await auditAdminChange(tx, input.actor, {
      action: "admin.procedure.documents.update",
      targetType: "procedure",
      targetId: current.id,
      before: { requiredDocuments: before },
      after: { requiredDocuments: after },
      details: { change: change.kind, code: change.kind === "add" ? change.document.code : change.code },
    });
    return { ok: true, status: current.status };
  });
  if (result.ok && result.status !== "draft") forgetCatalogueSnapshot();
  return result.ok ? { ok: true } : result;
}
