import { MACHINE_NAME } from "./checks";
import type { FieldType, FormDefinition, FormField, FormSection, LocalizedText } from "./definition";

/**
 * The form editor's operations on a form definition: pure functions that return a new definition
 * or a refusal (an `admin-form-editor` i18n key and what it is about). Names and ids are what the
 * operations look for: a stale page that names a field removed meanwhile is told `not_found`.
 */
export type Edited = { ok: true; definition: FormDefinition } | { ok: false; error: EditError; names?: string[] };
export type EditError = "not_found" | "bad_name" | "duplicate_name" | "has_dependents" | "at_edge";

export type Direction = "up" | "down";

export interface SectionInput {
  id: string;
  title: LocalizedText;
  description?: LocalizedText;
}

const ok = (definition: FormDefinition): Edited => ({ ok: true, definition });
const refuse = (error: EditError, names?: string[]): Edited => ({ ok: false, error, ...(names ? { names } : {}) });
const copy = (definition: FormDefinition): FormDefinition => structuredClone(definition);

export const allFields = (definition: FormDefinition): FormField[] => definition.sections.flatMap((s) => s.fields);

export function findField(definition: FormDefinition, name: string): { section: FormSection; field: FormField; index: number } | null {
  for (const section of definition.sections) {
    const index = section.fields.findIndex((f) => f.name === name);
    if (index >= 0) return { section, field: section.fields[index]!, index };
  }
  return null;
}

/** The names of the fields whose condition reads `name`. */
export function dependentsOf(definition: FormDefinition, name: string): string[] {
  return allFields(definition)
    .filter((f) => f.showIf?.field === name)
    .map((f) => f.name);
}

function cleanSection(input: SectionInput): Omit<FormSection, "fields"> {
  const description = input.description && (input.description.fr.trim() || input.description.en.trim()) ? input.description : undefined;
  return { id: input.id, title: input.title, ...(description ? { description } : {}) };
}

export function addSection(definition: FormDefinition, input: SectionInput): Edited {
  if (!MACHINE_NAME.test(input.id)) return refuse("bad_name");
  if (definition.sections.some((s) => s.id === input.id)) return refuse("duplicate_name");
  const next = copy(definition);
  next.sections.push({ ...cleanSection(input), fields: [] });
  return ok(next);
}

export function updateSection(definition: FormDefinition, id: string, input: SectionInput): Edited {
  const index = definition.sections.findIndex((s) => s.id === id);
  if (index < 0) return refuse("not_found");
  if (!MACHINE_NAME.test(input.id)) return refuse("bad_name");
  if (input.id !== id && definition.sections.some((s) => s.id === input.id)) return refuse("duplicate_name");
  const next = copy(definition);
  next.sections[index] = { ...cleanSection(input), fields: next.sections[index]!.fields };
  return ok(next);
}

function swap<T>(list: T[], a: number, b: number) {
  [list[a], list[b]] = [list[b]!, list[a]!];
}

export function moveSection(definition: FormDefinition, id: string, direction: Direction): Edited {
  const index = definition.sections.findIndex((s) => s.id === id);
  if (index < 0) return refuse("not_found");
  const target = direction === "up" ? index - 1 : index + 1;
  if (target < 0 || target >= definition.sections.length) return refuse("at_edge");
  const next = copy(definition);
  swap(next.sections, index, target);
  return ok(next);
}

/** Remove a section and its fields; refused while a field elsewhere depends on one of them. */
export function removeSection(definition: FormDefinition, id: string): Edited {
  const section = definition.sections.find((s) => s.id === id);
  if (!section) return refuse("not_found");
  const inside = new Set(section.fields.map((f) => f.name));
  const dependents = allFields(definition).filter((f) => !inside.has(f.name) && f.showIf && inside.has(f.showIf.field));
  if (dependents.length > 0) return refuse("has_dependents", dependents.map((f) => f.name));
  const next = copy(definition);
  next.sections = next.sections.filter((s) => s.id !== id);
  return ok(next);
}

