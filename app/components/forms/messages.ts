import type { TFunction } from "i18next";
import type { Locale } from "~/domain/constants";
import type { FileField, FormDefinition, FormField } from "~/domain/forms/definition";
import { errorParams, type FieldErrorCode } from "~/domain/forms/schema";
import { formatDate, formatNumber } from "~/utils/format";

/** The error message of a field (`forms:errors.<code>`), with its label and limits. */
export function fieldErrorMessage(t: TFunction, field: FormField, code: FieldErrorCode | "file_required" | string, locale: Locale): string {
  const label = field.label[locale];
  if (code === "required") {
    if (field.type === "checkbox" && !field.options?.length) return t("forms:errors.requiredCheckbox");
    if (field.type === "select" || field.type === "radio" || field.type === "checkbox") return t("forms:errors.requiredChoice", { label });
    if (field.type === "file") return t("forms:errors.file_required", { label });
  }
  const params = errorParams(field, code as FieldErrorCode);
  const shown = (limit: number | string | undefined) =>
    limit === undefined ? undefined : typeof limit === "number" ? formatNumber(limit, locale) : formatDate(`${limit}T12:00:00Z`, locale);
  return t(`forms:errors.${code}`, { label, min: shown(params.min), max: shown(params.max) });
}

/** "un PDF, un JPEG ou un PNG" / "a PDF, a JPEG or a PNG". */
export function acceptedTypesText(t: TFunction, field: FileField, locale: Locale): string {
  const words = field.accept.map((type) => t(`forms:fileTypeArticles.${type}`));
  return new Intl.ListFormat(locale === "fr" ? "fr" : "en-GB", { type: "disjunction" }).format(words);
}

/** The message of an upload the server refused (H3's UploadRejection codes). */
export function rejectionMessage(t: TFunction, field: FileField, rejection: { filename: string; code: string }, locale: Locale): string {
  const filename = rejection.filename;
  if (rejection.code === "too_large") return t("forms:errors.too_large", { filename, max: formatNumber(field.maxSizeMb || 10, locale) });
  if (rejection.code === "wrong_type") return t("forms:errors.wrong_type", { filename, types: acceptedTypesText(t, field, locale) });
  if (rejection.code === "empty") return t("forms:errors.empty", { filename });
  return t("forms:errors.tooManyFiles");
}

/** The id of a field's control (the target of the error summary's links). */
export function fieldControlId(name: string): string {
  return `champ-${name}`;
}

export function findField(definition: FormDefinition, name: string): { sectionId: string; field: FormField } | null {
  for (const section of definition.sections) {
    const field = section.fields.find((f) => f.name === name);
    if (field) return { sectionId: section.id, field };
  }
  return null;
}
