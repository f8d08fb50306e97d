import { z } from "zod";
import { MACHINE_NAME } from "./checks";
import { ACCEPTED_FILE_TYPES, FIELD_TYPES, type AcceptedFileType, type FieldOption, type FieldType, type FormDefinition, type FormField } from "./definition";
import { changeFieldType } from "./editing";
import { parseDate } from "./schema";

/**
 * The field editor's form (admin) ⇄ a FormField. Values are what a <form> sends (strings, lists
 * for repeated names); errors are `admin-form-editor` i18n keys by input name, with their values.
 */
export type EditorValues = Record<string, string | string[] | undefined>;
export type EditorError = { key: string; values?: Record<string, string | number> };
export type ParsedField = { ok: true; field: FormField } | { ok: false; errors: Record<string, EditorError> };

/** An earlier field a condition may read: its values, or null for a single yes/no box ("true"). */
export interface ConditionSource {
  name: string;
  values: string[] | null;
}

/** Fields placed before `name` that a condition can read: choices, or a single checkbox. */
export function conditionSources(definition: FormDefinition, name: string): ConditionSource[] {
  const sources: ConditionSource[] = [];
  for (const section of definition.sections) {
    for (const field of section.fields) {
      if (field.name === name) return sources;
      if ((field.type === "select" || field.type === "radio" || field.type === "checkbox") && field.options?.length) {
        sources.push({ name: field.name, values: field.options.map((o) => o.value) });
      } else if (field.type === "checkbox") sources.push({ name: field.name, values: null });
    }
  }
  return sources;
}

const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim();
const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** "1 000,5" → 1000.5; "" → undefined; anything else → NaN. */
export function parseDecimal(text: string): number | undefined {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (cleaned === "") return undefined;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

const common = z.object({
  name: z.string().trim().regex(MACHINE_NAME, "errors.name"),
  type: z.enum(FIELD_TYPES, { error: "errors.type" }),
  labelFr: z.string().trim().min(1, "errors.labelFr"),
  labelEn: z.string().trim().min(1, "errors.labelEn"),
  hintFr: z.string().trim(),
  hintEn: z.string().trim(),
});

/** "valeur | libellé français | libellé anglais", one choice per line. */
export function parseOptions(text: string): { options: FieldOption[]; badLines: number[] } {
  const options: FieldOption[] = [];
  const badLines: number[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const parts = line.split("|").map((p) => p.trim());
    const [value = "", fr = "", en = ""] = parts;
    if (parts.length !== 3 || !value || !fr || !en || seen.has(value)) badLines.push(index + 1);
    else {
      seen.add(value);
      options.push({ value, label: { fr, en } });
    }
  });
  return { options, badLines };
}

export const optionsText = (options: readonly FieldOption[] | undefined): string => (options ?? []).map((o) => `${o.value} | ${o.label.fr} | ${o.label.en}`).join("\n");

/**
 * Parse the editor's values into a field. `previous` is the field as stored: when the type
 * changes, its settings are not read from the form (they were those of the former type) and
 * the common properties are kept (`changeFieldType`).
 */