/** A new field of a type with the settings it needs (files: every type, 5 MB). */
export function newField(type: FieldType, name: string, label: LocalizedText): FormField {
  const base = { name, label, required: true };
  switch (type) {
    case "select":
    case "radio":
      return { ...base, type, options: [] };
    case "file":
      return { ...base, type, accept: ["application/pdf", "image/jpeg", "image/png"], maxSizeMb: 5 };
    default:
      return { ...base, type };
  }
}

export function addField(definition: FormDefinition, sectionId: string, field: FormField): Edited {
  const index = definition.sections.findIndex((s) => s.id === sectionId);
  if (index < 0) return refuse("not_found");
  if (!MACHINE_NAME.test(field.name)) return refuse("bad_name");
  if (findField(definition, field.name)) return refuse("duplicate_name");
  const next = copy(definition);
  next.sections[index]!.fields.push(field);
  return ok(next);
}

/**
 * A field changed to another type: the common properties (name, labels, hint, required,
 * condition) stay, the settings of the former type go; choices stay between select, radio and
 * checkbox.
 */
export function changeFieldType(field: FormField, type: FieldType): FormField {
  if (field.type === type) return field;
  const { name, label, hint, required, showIf } = field;
  const common = { name, label, required, ...(hint ? { hint } : {}), ...(showIf ? { showIf } : {}) };
  const options = "options" in field && field.options ? field.options : undefined;
  if (type === "select" || type === "radio") return { ...common, type, options: options ?? [] };
  if (type === "checkbox") return { ...common, type, ...(options ? { options } : {}) };
  if ((type === "text" || type === "textarea") && (field.type === "text" || field.type === "textarea")) return { ...field, type };
  const fresh = newField(type, name, label);
  return { ...fresh, ...common } as FormField;
}

/**
 * Replace the field called `name` by `field`. A new name must be free; the conditions that read
 * the old name follow it.
 */
export function updateField(definition: FormDefinition, name: string, field: FormField): Edited {
  const found = findField(definition, name);
  if (!found) return refuse("not_found");
  if (!MACHINE_NAME.test(field.name)) return refuse("bad_name");
  if (field.name !== name && findField(definition, field.name)) return refuse("duplicate_name");
  const next = copy(definition);
  const section = next.sections.find((s) => s.id === found.section.id)!;
  section.fields[found.index] = field;
  if (field.name !== name) {
    for (const other of allFields(next)) if (other.showIf?.field === name) other.showIf = { ...other.showIf, field: field.name };
  }
  return ok(next);
}

/** Move a field within its section; at the edge of a section it goes to the end or start of the next one. */
export function moveField(definition: FormDefinition, name: string, direction: Direction): Edited {
  const found = findField(definition, name);
  if (!found) return refuse("not_found");
  const next = copy(definition);
  const sectionIndex = next.sections.findIndex((s) => s.id === found.section.id);
  const fields = next.sections[sectionIndex]!.fields;
  const target = direction === "up" ? found.index - 1 : found.index + 1;
  if (target >= 0 && target < fields.length) {
    swap(fields, found.index, target);
    return ok(next);
  }
  const neighbour = next.sections[direction === "up" ? sectionIndex - 1 : sectionIndex + 1];
  if (!neighbour) return refuse("at_edge");
  const [field] = fields.splice(found.index, 1);
  if (direction === "up") neighbour.fields.push(field!);
  else neighbour.fields.unshift(field!);
  return ok(next);
}

/** Remove a field; refused while another field's condition reads it (the answer names them). */
export function removeField(definition: FormDefinition, name: string): Edited {
  const found = findField(definition, name);
  if (!found) return refuse("not_found");
  const dependents = dependentsOf(definition, name);
  if (dependents.length > 0) return refuse("has_dependents", dependents);
  const next = copy(definition);
  const section = next.sections.find((s) => s.id === found.section.id)!;
  section.fields.splice(found.index, 1);
  return ok(next);
}

/** A machine name from a label: "Date de naissance" → "date_de_naissance", made unique among `taken`. */
export function suggestName(label: string, taken: Iterable<string>): string {
  const base =
    label
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "_")
      .replace(/^[^a-z]+/, "")
      .replace(/_+$/, "")
      .slice(0, 36)
      .replace(/_+$/, "") || "champ";
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}
