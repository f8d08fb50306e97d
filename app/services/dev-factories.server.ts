/**
 * Factories for the end-to-end tests (DEV_FACTORIES=1, decision 017): what a spec needs but does
 * not test is made through the services rather than through the pages other specs already test —
 * a new citizen with an open session, and a case she filed. The same services as the pages run
 * (draft, form steps, uploads, submission with its routing and notifications): only the browser
 * is skipped.
 */
import { createHash } from "node:crypto";
import { and, desc, eq, isNotNull } from "drizzle-orm";
import type { RegionCode } from "~/domain/constants";
import type { FormDefinition, FormField } from "~/domain/forms/definition";
import { isFieldVisible, validateSection } from "~/domain/forms/schema";
import { createCitizen } from "../../db/seed/factories";
import { sampleAnswer, sampleFile } from "../../db/seed/sample-answers";
import type { Database } from "~/utils/db.server";
import { procedures, procedureVersions } from "../../db/schema";
import { startOrResumeDraft } from "./drafts.server";
import { saveForWhom, saveOfficeChoice, saveSectionAnswers } from "./form-steps.server";
import { getFileStorage, newStorageKey } from "./storage";
import { submitCase } from "./submission.server";
import { attachToCase } from "./uploads.server";
import { createSession } from "~/utils/session.server";

export function isDevFactoriesEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV !== "production" || env.DEV_FACTORIES === "1";
}

export interface FactoryCitizen {
  userId: string;
  email: string;
  password: string;
  /** A session token of hers (the caller sets the cookie). */
  sessionToken: string;
}

/** A new citizen (e-mail account, a random password) and a session of hers. */
export async function makeCitizen(db: Database, input: { fullName: string; regionCode?: RegionCode }): Promise<FactoryCitizen> {
  const { user, password } = await createCitizen(db, { fullName: input.fullName, regionCode: input.regionCode ?? "maritime" });
  const { token } = await createSession(db, user.id, { userAgent: "e2e factory" });
  return { userId: user.id, email: user.email!, password, sessionToken: token };
}

export type FiledCase = { ok: true; reference: string; trackingCode: string | null } | { ok: false; error: "unknown_procedure" | "invalid_answers" | "not_submitted" };

/**
 * The citizen files `slug` for herself in `regionCode`, every field answered plausibly
 * (db/seed/sample-answers.ts) with `answers` chosen on purpose, every document attached; the
 * submission routes it as a real one does.
 */
export async function fileCase(
  db: Database,
  input: { userId: string; slug: string; regionCode: RegionCode; answers?: Record<string, string | string[]>; baseUrl?: string },
): Promise<FiledCase> {
  const [procedure] = await db.select({ id: procedures.id }).from(procedures).where(eq(procedures.slug, input.slug));
  if (!procedure) return { ok: false, error: "unknown_procedure" };
  const draft = await startOrResumeDraft(db, { userId: input.userId, procedureId: procedure.id });
  if (!draft) return { ok: false, error: "unknown_procedure" };
  const [version] = await db
    .select({ definition: procedureVersions.definition })
    .from(procedureVersions)
    .where(and(eq(procedureVersions.procedureId, procedure.id), isNotNull(procedureVersions.publishedAt)))
    .orderBy(desc(procedureVersions.version))
    .limit(1);
  const definition = version!.definition as FormDefinition;

  await saveForWhom(db, { caseId: draft.id, forWhom: "self", onBehalfOf: null, confirm: true });
  let data: Record<string, unknown> = {};
  for (const section of definition.sections) {
    const raw: Record<string, string | string[]> = {};
    const files: FormField[] = [];
    for (const field of section.fields) {
      const value = input.answers?.[field.name] ?? sampleAnswer(field);
      if (field.type === "file") files.push(field);
      else if (value !== null) raw[field.name] = value;
    }
    const result = validateSection(section, raw, data);
    if (!result.ok) return { ok: false, error: "invalid_answers" };
    const context = { ...data, ...result.values };
    for (const field of files) {
      if (field.type !== "file" || !isFieldVisible(field, context)) continue;
      const file = sampleFile(field);
      const storageKey = newStorageKey();
      await getFileStorage().put(storageKey, file.bytes, { contentType: file.mimeType });
      const stored = { field: field.name, filename: file.filename, mimeType: file.mimeType, sizeBytes: file.bytes.length, sha256: createHash("sha256").update(file.bytes).digest("hex"), storageKey };
      await attachToCase(db, { caseId: draft.id, ownerId: input.userId, files: [stored], replaceFields: true });
    }
    data = (await saveSectionAnswers(db, { caseId: draft.id, definition, section, values: result.values, confirm: true })) ?? data;
  }
  await saveOfficeChoice(db, { caseId: draft.id, regionCode: input.regionCode, preferredOfficeId: null, confirm: true });

  const submitted = await submitCase(db, { userId: input.userId, reference: draft.reference, baseUrl: input.baseUrl });
  if (!submitted.ok) return { ok: false, error: "not_submitted" };
  return { ok: true, reference: submitted.reference, trackingCode: submitted.trackingCode };
}