export function parseFieldEditor(values: EditorValues, previous: FormField, sources: readonly ConditionSource[], documents: readonly string[]): ParsedField {
  const errors: Record<string, EditorError> = {};
  const parsed = common.safeParse(Object.fromEntries(["name", "type", "labelFr", "labelEn", "hintFr", "hintEn"].map((k) => [k, first(values[k])])));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= { key: issue.message };
  }
  const type = (FIELD_TYPES as readonly string[]).includes(first(values.type)) ? (first(values.type) as FieldType) : previous.type;
  const hint = first(values.hintFr) || first(values.hintEn) ? { fr: first(values.hintFr), en: first(values.hintEn) } : undefined;

  let showIf: FormField["showIf"];
  const sourceName = first(values.showIfField);
  if (sourceName) {
    const source = sources.find((s) => s.name === sourceName);
    const wanted = first(values.showIfValues)
      .split(/[,;\n]/)
      .map((v) => v.trim())
      .filter(Boolean);
    if (!source) errors.showIfField = { key: "errors.conditionSource" };
    else if (source.values === null) showIf = { field: sourceName, in: ["true"] };
    else if (wanted.length === 0) errors.showIfValues = { key: "errors.conditionEmpty" };
    else {
      const unknown = wanted.filter((v) => !source.values!.includes(v));
      if (unknown.length) errors.showIfValues = { key: "errors.conditionValues", values: { values: unknown.join(", "), allowed: source.values.join(", ") } };
      else showIf = { field: sourceName, in: wanted };
    }
  }
  const base = {
    name: first(values.name),
    label: { fr: first(values.labelFr), en: first(values.labelEn) },
    required: first(values.required) === "on",
    ...(hint ? { hint } : {}),
    ...(showIf ? { showIf } : {}),
  };

  if (type !== previous.type) {
    const { hint: _h, showIf: _s, ...rest } = previous;
    const changed = changeFieldType({ ...rest, ...base } as FormField, type);
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, field: changed };
  }

  const number = (key: string, { integer = false, min }: { integer?: boolean; min?: number } = {}): number | undefined => {
    const n = parseDecimal(first(values[key]));
    if (n === undefined) return undefined;
    if (Number.isNaN(n) || (integer && !Number.isInteger(n)) || (min !== undefined && n < min)) errors[key] = { key: integer ? "errors.wholeNumber" : "errors.number" };
    return n;
  };
  let field: FormField;
  switch (type) {
    case "text":
    case "textarea": {
      const minLength = number("minLength", { integer: true, min: 0 });
      const maxLength = number("maxLength", { integer: true, min: 1 });
      if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) errors.maxLength ??= { key: "errors.inverted" };
      field = { ...base, type, ...(minLength !== undefined ? { minLength } : {}), ...(maxLength !== undefined ? { maxLength } : {}) };
      break;
    }
    case "number": {
      const min = number("min");
      const max = number("max");
      if (min !== undefined && max !== undefined && min > max) errors.max ??= { key: "errors.inverted" };
      field = { ...base, type, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), ...(first(values.integer) === "on" ? { integer: true } : {}) };
      break;
    }
    case "date": {
      const range = first(values.range);
      const date = (key: string): string | undefined => {
        const text = first(values[key]).trim();
        if (!text) return undefined;
        const iso = parseDate(text);
        if (!iso) errors[key] = { key: "errors.date" };
        return iso ?? undefined;
      };
      const min = date("minDate");
      const max = date("maxDate");
      if (min !== undefined && max !== undefined && min > max) errors.maxDate ??= { key: "errors.inverted" };
      field = { ...base, type, ...(range === "past" || range === "future" ? { range } : {}), ...(min ? { min } : {}), ...(max ? { max } : {}) };
      break;
    }
    case "select":
    case "radio":
    case "checkbox": {
      const { options, badLines } = parseOptions(first(values.options));
      if (badLines.length) errors.options = { key: "errors.optionLines", values: { lines: badLines.join(", "), count: badLines.length } };
      else if (type !== "checkbox" && options.length < 2) errors.options = { key: "errors.optionsMissing" };
      field = type === "checkbox" ? { ...base, type, ...(options.length ? { options } : {}) } : { ...base, type, options };
      break;
    }
    case "file": {
      const accept = list(values.accept).filter((a): a is AcceptedFileType => (ACCEPTED_FILE_TYPES as readonly string[]).includes(a));
      if (accept.length === 0) errors.accept = { key: "errors.accept" };
      const maxSizeMb = number("maxSizeMb", { integer: true }) ?? Number.NaN;
      if (!(maxSizeMb >= 1 && maxSizeMb <= 20)) errors.maxSizeMb = { key: "errors.maxSizeMb" };
      const document = first(values.document);
      if (document && !documents.includes(document)) errors.document = { key: "errors.document" };
      field = { ...base, type, accept, maxSizeMb, ...(document ? { document } : {}) };
      break;
    }
    case "email":
    case "phone":
      field = { ...base, type, ...(first(values.contact) === "on" ? { contact: true } : {}) };
      break;
    default:
      field = { ...base, type };
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, field };
}

/** A field as the editor's values (to fill the form). */
export function fieldToValues(field: FormField): EditorValues {
  const n = (value: number | undefined) => (value === undefined ? "" : String(value).replace(".", ","));
  return {
    name: field.name,
    type: field.type,
    labelFr: field.label.fr,
    labelEn: field.label.en,
    hintFr: field.hint?.fr ?? "",
    hintEn: field.hint?.en ?? "",
    required: field.required ? "on" : undefined,
    showIfField: field.showIf?.field ?? "",
    showIfValues: field.showIf?.in.join(", ") ?? "",
    minLength: "minLength" in field ? n(field.minLength) : "",
    maxLength: "maxLength" in field ? n(field.maxLength) : "",
    min: field.type === "number" ? n(field.min) : "",
    max: field.type === "number" ? n(field.max) : "",
    integer: field.type === "number" && field.integer ? "on" : undefined,
    range: field.type === "date" ? (field.range ?? "") : "",
    minDate: field.type === "date" ? (field.min ?? "") : "",
    maxDate: field.type === "date" ? (field.max ?? "") : "",
    options: "options" in field ? optionsText(field.options) : "",
    accept: field.type === "file" ? [...field.accept] : [],
    maxSizeMb: field.type === "file" ? String(field.maxSizeMb) : "",
    document: field.type === "file" ? (field.document ?? "") : "",
    contact: (field.type === "email" || field.type === "phone") && field.contact ? "on" : undefined,
  };
}

/** A request's form data or URL search params as editor values (repeated names become lists). */
export function editorValuesFrom(entries: Iterable<[string, FormDataEntryValue]>): EditorValues {
  const values: EditorValues = {};
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue;
    const current = values[key];
    values[key] = current === undefined ? value : [...list(current), value];
  }
  for (const key of ["accept"]) if (typeof values[key] === "string") values[key] = [values[key] as string];
  return values;
}
