import type { FormDefinition } from "../../app/domain/forms/definition";

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * What is wrong with a form definition, in plain words (empty when it is sound): field names
 * unique and well formed, options on select and radio, a `showIf` that points to an earlier
 * field offering the values it tests, files with accepted types and a size limit.
 */
export function formDefinitionProblems(definition: FormDefinition): string[] {
  const problems: string[] = [];
  const seen = new Map<string, Set<string> | null>();
  const sectionIds = new Set<string>();
  if (definition.sections.length === 0) problems.push("no section");
  for (const section of definition.sections) {
    if (sectionIds.has(section.id)) problems.push(`duplicate section id ${section.id}`);
    sectionIds.add(section.id);
    if (section.fields.length === 0) problems.push(`section ${section.id} has no field`);
    for (const field of section.fields) {
      if (!NAME.test(field.name)) problems.push(`bad field name ${field.name}`);
      if (seen.has(field.name)) problems.push(`duplicate field ${field.name}`);
      if (!field.label.fr || !field.label.en) problems.push(`${field.name}: label missing in one language`);
      if ((field.type === "select" || field.type === "radio") && field.options.length < 2) problems.push(`${field.name}: needs options`);
      if (field.type === "file" && (field.accept.length === 0 || !(field.maxSizeMb > 0))) problems.push(`${field.name}: file needs accept and maxSizeMb`);
      if (field.showIf) {
        const values = seen.get(field.showIf.field);
        if (values === undefined) problems.push(`${field.name}: showIf points to ${field.showIf.field}, not an earlier field`);
        else if (values !== null) {
          for (const value of field.showIf.in) if (!values.has(value)) problems.push(`${field.name}: showIf value ${value} is not an option of ${field.showIf.field}`);
        }
        if (field.showIf.in.length === 0) problems.push(`${field.name}: showIf without values`);
      }
      const options = "options" in field && field.options ? new Set(field.options.map((o) => o.value)) : null;
      seen.set(field.name, options);
    }
  }
  return problems;
}
