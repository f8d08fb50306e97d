/**
 * The administration of procedures, the pure part: the address (slug) made from a French title,
 * the metadata form's schema (messages are `admin-procedures` keys) and the rules on the required
 * documents (which file fields provide one, moving one up or down).
 */
import { z } from "zod";
import { DELIVERY_MODES, PROCEDURE_CATEGORIES } from "./constants";
import { MACHINE_NAME } from "./forms/checks";
import type { FormDefinition, RequiredDocument } from "./forms/definition";

export const MAX_SLUG_LENGTH = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Extrait d'acte de naissance (copie intégrale)" → "extrait-d-acte-de-naissance-copie-integrale". */
export function slugify(title: string): string {
  const slug = title
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/, "");
  return cut || "demarche";
}

/** The first of slug, slug-2, slug-3… that is not taken. */
export function uniqueSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - String(n).length - 1)}-${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const text = (key: string, max: number) =>
  z.string({ error: `errors.${key}.required` }).trim().min(1, `errors.${key}.required`).max(max, `errors.${key}.tooLong`);

/** A whole number typed in a box ("1 000" allowed), within bounds. */
const wholeNumber = (key: string, min: number, max: number) =>
  z
    .string({ error: `errors.${key}.required` })
    .transform((value) => value.replace(/[\s\u00a0\u202f.]/g, ""))
    .pipe(z.string().regex(/^\d{1,9}$/, `errors.${key}.invalid`))
    .transform(Number)
    .pipe(z.number().min(min, `errors.${key}.range`).max(max, `errors.${key}.range`));

export const metadataFields = {
  titleFr: text("titleFr", 200),
  titleEn: text("titleEn", 200),
  summaryFr: text("summaryFr", 1000),
  summaryEn: text("summaryEn", 1000),
  eligibilityFr: text("eligibilityFr", 1000),
  eligibilityEn: text("eligibilityEn", 1000),
  category: z.enum(PROCEDURE_CATEGORIES, { error: "errors.category.required" }),
  agencyId: z
    .string({ error: "errors.agencyId.required" })
    .regex(/^\d+$/, "errors.agencyId.required")
    .transform(Number),
  feeXof: wholeNumber("feeXof", 0, 10_000_000),
  targetDelayDays: wholeNumber("targetDelayDays", 1, 365),
  infoRequestExpiryDays: wholeNumber("infoRequestExpiryDays", 1, 365),
  delivery: z.enum(DELIVERY_MODES, { error: "errors.delivery.required" }),
  keywords: z.string().trim().max(500, "errors.keywords.tooLong").optional().transform((value) => value ?? ""),
};

export const createProcedureSchema = z.object(metadataFields);
export type ProcedureMetadata = z.output<typeof createProcedureSchema>;

/** Editing: the same fields, and the address while the procedure has never been published. */
export const updateProcedureSchema = z.object({
  ...metadataFields,
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(MAX_SLUG_LENGTH, "errors.slug.invalid")
    .regex(SLUG_PATTERN, "errors.slug.invalid")
    .optional(),
});
export type ProcedureUpdate = z.output<typeof updateProcedureSchema>;

const optionalText = (key: string) => z.string().trim().max(300, `errors.${key}.tooLong`).optional();

export const requiredDocumentSchema = z
  .object({
    code: z.string({ error: "errors.code.required" }).trim().regex(MACHINE_NAME, "errors.code.invalid"),
    labelFr: text("labelFr", 200),
    labelEn: text("labelEn", 200),
    hintFr: optionalText("hintFr"),
    hintEn: optionalText("hintEn"),
  })
  .superRefine((value, ctx) => {
    if (Boolean(value.hintFr) !== Boolean(value.hintEn)) {
      ctx.addIssue({ code: "custom", path: [value.hintFr ? "hintEn" : "hintFr"], message: "errors.hint.bothLanguages" });
    }
  });
export type RequiredDocumentInput = z.output<typeof requiredDocumentSchema>;

export function toRequiredDocument(input: RequiredDocumentInput): RequiredDocument {
  return {
    code: input.code,
    label: { fr: input.labelFr, en: input.labelEn },
    ...(input.hintFr && input.hintEn ? { hint: { fr: input.hintFr, en: input.hintEn } } : {}),
  };
}

/** The file fields of these forms that provide the document `code` (each name once). */
export function fieldsProvidingDocument(definitions: readonly FormDefinition[], code: string): string[] {
  const names = new Set<string>();
  for (const definition of definitions) {
    for (const section of definition.sections) {
      for (const field of section.fields) {
        if (field.type === "file" && field.document === code) names.add(field.name);
      }
    }
  }
  return [...names];
}

/** The list with the item at `index` swapped with its neighbour (unchanged at the ends). */
export function moveItem<T>(items: readonly T[], index: number, direction: "up" | "down"): T[] {
  const target = direction === "up" ? index - 1 : index + 1;
  const next = [...items];
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
