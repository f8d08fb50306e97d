import * as z from "zod/mini";
import type { FormDefinition, FormField, FormSection } from "./definition";

/**
 * Form definition → validation. Pure (no server imports, zod/mini) so that the same rules can run
 * in a browser bundle.
 *
 * Values as stored in `case.data` (the output of validation):
 * - text, textarea, select, radio: the trimmed string;
 * - date: "YYYY-MM-DD"; number: a number; single checkbox: `true`; checkbox with options: string[];
 * - email: lower-cased; phone: "+228XXXXXXXX"; national_id: 10 digits without spaces.
 * - an optional field left empty, and a field hidden by its `showIf`, are absent.
 * File fields are never in the data: uploads are attachment rows (see validateCaseData).
 *
 * Keys starting with "_" are reserved for the form engine (see RESERVED_KEYS) and are never fields.
 */

export type RawValues = Record<string, string | string[] | undefined>;

export type FieldErrorCode =
  | "required"
  | "too_short"
  | "too_long"
  | "not_a_number"
  | "not_integer"
  | "too_small"
  | "too_big"
  | "invalid_date"
  | "date_in_future"
  | "date_in_past"
  | "date_too_early"
  | "date_too_late"
  | "invalid_option"
  | "invalid_email"
  | "invalid_phone"
  | "invalid_national_id"
  | "contact_required";

export const FIELD_ERROR_CODES: readonly FieldErrorCode[] = [
  "required",
  "too_short",
  "too_long",
  "not_a_number",
  "not_integer",
  "too_small",
  "too_big",
  "invalid_date",
  "date_in_future",
  "date_in_past",
  "date_too_early",
  "date_too_late",
  "invalid_option",
  "invalid_email",
  "invalid_phone",
  "invalid_national_id",
  "contact_required",
];

/**
 * Keys of `case.data` used by the form engine itself, never by a form field:
 * `_pourQui`: "self" | "other", the answer of the "pour qui" step;
 * `_etapes`: string[], the step ids the citizen has confirmed with "Continuer" (pour-qui, section ids, bureau).
 */
export const RESERVED_KEYS = { forWhom: "_pourQui", steps: "_etapes" } as const;
export const isReservedKey = (key: string) => key.startsWith("_");

export interface ValidationOptions {
  /** Today's date "YYYY-MM-DD" (Togo is on UTC); the current date by default. */
  today?: string;
}

type Parsed = { ok: true; value: unknown } | { ok: false; code: FieldErrorCode };

const EMAIL_MAX_LENGTH = 254;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
const TOGO_COUNTRY_CODE = "228";

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** One string out of whatever the form or the stored data holds. */
function asText(value: unknown): string {
  if (value === undefined || value === null || value === false) return "";
  if (Array.isArray(value)) return value.length > 0 ? asText(value[value.length - 1]) : "";
  if (value === true) return "on";
  return String(value).trim();
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  const list = Array.isArray(value) ? value : [value];
  return [...new Set(list.map((v) => String(v).trim()).filter((v) => v !== ""))];
}

/** "1 000", "1 000,5", "1000.5" → a number; null if it is not one. */
export function parseNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f']/g, "").replace(",", ".");
  if (!/^[-+]?\d+(\.\d+)?$/.test(compact)) return null;
  const value = Number(compact);
  return Number.isFinite(value) ? value : null;
}

