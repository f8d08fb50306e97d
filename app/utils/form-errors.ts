import { useEffect } from "react";
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

/**
 * Empty the named fields (passwords) each time the server answers. Without JavaScript the page is
 * rendered afresh without them (conform's `hideFields`); with it, the inputs are uncontrolled and
 * keep what was typed, so they are emptied here.
 */
export function useClearFieldsOnReply(formId: string, reply: unknown, names: readonly string[]): void {
  const key = names.join(",");
  useEffect(() => {
    if (!reply) return;
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    for (const name of key.split(",")) {
      const control = form.elements.namedItem(name);
      if (control instanceof HTMLInputElement) control.value = "";
    }
  }, [formId, reply, key]);
}
