/**
 * The form definition of a procedure version, stored as jsonb in `procedure_version.definition`.
 * The form engine (multi-step forms, zod schemas) and the admin form editor are built on it.
 */
export type LocalizedText = { fr: string; en: string };

export const FIELD_TYPES = [
  "text",
  "textarea",
  "date",
  "number",
  "select",
  "radio",
  "checkbox",
  "email",
  "phone",
  "national_id",
  "file",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const ACCEPTED_FILE_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type AcceptedFileType = (typeof ACCEPTED_FILE_TYPES)[number];

export type FieldOption = { value: string; label: LocalizedText };

/** Show a field only when another field of the form has one of the given values. */
export type FieldCondition = { field: string; in: string[] };

interface FieldBase {
  /** Stable machine name, unique within the form (a-z, digits, underscores). */
  name: string;
  label: LocalizedText;
  hint?: LocalizedText;
  required: boolean;
  showIf?: FieldCondition;
}

export interface TextField extends FieldBase {
  type: "text" | "textarea";
  minLength?: number;
  maxLength?: number;
}
export interface DateField extends FieldBase {
  type: "date";
  /** "past": today or earlier (birth dates); "future": today or later. */
  range?: "past" | "future";
  /** Earliest and latest dates accepted, "YYYY-MM-DD" (a birth date: not before 1900). */
  min?: string;
  max?: string;
}
export interface NumberField extends FieldBase {
  type: "number";
  min?: number;
  max?: number;
  integer?: boolean;
}
export interface ChoiceField extends FieldBase {
  type: "select" | "radio";
  options: FieldOption[];
}
/** Without options: a single yes/no box. With options: several boxes, several values. */
export interface CheckboxField extends FieldBase {
  type: "checkbox";
  options?: FieldOption[];
}
export interface SimpleField extends FieldBase {
  /** email; phone: Togolese number +228 and 8 digits; national_id: NIU, 10 digits. */
  type: "email" | "phone" | "national_id";
  /**
   * email and phone: a means of reaching the applicant. The page shows the account's own number
   * or address until the citizen confirms the step, and one answered contact field of the
   * section is enough (each may still be `required` on its own). See app/domain/forms/contact.ts.
   */
  contact?: boolean;
}
export interface FileField extends FieldBase {
  type: "file";
  accept: AcceptedFileType[];
  maxSizeMb: number;
  /** Code of the required document this upload provides, if any. */
  document?: string;
}

export type FormField = TextField | DateField | NumberField | ChoiceField | CheckboxField | SimpleField | FileField;

export interface FormSection {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
  fields: FormField[];
}

export interface FormDefinition {
  sections: FormSection[];
}

export interface RequiredDocument {
  code: string;
  label: LocalizedText;
  hint?: LocalizedText;
}
