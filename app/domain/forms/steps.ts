import type { FormDefinition } from "./definition";
import { RESERVED_KEYS, validateCaseData, type ValidationOptions } from "./schema";

/**
 * The pages of a case form, in order: "pour-qui", one per section (its id), "bureau",
 * "verification". Each is the last segment of /mon-espace/dossiers/:ref/formulaire/<step>.
 */
export type StepKind = "pour-qui" | "section" | "bureau" | "verification";
export interface FormStep {
  id: string;
  kind: StepKind;
}

export const FOR_WHOM_STEP = "pour-qui";
export const OFFICE_STEP = "bureau";
export const REVIEW_STEP = "verification";

export function caseSteps(definition: FormDefinition): FormStep[] {
  return [
    { id: FOR_WHOM_STEP, kind: "pour-qui" },
    ...definition.sections.map((section) => ({ id: section.id, kind: "section" as const })),
    { id: OFFICE_STEP, kind: "bureau" },
    { id: REVIEW_STEP, kind: "verification" },
  ];
}

export interface CaseProgress {
  data: Record<string, unknown>;
  /** Names of the file fields with an uploaded (not deleted) attachment. */
  uploadedFields: ReadonlySet<string>;
  onBehalfOf: { fullName: string; relationship: string } | null;
  regionCode: string | null;
}

/** Step ids the citizen confirmed with "Continuer" (`data._etapes`). */
export function confirmedSteps(data: Record<string, unknown>): string[] {
  const value = data[RESERVED_KEYS.steps];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** `data` with the step added to the confirmed ones. */
export function withConfirmedStep(data: Record<string, unknown>, stepId: string): Record<string, unknown> {
  const steps = confirmedSteps(data);
  return steps.includes(stepId) ? data : { ...data, [RESERVED_KEYS.steps]: [...steps, stepId] };
}

/**
 * Steps that are done: confirmed once, and still valid (a section whose required answers or
 * documents are missing — for instance because an answer elsewhere made a field appear — is not).
 * "verification" is never complete: it is where the case is sent.
 */
export function completedSteps(definition: FormDefinition, progress: CaseProgress, options: ValidationOptions = {}): Set<string> {
  const confirmed = new Set(confirmedSteps(progress.data));
  const done = new Set<string>();
  const forWhom = progress.data[RESERVED_KEYS.forWhom];
  if (forWhom === "self" || (forWhom === "other" && progress.onBehalfOf)) done.add(FOR_WHOM_STEP);
  const check = validateCaseData(definition, progress.data, progress.uploadedFields, options);
  const sectionsWithErrors = new Set(check.ok ? [] : check.errors.map((e) => e.sectionId));
  for (const section of definition.sections) {
    if (confirmed.has(section.id) && !sectionsWithErrors.has(section.id)) done.add(section.id);
  }
  if (confirmed.has(OFFICE_STEP) && progress.regionCode) done.add(OFFICE_STEP);
  return done;
}

/** Where "reprendre" leads: the first step not done, else the check-your-answers page. */
export function firstIncompleteStep(definition: FormDefinition, progress: CaseProgress, options: ValidationOptions = {}): FormStep {
  const done = completedSteps(definition, progress, options);
  const steps = caseSteps(definition);
  return steps.find((step) => step.kind !== "verification" && !done.has(step.id)) ?? (steps[steps.length - 1] as FormStep);
}

/** The step's neighbours (back link, "Continuer") and its position ("Étape 2 sur 6"); null if the id is no step. */
export function stepPosition(definition: FormDefinition, stepId: string) {
  const steps = caseSteps(definition);
  const index = steps.findIndex((step) => step.id === stepId);
  if (index < 0) return null;
  return {
    step: steps[index] as FormStep,
    number: index + 1,
    total: steps.length,
    previous: index > 0 ? (steps[index - 1] as FormStep) : null,
    next: index < steps.length - 1 ? (steps[index + 1] as FormStep) : null,
  };
}

/**
 * Where "Continuer" leads: the next step on the first time through; once the citizen has reached
 * the end (the bureau step confirmed), back to the check-your-answers page — or to the first step
 * that the change left incomplete (an answer that makes a document necessary, for instance).
 */
export function stepAfter(definition: FormDefinition, progress: CaseProgress, stepId: string, options: ValidationOptions = {}): FormStep {
  if (confirmedSteps(progress.data).includes(OFFICE_STEP)) return firstIncompleteStep(definition, progress, options);
  return stepPosition(definition, stepId)?.next ?? firstIncompleteStep(definition, progress, options);
}

/** URL of a step of a case. */
export function stepPath(reference: string, stepId: string): string {
  return `/mon-espace/dossiers/${reference}/formulaire/${stepId}`;
}
