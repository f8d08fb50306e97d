/** Conform gives `field.errors` (a list); a plain string works too. The first one is shown. */
export type FieldError = string | readonly string[] | null | undefined;

export function firstError(error: FieldError): string | undefined {
  const message = typeof error === "string" ? error : error?.[0];
  return message ? message : undefined;
}

/** Ids of the hint and error of a control, and the `aria-describedby` that joins them. */
export function describedBy(id: string, hasHint: boolean, hasError: boolean) {
  const hintId = hasHint ? `${id}-hint` : undefined;
  const errorId = hasError ? `${id}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}
