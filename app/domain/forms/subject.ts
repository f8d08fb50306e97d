import type { FormDefinition, FormField, LocalizedText } from "./definition";
import { isFieldVisible } from "./schema";

/**
 * The person a case is about, as filed: the one an issued document names (issue 11 item 19).
 * Not the account holder: a citizen files for herself under her birth name, for her child, or for
 * someone she represents. The form's identity block says who (`applicantSection` in the seed,
 * and the names an administrator gives the same fields): surname and given names, then the
 * identifying fields an official document carries. See docs/decisions/015-citizen-journey.md.
 */
export const SUBJECT_NAME_FIELDS = { surname: "nom", givenNames: "prenoms" } as const;
/** In the order the document prints them. */
export const SUBJECT_IDENTIFYING_FIELDS = ["date_naissance", "lieu_naissance", "niu"] as const;
const SUBJECT_BIRTH_DATE_FIELD = SUBJECT_IDENTIFYING_FIELDS[0];

export interface SubjectDetail {
  /** The field's own label (the procedure defines it). */
  label: LocalizedText;
  /** As answered: ISO date (YYYY-MM-DD) for a date field, text otherwise. */
  value: string;
  type: FormField["type"];
}

export interface CaseSubject {
  /** "KOFFI Ama Délali": surname in capitals, then given names, as on Togolese civil documents. */
  fullName: string;
  details: SubjectDetail[];
  /** The birth date (ISO) when the form asks for one. */
  birthDate: string | null;
  /** Where the name came from: the form, the "for whom" step, or the account. */
  source: "form" | "on_behalf_of" | "account";
}

function answeredField(definition: FormDefinition, data: Record<string, unknown>, name: string): { field: FormField; value: string } | null {
  for (const section of definition.sections) {
    const field = section.fields.find((f) => f.name === name);
    if (!field) continue;
    const raw = data[name];
    if (typeof raw !== "string" && typeof raw !== "number") return null;
    const value = String(raw).trim().replace(/\s+/g, " ");
    if (!value || !isFieldVisible(field, data)) return null;
    return { field, value };
  }
  return null;
}

/**
 * Who the case is about. The form's surname and given names when it has them; else the person
 * named on the "for whom" step; else the account holder (a form without an identity block).
 */
export function caseSubject(
  definition: FormDefinition,
  data: Record<string, unknown>,
  fallback: { onBehalfOf: { fullName: string } | null; accountName: string },
): CaseSubject {
  const surname = answeredField(definition, data, SUBJECT_NAME_FIELDS.surname);
  const givenNames = answeredField(definition, data, SUBJECT_NAME_FIELDS.givenNames);
  const details: SubjectDetail[] = [];
  for (const name of SUBJECT_IDENTIFYING_FIELDS) {
    const answered = answeredField(definition, data, name);
    if (answered) details.push({ label: answered.field.label, value: answered.value, type: answered.field.type });
  }
  const born = answeredField(definition, data, SUBJECT_BIRTH_DATE_FIELD);
  const birthDate = born?.field.type === "date" ? born.value : null;
  if (surname || givenNames) {
    const fullName = [surname?.value.toLocaleUpperCase("fr"), givenNames?.value].filter(Boolean).join(" ");
    return { fullName, details, birthDate, source: "form" };
  }
  const onBehalf = fallback.onBehalfOf?.fullName.trim();
  if (onBehalf) return { fullName: onBehalf, details, birthDate, source: "on_behalf_of" };
  return { fullName: fallback.accountName.trim(), details, birthDate, source: "account" };
}
