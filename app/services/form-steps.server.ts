import { redirect } from "@remix-run/node";
import { and, eq, sql } from "drizzle-orm";
import { cases } from "../../db/schema";
import type { OnBehalfOf } from "../../db/schema/cases";
import type { Locale, RegionCode } from "~/domain/constants";
import type { FormDefinition, FormSection } from "~/domain/forms/definition";
import { mergeSectionValues, pruneHiddenFields, RESERVED_KEYS } from "~/domain/forms/schema";
import { stepAfter, stepPath, withConfirmedStep, type CaseProgress } from "~/domain/forms/steps";
import { requireUser } from "~/utils/auth.server";
import { getDb, type Executor } from "~/utils/db.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { requireOwnCase, type OwnCase } from "./case-access.server";
import { listCaseAttachments, type AttachmentSummary } from "./uploads.server";

/** The uploaded file of each form field (the latest when several). */
export function uploadsByField(attachments: readonly AttachmentSummary[]): Record<string, AttachmentSummary> {
  const byField: Record<string, AttachmentSummary> = {};
  for (const attachment of attachments) if (attachment.fieldName) byField[attachment.fieldName] = attachment;
  return byField;
}

/**
 * What every page of a case form needs: the signed-in citizen's own draft (404 for anyone else's
 * or an unknown reference; a case already sent redirects to its page), the form definition of the
 * version the case was started on, its uploads and its progress.
 */
export async function loadDraftForm(request: Request, reference: string | undefined) {
  const user = await requireUser(request);
  const db = await getDb();
  const kase = await requireOwnCase(db, user.id, reference);
  if (kase.status !== "draft") throw redirect(`/mon-espace/dossiers/${kase.reference}`);
  const definition = kase.formVersion.definition as FormDefinition;
  const attachments = await listCaseAttachments(db, kase.id);
  const uploads = uploadsByField(attachments);
  const data = (kase.data ?? {}) as Record<string, unknown>;
  const progress: CaseProgress = {
    data,
    uploadedFields: new Set(Object.keys(uploads)),
    onBehalfOf: kase.onBehalfOf ?? null,
    regionCode: kase.regionCode ?? null,
  };
  const locale: Locale = toLocale(await i18next.getLocale(request));
  return { user, db, kase, definition, uploads, data, progress, locale };
}

export type DraftForm = Awaited<ReturnType<typeof loadDraftForm>>;

/**
 * The redirect after "Continuer" (see stepAfter) given what was just saved; a case that stopped
 * being a draft meanwhile (saved is null: sent from another tab) goes to its page.
 */
export function redirectAfterStep(form: DraftForm, stepId: string, saved: Record<string, unknown> | null, changes: Partial<Omit<CaseProgress, "data">> = {}): Response {
  if (!saved) return redirect(`/mon-espace/dossiers/${form.kase.reference}`, 303);
  const progress: CaseProgress = { ...form.progress, ...changes, data: saved };
  return redirect(stepPath(form.kase.reference, stepAfter(form.definition, progress, stepId).id), 303);
}

/** The procedure's title in the locale (caption of every step). */
export function procedureTitle(kase: OwnCase, locale: Locale): string {
  return locale === "en" ? kase.procedure.titleEn : kase.procedure.titleFr;
}

/** Rewrite a draft's data under a row lock: the new data, or null when the case is no longer a draft. */
async function updateDraftData(
  executor: Executor,
  caseId: string,
  change: (data: Record<string, unknown>) => { data: Record<string, unknown>; columns?: Partial<{ onBehalfOf: OnBehalfOf | null; regionCode: RegionCode | null; preferredOfficeId: number | null }> },
): Promise<Record<string, unknown> | null> {
  return executor.transaction(async (tx) => {
    const [row] = await tx
      .select({ data: cases.data })
      .from(cases)
      .where(and(eq(cases.id, caseId), eq(cases.status, "draft")))
      .for("update");
    if (!row) return null;
    const next = change((row.data ?? {}) as Record<string, unknown>);
    await tx
      .update(cases)
      .set({ data: next.data, ...next.columns, updatedAt: sql`now()` })
      .where(eq(cases.id, caseId));
    return next.data;
  });
}

/**
 * Save one section's answers in the draft: the section's previous answers replaced, answers hidden
 * by the new ones dropped everywhere; with `confirm` ("Continuer", all valid) the step is marked done.
 */
export function saveSectionAnswers(
  executor: Executor,
  input: { caseId: string; definition: FormDefinition; section: FormSection; values: Record<string, unknown>; confirm: boolean },
): Promise<Record<string, unknown> | null> {
  return updateDraftData(executor, input.caseId, (data) => {
    let next = mergeSectionValues(input.definition, input.section, data, input.values);
    if (input.confirm) next = withConfirmedStep(next, input.section.id);
    return { data: next };
  });
}

/** "Save for later" keeps the valid answers without replacing the others of the section. */
export function saveValidAnswers(
  executor: Executor,
  input: { caseId: string; definition: FormDefinition; values: Record<string, unknown> },
): Promise<Record<string, unknown> | null> {
  return updateDraftData(executor, input.caseId, (data) => ({ data: pruneHiddenFields(input.definition, { ...data, ...input.values }) }));
}

/** The "pour qui" step: `data._pourQui` and `case.on_behalf_of` (null for oneself). */
export function saveForWhom(executor: Executor, input: { caseId: string; forWhom: "self" | "other"; onBehalfOf: OnBehalfOf | null; confirm: boolean }): Promise<Record<string, unknown> | null> {
  return updateDraftData(executor, input.caseId, (data) => {
    let next: Record<string, unknown> = { ...data, [RESERVED_KEYS.forWhom]: input.forWhom };
    if (input.confirm) next = withConfirmedStep(next, "pour-qui");
    return { data: next, columns: { onBehalfOf: input.forWhom === "self" ? null : input.onBehalfOf } };
  });
}

/** The "bureau" step: region and preferred office (null: no preference). */
export function saveOfficeChoice(
  executor: Executor,
  input: { caseId: string; regionCode: RegionCode; preferredOfficeId: number | null; confirm: boolean },
): Promise<Record<string, unknown> | null> {
  return updateDraftData(executor, input.caseId, (data) => ({
    data: input.confirm ? withConfirmedStep(data, "bureau") : data,
    columns: { regionCode: input.regionCode, preferredOfficeId: input.preferredOfficeId },
  }));
}
