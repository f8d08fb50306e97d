import type { Page } from "@playwright/test";
import type { FormDefinition, FormField } from "../app/domain/forms/definition";
import { sampleAnswer } from "../db/seed/sample-answers";
import { isFieldVisible } from "../app/domain/forms/schema";
import { PROCEDURES } from "../db/seed/data/procedures";
import { clickAndWait, expect } from "./fixtures";

/**
 * Filling a procedure's form the way a citizen does, derived from the procedure's own form
 * definition (shared by the citizen journeys and the back-office specs).
 */
export const PDF = {
  name: "piece-justificative.pdf",
  mimeType: "application/pdf",
  buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
};
// A 1 × 1 PNG: recognised by its content.
export const PNG = {
  name: "photo.png",
  mimeType: "image/png",
  buffer: Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"),
};

export interface Journey {
  slug: string;
  /** What a citizen types in the home page search box. */
  search: string;
  /** Answers chosen on purpose (conditions); every other field gets a plausible answer. */
  answers: Record<string, string | string[]>;
  forWhom: "self" | { fullName: string; relationship: string };
  region: string;
  /** A text answer changed from the check-your-answers page: [field, new value]. */
  change: [string, string];
}

async function fillField(page: Page, field: FormField, value: string | string[] | null) {
  const byName = page.locator(`[name="${field.name}"]`);
  switch (field.type) {
    case "file":
      await byName.setInputFiles(field.accept.includes("application/pdf") ? PDF : PNG);
      return;
    case "select":
      await byName.selectOption(String(value));
      return;
    case "radio":
      await page.locator(`input[name="${field.name}"][value="${String(value)}"]`).check();
      return;
    case "checkbox":
      if (!field.options) await byName.check();
      else for (const v of [value].flat()) await page.locator(`input[name="${field.name}"][value="${String(v)}"]`).check();
      return;
    default:
      await byName.fill(String(value));
  }
}

/** Goes through every step up to "check your answers", filling each section from its definition. */
export async function fillForm(page: Page, journey: Pick<Journey, "slug" | "answers" | "forWhom" | "region">, definition?: FormDefinition) {
  // A demo procedure's form comes from the seed; a procedure built in the test passes its own.
  const procedure = definition ? { definition } : PROCEDURES.find((p) => p.slug === journey.slug)!;
  const data: Record<string, unknown> = {};
  for (let guard = 0; guard < 20; guard++) {
    const step = /\/formulaire\/([^/?]+)/.exec(page.url())?.[1];
    if (step === "verification") return;
    if (step === "pour-qui") {
      if (journey.forWhom === "self") await page.getByLabel("Pour moi-même").check();
      else {
        await page.getByLabel("Pour une autre personne").check();
        await page.getByLabel("Nom et prénoms de la personne").fill(journey.forWhom.fullName);
        await page.getByLabel(journey.forWhom.relationship).check();
      }
    } else if (step === "bureau") {
      await page.getByRole("radio", { name: journey.region, exact: true }).check();
    } else {
      const section = procedure.definition.sections.find((s) => s.id === step);
      expect(section, `a section of ${journey.slug} named ${step}`).toBeTruthy();
      for (const field of section!.fields) {
        const value = journey.answers[field.name] ?? sampleAnswer(field);
        if (value !== null) data[field.name] = value;
        if (!isFieldVisible(field, data)) continue;
        await fillField(page, field, value);
      }
    }
    await clickAndWait(page, "Continuer");
    await expect(page.getByRole("alert"), `no error on step ${step}`).toHaveCount(0);
  }
  throw new Error("the form never reached the check-your-answers page");
}
