import type { ErrorSummaryItem } from "~/components/ui/ErrorSummary";

interface FieldLike {
  id: string;
  errors?: readonly string[];
}

/**
 * The error summary of a conform form: form-level errors first (linked to `formErrorField` when
 * given), then one item per field error, each linking to its control. Messages are i18n keys.
 */
export function errorSummaryItems(
  translate: (key: string) => string,
  formErrors: readonly string[] | undefined,
  fields: readonly FieldLike[],
  formErrorField?: FieldLike,
): ErrorSummaryItem[] {
  const items: ErrorSummaryItem[] = (formErrors ?? []).map((message) => ({ id: formErrorField?.id, message: translate(message) }));
  for (const field of fields) {
    const first = field.errors?.[0];
    if (first) items.push({ id: field.id, message: translate(first) });
  }
  return items;
}

/** Translate conform's list of error keys for a Field. */
export function translateErrors(translate: (key: string) => string, errors: readonly string[] | undefined): string[] | undefined {
  return errors?.map((key) => translate(key));
}
