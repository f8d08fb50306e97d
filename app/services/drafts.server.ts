import { randomBytes } from "node:crypto";
import { and, desc, eq, isNotNull, lt, sql } from "drizzle-orm";
import { cases, procedures, procedureVersions, users } from "../../db/schema";
import { generateReference } from "~/domain/reference";
import type { Executor } from "~/utils/db.server";

/** Drafts untouched for this long are deleted (with their uploads) by housekeeping. */
export const DRAFT_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

const secureBytes = (n: number) => new Uint8Array(randomBytes(n));

export interface DraftRef {
  id: string;
  reference: string;
  /** An existing draft was found and is offered instead of a new one. */
  resumed: boolean;
}

/** The citizen's most recent draft for a procedure, if any. */
export async function findDraft(executor: Executor, userId: string, procedureId: number): Promise<{ id: string; reference: string; updatedAt: Date } | null> {
  const [draft] = await executor
    .select({ id: cases.id, reference: cases.reference, updatedAt: cases.updatedAt })
    .from(cases)
    .where(and(eq(cases.applicantId, userId), eq(cases.procedureId, procedureId), eq(cases.status, "draft")))
    .orderBy(desc(cases.updatedAt))
    .limit(1);
  return draft ?? null;
}

/**
 * "Commencer": the citizen's existing draft for this procedure, or a new one on the procedure's
 * latest published form version (which the case keeps even if a new version is published).
 * The region defaults to the one in the citizen's profile. Null if the procedure is not published.
 */
export async function startOrResumeDraft(executor: Executor, input: { userId: string; procedureId: number; now?: Date }): Promise<DraftRef | null> {
  const existing = await findDraft(executor, input.userId, input.procedureId);
  if (existing) return { id: existing.id, reference: existing.reference, resumed: true };
  const [version] = await executor
    .select({ id: procedureVersions.id })
    .from(procedureVersions)
    .innerJoin(procedures, eq(procedures.id, procedureVersions.procedureId))
    .where(and(eq(procedureVersions.procedureId, input.procedureId), eq(procedures.status, "published"), isNotNull(procedureVersions.publishedAt)))
    .orderBy(desc(procedureVersions.version))
    .limit(1);
  if (!version) return null;
  const [user] = await executor.select({ regionCode: users.regionCode }).from(users).where(eq(users.id, input.userId));
  const year = (input.now ?? new Date()).getUTCFullYear();
  // A conflict is either another "Commencer" sent at the same moment (the unique index
  // case_one_draft_idx: return that draft) or, rarely, a reference already taken (draw again).
  for (let attempt = 0; ; attempt++) {
    const reference = generateReference(year, secureBytes);
    const [created] = await executor
      .insert(cases)
      .values({
        reference,
        procedureId: input.procedureId,
        procedureVersionId: version.id,
        applicantId: input.userId,
        status: "draft",
        regionCode: user?.regionCode ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: cases.id, reference: cases.reference });
    if (created) return { ...created, resumed: false };
    const concurrent = await findDraft(executor, input.userId, input.procedureId);
    if (concurrent) return { id: concurrent.id, reference: concurrent.reference, resumed: true };
    if (attempt >= 5) throw new Error("could not allocate a unique case reference");
  }
}

/** Drafts untouched for DRAFT_LIFETIME_MS, oldest first (housekeeping deletes them with their files). */
export async function expiredDraftIds(executor: Executor, now = new Date(), limit = 500): Promise<string[]> {
  const rows = await executor
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.status, "draft"), lt(cases.updatedAt, new Date(now.getTime() - DRAFT_LIFETIME_MS))))
    .orderBy(sql`${cases.updatedAt} asc`)
    .limit(limit);
  return rows.map((r) => r.id);
}
