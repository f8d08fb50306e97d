import type { FormDefinition, RequiredDocument } from "./definition";

/** Field names and section ids: a lower-case letter, then lower-case letters, digits or underscores. */
export const MACHINE_NAME = /^[a-z][a-z0-9_]{0,39}$/;

export const DEFINITION_PROBLEM_CODES = [
  "no_section",
  "bad_section_id",
  "duplicate_section",
  "section_title_missing",
  "empty_section",
  "bad_field_name",
  "duplicate_field",
  "label_missing",
  "options_missing",
  "option_incomplete",
  "duplicate_option",
  "file_settings",
  "limits_inverted",
  "condition_not_earlier",
  "condition_value_unknown",
  "condition_empty",
  "document_unknown",
] as const;
export type DefinitionProblemCode = (typeof DEFINITION_PROBLEM_CODES)[number];

/**
 * One thing that keeps a form from being published. `section` and `field` say where (ids, not
 * labels); `value` is the option value or document code in question. The admin pages translate
 * the code (`admin:problems.<code>`, see app/components/admin/problems.ts); `describeProblem` gives a plain English line
 * for logs and the seed.
 */
export interface DefinitionProblem {
  code: DefinitionProblemCode;
  section?: string;
  field?: string;
  value?: string;
}

/**
 * What is wrong with a form definition (empty when it is sound): ids and field names unique and
 * well formed, labels in both languages, options on select and radio, limits in order, a `showIf`
 * that points to an earlier field offering the values it tests, files with accepted types and a
 * size limit, and — when the procedure's required documents are given — file fields that provide
 * only documents the procedure asks for.
 */
export function formDefinitionProblems(definition: FormDefinition, requiredDocuments?: readonly RequiredDocument[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, Set<string> | null>();
  const sectionIds = new Set<string>();
  const documentCodes = requiredDocuments ? new Set(requiredDocuments.map((d) => d.code)) : null;
  if (definition.sections.length === 0) problems.push({ code: "no_section" });
  for (const section of definition.sections) {
    const at = { section: section.id };
    if (!MACHINE_NAME.test(section.id)) problems.push({ code: "bad_section_id", ...at });
    if (sectionIds.has(section.id)) problems.push({ code: "duplicate_section", ...at });
    sectionIds.add(section.id);
    if (!section.title.fr.trim() || !section.title.en.trim()) problems.push({ code: "section_title_missing", ...at });
    if (section.fields.length === 0) problems.push({ code: "empty_section", ...at });
    for (const field of section.fields) {
      const here = { section: section.id, field: field.name };
      if (!MACHINE_NAME.test(field.name)) problems.push({ code: "bad_field_name", ...here });
      if (seen.has(field.name)) problems.push({ code: "duplicate_field", ...here });
      if (!field.label.fr.trim() || !field.label.en.trim()) problems.push({ code: "label_missing", ...here });
      const options = "options" in field && field.options ? field.options : null;
      if ((field.type === "select" || field.type === "radio") && (options?.length ?? 0) < 2) problems.push({ code: "options_missing", ...here });
      if (options) {
        const values = new Set<string>();
        for (const option of options) {
          if (!option.value.trim() || !option.label.fr.trim() || !option.label.en.trim()) problems.push({ code: "option_incomplete", ...here, value: option.value });
          if (values.has(option.value)) problems.push({ code: "duplicate_option", ...here, value: option.value });
          values.add(option.value);
        }
      }
      if (field.type === "file") {
        if (field.accept.length === 0 || !(field.maxSizeMb > 0)) problems.push({ code: "file_settings", ...here });
        if (documentCodes && field.document && !documentCodes.has(field.document)) problems.push({ code: "document_unknown", ...here, value: field.document });
      }
      if (field.type === "text" || field.type === "textarea") {
        if (field.minLength !== undefined && field.maxLength !== undefined && field.minLength > field.maxLength) problems.push({ code: "limits_inverted", ...here });
      }
      if (field.type === "number" && field.min !== undefined && field.max !== undefined && field.min > field.max) problems.push({ code: "limits_inverted", ...here });
      if (field.type === "date" && field.min !== undefined && field.max !== undefined && field.min > field.max) problems.push({ code: "limits_inverted", ...here });
      if (field.showIf) {
        const values = seen.get(field.showIf.field);
        if (values === undefined) problems.push({ code: "condition_not_earlier", ...here, value: field.showIf.field });
        else if (values !== null) {
          for (const value of field.showIf.in) if (!values.has(value)) problems.push({ code: "condition_value_unknown", ...here, value });
        }
        if (field.showIf.in.length === 0) problems.push({ code: "condition_empty", ...here });
      }
      seen.set(field.name, options ? new Set(options.map((o) => o.value)) : null);
    }
  }
  return problems;
}

/** A problem as one plain English line (logs, seed checks). */
export function describeProblem(problem: DefinitionProblem): string {
  const where = [problem.section && `section ${problem.section}`, problem.field && `field ${problem.field}`].filter(Boolean).join(", ");
  return [problem.code.replaceAll("_", " "), where, problem.value !== undefined ? `(${problem.value})` : ""].filter(Boolean).join(" ");
}