/** "YYYY-MM-DD" (or "JJ/MM/AAAA", typed where the browser has no date picker) → ISO date, or null. */
export function parseDate(text: string): string | null {
  let year: number, month: number, day: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (french) [year, month, day] = [Number(french[3]), Number(french[2]), Number(french[1])];
  else return null;
  if (year < 1850 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** A Togolese number in any usual spelling ("90 12 34 56", "0022890123456", "+228 90-12-34-56") → "+22890123456". */
export function parseTogoPhone(text: string): string | null {
  const compact = text.replace(/[\s\u00a0.\-()/]/g, "");
  let national: string;
  if (compact.startsWith(`+${TOGO_COUNTRY_CODE}`)) national = compact.slice(1 + TOGO_COUNTRY_CODE.length);
  else if (compact.startsWith(`00${TOGO_COUNTRY_CODE}`)) national = compact.slice(2 + TOGO_COUNTRY_CODE.length);
  else if (compact.length === 11 && compact.startsWith(TOGO_COUNTRY_CODE)) national = compact.slice(TOGO_COUNTRY_CODE.length);
  else national = compact;
  return /^\d{8}$/.test(national) ? `+${TOGO_COUNTRY_CODE}${national}` : null;
}

/** NIU: 10 digits, typed with or without spaces. */
export function parseNationalId(text: string): string | null {
  const compact = text.replace(/[\s\u00a0.-]/g, "");
  return /^\d{10}$/.test(compact) ? compact : null;
}

const EMPTY: Parsed = { ok: true, value: undefined };

/** One field's value (typed by the citizen, or read back from the data) → its stored value or an error. */
export function parseField(field: FormField, input: unknown, options: ValidationOptions = {}): Parsed {
  if (field.type === "file") return EMPTY;
  if (field.type === "checkbox") {
    if (!field.options || field.options.length === 0) {
      const ticked = input === true || ["on", "true", "oui", "yes", "1"].includes(asText(input).toLowerCase());
      if (ticked) return { ok: true, value: true };
      return field.required ? { ok: false, code: "required" } : EMPTY;
    }
    const values = asList(input);
    if (values.length === 0) return field.required ? { ok: false, code: "required" } : EMPTY;
    const allowed = new Set(field.options.map((o) => o.value));
    if (values.some((v) => !allowed.has(v))) return { ok: false, code: "invalid_option" };
    // In the order of the options, whatever the order of the form.
    return { ok: true, value: field.options.map((o) => o.value).filter((v) => values.includes(v)) };
  }

  const text = field.type === "textarea" ? asText(input).replace(/\r\n/g, "\n") : asText(input);
  if (text === "") return field.required ? { ok: false, code: "required" } : EMPTY;

  switch (field.type) {
    case "text":
    case "textarea": {
      const length = [...text].length;
      if (field.minLength !== undefined && length < field.minLength) return { ok: false, code: "too_short" };
      if (field.maxLength !== undefined && length > field.maxLength) return { ok: false, code: "too_long" };
      return { ok: true, value: text };
    }
    case "number": {
      const value = parseNumber(text);
      if (value === null) return { ok: false, code: "not_a_number" };
      if (field.integer && !Number.isInteger(value)) return { ok: false, code: "not_integer" };
      if (field.min !== undefined && value < field.min) return { ok: false, code: "too_small" };
      if (field.max !== undefined && value > field.max) return { ok: false, code: "too_big" };
      return { ok: true, value };
    }
    case "date": {
      const value = parseDate(text);
      if (value === null) return { ok: false, code: "invalid_date" };
      const today = options.today ?? todayIso();
      if (field.range === "past" && value > today) return { ok: false, code: "date_in_future" };
      if (field.range === "future" && value < today) return { ok: false, code: "date_in_past" };
      if (field.min !== undefined && value < field.min) return { ok: false, code: "date_too_early" };
      if (field.max !== undefined && value > field.max) return { ok: false, code: "date_too_late" };
      return { ok: true, value };
    }
    case "select":
    case "radio":
      return field.options.some((o) => o.value === text) ? { ok: true, value: text } : { ok: false, code: "invalid_option" };
    case "email": {
      const value = text.toLowerCase();
      return value.length <= EMAIL_MAX_LENGTH && EMAIL_PATTERN.test(value) ? { ok: true, value } : { ok: false, code: "invalid_email" };
    }
    case "phone": {
      const value = parseTogoPhone(text);
      return value ? { ok: true, value } : { ok: false, code: "invalid_phone" };
    }
    case "national_id": {
      const value = parseNationalId(text);
      return value ? { ok: true, value } : { ok: false, code: "invalid_national_id" };
    }
  }
}

/** Does a stored or typed value answer one of the condition's values? */
function matches(value: unknown, accepted: readonly string[]): boolean {
  if (value === undefined || value === null || value === false || value === "") return false;
  if (value === true) return accepted.includes("true") || accepted.includes("on");
  const list = Array.isArray(value) ? value : [value];
  return list.some((v) => accepted.includes(String(v).trim()));
}

/** A field is visible iff it has no condition, or the controlling field's value (string or list) meets `in`. */
export function isFieldVisible(field: FormField, data: Record<string, unknown>): boolean {
  if (!field.showIf) return true;
  return matches(data[field.showIf.field], field.showIf.in);
}

/**
 * The section's fields that are visible, given the data of the case and the section's own values
 * (which take precedence). In order: a field hidden earlier in the section hides what depends on it.
 */
function visibleFields(section: FormSection, context: Record<string, unknown>): FormField[] {
  const scope = { ...context };
  const visible: FormField[] = [];
  for (const field of section.fields) {
    if (isFieldVisible(field, scope)) visible.push(field);
    else delete scope[field.name];
  }
  return visible;
}

function sectionContext(section: FormSection, raw: Record<string, unknown>, data: Record<string, unknown>): Record<string, unknown> {
  const context: Record<string, unknown> = { ...data };
  for (const field of section.fields) {
    if (field.type === "file") continue;
    // The section's own answers replace the stored ones, even when they are now empty.
    context[field.name] = raw[field.name];
  }
  return context;
}

/** Names of the section's fields visible given the section's raw values and the case data (in order, chains followed). */
export function visibleFieldNames(section: FormSection, raw: Record<string, unknown>, data: Record<string, unknown>): string[] {
  return visibleFields(section, sectionContext(section, raw, data)).map((field) => field.name);
}

/** zod schema of one section; fields hidden by showIf (given data incl. the section's own raw values) are dropped; file fields are not in it. */
export function sectionSchema(section: FormSection, data: Record<string, unknown>, options: ValidationOptions = {}) {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const field of visibleFields(section, data)) {
    if (field.type === "file") continue;
    shape[field.name] = z.pipe(
      z.optional(z.unknown()),
      z.transform((input, ctx) => {
        const parsed = parseField(field, input, options);
        if (parsed.ok) return parsed.value;
        ctx.issues.push({ code: "custom", message: parsed.code, input });
        return z.NEVER;
      }),
    );
  }
  return z.object(shape);
}

/** The section's contact fields among `visible` (email and phone fields marked `contact`). */
export function contactFieldsOf(fields: readonly FormField[]): FormField[] {
  return fields.filter((f) => (f.type === "email" || f.type === "phone") && f.contact === true);
}

/**
 * One means of contact is enough, and one is needed: the first visible contact field when none of
 * them is answered (an answer that is wrong already has its own error), else null.
 */
function missingContact(visible: readonly FormField[], values: Record<string, unknown>): string | null {
  const contacts = contactFieldsOf(visible);
  if (contacts.length === 0) return null;
  return contacts.some((f) => asText(values[f.name]) !== "") ? null : contacts[0]!.name;
}

function withoutUndefined(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
}

export function validateSection(
  section: FormSection,
  raw: RawValues,
  data: Record<string, unknown>,
  options: ValidationOptions = {},
): { ok: true; values: Record<string, unknown> } | { ok: false; errors: Record<string, FieldErrorCode>; values: RawValues } {
  const context = sectionContext(section, raw, data);
  const result = sectionSchema(section, context, options).safeParse(raw);
  const errors: Record<string, FieldErrorCode> = {};
  const noContact = missingContact(visibleFields(section, context), raw);
  if (noContact) errors[noContact] = "contact_required";
  if (result.success && !noContact) return { ok: true, values: withoutUndefined(result.data as Record<string, unknown>) };
  for (const issue of result.success ? [] : result.error.issues) {
    const name = String(issue.path[0]);
    if (!(name in errors)) errors[name] = issue.message as FieldErrorCode;
  }
  return { ok: false, errors, values: raw };
}

/**
 * "Enregistrer et reprendre plus tard": the section's visible answers that are valid, nothing else
 * (an invalid or missing answer is simply not saved; no error stops the citizen).
 */
export function validSectionValues(section: FormSection, raw: RawValues, data: Record<string, unknown>, options: ValidationOptions = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of visibleFields(section, sectionContext(section, raw, data))) {
    const parsed = parseField(field, raw[field.name], options);
    if (parsed.ok && parsed.value !== undefined) values[field.name] = parsed.value;
  }
  return values;
}

/** The data without the answers of fields that are hidden (in form order, so chains are followed), reserved keys kept. */
export function pruneHiddenFields(definition: FormDefinition, data: Record<string, unknown>): Record<string, unknown> {
  const result = { ...data };
  for (const section of definition.sections) {
    for (const field of section.fields) {
      if (!isFieldVisible(field, result)) delete result[field.name];
    }
  }
  return result;
}

/**
 * The case data after saving a section: the section's previous answers replaced by `values`, and
 * every answer that the new values hide removed (in this section and in the others).
 */
export function mergeSectionValues(
  definition: FormDefinition,
  section: FormSection,
  data: Record<string, unknown>,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const merged = { ...data };
  for (const field of section.fields) delete merged[field.name];
  Object.assign(merged, values);
  return pruneHiddenFields(definition, merged);
}

/** File fields that are visible given the data (the documents the case needs). */
export function visibleFileFields(definition: FormDefinition, data: Record<string, unknown>) {
  const clean = pruneHiddenFields(definition, data);
  return definition.sections.flatMap((section) =>
    section.fields.filter((field) => field.type === "file" && isFieldVisible(field, clean)).map((field) => ({ sectionId: section.id, field })),
  );
}

/** Whole case before submission: every visible required field answered (file fields: present in uploadedFields). */
export function validateCaseData(
  definition: FormDefinition,
  data: Record<string, unknown>,
  uploadedFields: ReadonlySet<string>,
  options: ValidationOptions = {},
): { ok: true } | { ok: false; errors: { sectionId: string; field: string; code: FieldErrorCode | "file_required" }[] } {
  const clean = pruneHiddenFields(definition, data);
  const errors: { sectionId: string; field: string; code: FieldErrorCode | "file_required" }[] = [];
  for (const section of definition.sections) {
    const noContact = missingContact(section.fields.filter((f) => isFieldVisible(f, clean)), clean);
    if (noContact) errors.push({ sectionId: section.id, field: noContact, code: "contact_required" });
    for (const field of section.fields) {
      if (!isFieldVisible(field, clean)) continue;
      if (field.type === "file") {
        if (field.required && !uploadedFields.has(field.name)) errors.push({ sectionId: section.id, field: field.name, code: "file_required" });
        continue;
      }
      const parsed = parseField(field, clean[field.name], options);
      if (!parsed.ok) errors.push({ sectionId: section.id, field: field.name, code: parsed.code });
    }
  }
  return errors.length === 0 ? { ok: true } : { ok: false, errors };
}

/** Interpolation values of an error message (`forms:errors.<code>`): {{min}}, {{max}} (numbers, or ISO dates). */
export function errorParams(field: FormField, code: FieldErrorCode | "file_required"): { min?: number | string; max?: number | string } {
  if (field.type === "text" || field.type === "textarea") {
    if (code === "too_short") return { min: field.minLength };
    if (code === "too_long") return { max: field.maxLength };
  }
  if (field.type === "number") {
    if (code === "too_small") return { min: field.min };
    if (code === "too_big") return { max: field.max };
  }
  if (field.type === "date") {
    if (code === "date_too_early") return { min: field.min };
    if (code === "date_too_late") return { max: field.max };
  }
  return {};
}
