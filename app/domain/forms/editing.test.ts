import { describe, expect, it } from "vitest";
import type { FormDefinition, FormField } from "./definition";
import { addField, addSection, changeFieldType, moveField, moveSection, newField, removeField, removeSection, suggestName, updateField, updateSection } from "./editing";
import { conditionSources, fieldToValues, parseDecimal, parseFieldEditor, parseOptions } from "./field-editor";

const label = (fr: string) => ({ fr, en: `${fr} (en)` });
const form = (): FormDefinition => ({
  sections: [
    {
      id: "identite",
      title: label("Identité"),
      fields: [
        { name: "nom", type: "text", label: label("Nom"), required: true, maxLength: 50 },
        { name: "marie", type: "radio", label: label("Marié"), required: true, options: [{ value: "oui", label: label("Oui") }, { value: "non", label: label("Non") }] },
        { name: "conjoint", type: "text", label: label("Conjoint"), required: false, showIf: { field: "marie", in: ["oui"] } },
      ],
    },
    { id: "pieces", title: label("Pièces"), fields: [{ name: "acte", type: "file", label: label("Acte"), required: true, accept: ["application/pdf"], maxSizeMb: 5 }] },
  ],
});
const names = (d: FormDefinition) => d.sections.map((s) => `${s.id}:${s.fields.map((f) => f.name).join(",")}`).join(" ");

describe("form editing operations", () => {
  it.each([
    ["add a section", (d: FormDefinition) => addSection(d, { id: "fin", title: label("Fin") }), "identite:nom,marie,conjoint pieces:acte fin:"],
    ["refuse a taken section id", (d: FormDefinition) => addSection(d, { id: "pieces", title: label("X") }), "duplicate_name"],
    ["refuse a bad section id", (d: FormDefinition) => addSection(d, { id: "Pièces", title: label("X") }), "bad_name"],
    ["rename a section", (d: FormDefinition) => updateSection(d, "pieces", { id: "documents", title: label("Documents") }), "identite:nom,marie,conjoint documents:acte"],
    ["update an unknown section", (d: FormDefinition) => updateSection(d, "zzz", { id: "zzz", title: label("Z") }), "not_found"],
    ["move a section up", (d: FormDefinition) => moveSection(d, "pieces", "up"), "pieces:acte identite:nom,marie,conjoint"],
    ["move the first section up", (d: FormDefinition) => moveSection(d, "identite", "up"), "at_edge"],
    ["remove a section", (d: FormDefinition) => removeSection(d, "pieces"), "identite:nom,marie,conjoint"],
    ["add a field at the end", (d: FormDefinition) => addField(d, "pieces", newField("date", "date_naissance", label("Date"))), "identite:nom,marie,conjoint pieces:acte,date_naissance"],
    ["refuse a taken field name", (d: FormDefinition) => addField(d, "pieces", newField("text", "nom", label("Nom"))), "duplicate_name"],
    ["add to an unknown section", (d: FormDefinition) => addField(d, "zzz", newField("text", "x", label("X"))), "not_found"],
    ["move a field down", (d: FormDefinition) => moveField(d, "nom", "down"), "identite:marie,nom,conjoint pieces:acte"],
    ["move a field down across sections", (d: FormDefinition) => moveField(d, "conjoint", "down"), "identite:nom,marie pieces:conjoint,acte"],
    ["move a field up across sections", (d: FormDefinition) => moveField(d, "acte", "up"), "identite:nom,marie,conjoint,acte pieces:"],
    ["move the first field up", (d: FormDefinition) => moveField(d, "nom", "up"), "at_edge"],
    ["remove a field", (d: FormDefinition) => removeField(d, "conjoint"), "identite:nom,marie pieces:acte"],
    ["remove an unknown field", (d: FormDefinition) => removeField(d, "zzz"), "not_found"],
  ])("%s", (_name, edit, expected) => {
    const result = edit(form());
    expect(result.ok ? names(result.definition) : result.error).toBe(expected);
  });

  it("refuses to remove a field another field depends on, and says which", () => {
    expect(removeField(form(), "marie")).toEqual({ ok: false, error: "has_dependents", names: ["conjoint"] });
  });

  it("refuses to remove a section whose fields are read by a field elsewhere", () => {
    const d = form();
    d.sections[1]!.fields.push({ name: "x", type: "text", label: label("X"), required: false, showIf: { field: "marie", in: ["oui"] } });
    expect(removeSection(d, "identite")).toEqual({ ok: false, error: "has_dependents", names: ["x"] });
  });

  it("renaming a field renames it in the conditions that read it", () => {
    const d = form();
    const marie = d.sections[0]!.fields[1]!;
    const result = updateField(d, "marie", { ...marie, name: "situation" });
    expect(result.ok && result.definition.sections[0]!.fields[2]!.showIf).toEqual({ field: "situation", in: ["oui"] });
    expect(updateField(d, "marie", { ...marie, name: "nom" })).toMatchObject({ ok: false, error: "duplicate_name" });
    expect(updateField(d, "gone", marie)).toMatchObject({ ok: false, error: "not_found" });
  });

  it.each<[FormField, FormField["type"], Record<string, unknown>]>([
    [{ name: "a", type: "text", label: label("A"), required: true, maxLength: 5, showIf: { field: "m", in: ["x"] } }, "number", { type: "number", name: "a", showIf: { field: "m", in: ["x"] } }],
    [{ name: "a", type: "text", label: label("A"), required: true, maxLength: 5 }, "textarea", { type: "textarea", maxLength: 5 }],
    [{ name: "a", type: "radio", label: label("A"), required: true, options: [{ value: "v", label: label("V") }] }, "select", { type: "select", options: [{ value: "v", label: label("V") }] }],
    [{ name: "a", type: "number", label: label("A"), required: false, min: 1 }, "file", { type: "file", required: false, maxSizeMb: 5 }],
  ])("changing the type keeps the common properties (%#)", (field, type, expected) => {
    const changed = changeFieldType(field, type);
    expect(changed).toMatchObject(expected);
    if (type === "number") expect(changed).not.toHaveProperty("maxLength");
    if (type === "file") expect(changed).not.toHaveProperty("min");
  });

  it.each([
    ["Date de naissance", [], "date_de_naissance"],
    ["Numéro d'acte", ["numero_d_acte"], "numero_d_acte_2"],
    ["123", [], "champ"],
    ["  Élève ", [], "eleve"],
  ])("suggests a machine name for %s", (text, taken, expected) => {
    expect(suggestName(text, taken)).toBe(expected);
  });
});

describe("field editor values", () => {
  const sources = conditionSources(form(), "conjoint");
  const text = form().sections[0]!.fields[0]!;
  const values = (extra: Record<string, string | string[]>) => ({ ...fieldToValues(text), ...extra });

  it("round-trips a field", () => {
    expect(parseFieldEditor(fieldToValues(text), text, sources, [])).toEqual({ ok: true, field: text });
  });

  it.each([
    ["1,5", 1.5],
    ["1 000", 1000],
    ["", undefined],
    ["abc", Number.NaN],
  ])("reads the French number %s", (input, expected) => {
    expect(parseDecimal(input)).toEqual(expected);
  });

  it.each([
    ["oui | Oui | Yes\nnon | Non | No", 2, []],
    ["oui | Oui\n\nnon | Non | No", 1, [1]],
    ["a | A | A\na | B | B", 1, [2]],
  ])("reads options %#", (input, count, bad) => {
    const { options, badLines } = parseOptions(input);
    expect(options).toHaveLength(count);
    expect(badLines).toEqual(bad);
  });

  it.each<[string, Record<string, string | string[]>, FormField | null, Record<string, string>]>([
    ["empty labels", { labelFr: "", labelEn: "" }, null, { labelFr: "errors.labelFr", labelEn: "errors.labelEn" }],
    ["a bad name", { name: "Nom" }, null, { name: "errors.name" }],
    ["inverted lengths", { minLength: "10", maxLength: "5" }, null, { maxLength: "errors.inverted" }],
    ["a decimal length", { maxLength: "2,5" }, null, { maxLength: "errors.wholeNumber" }],
    ["an unknown condition source", { showIfField: "nom" }, null, { showIfField: "errors.conditionSource" }],
    ["an unknown condition value", { showIfField: "marie", showIfValues: "peut-etre" }, null, { showIfValues: "errors.conditionValues" }],
  ])("refuses %s", (_name, extra, _field, expected) => {
    const result = parseFieldEditor(values(extra), text, sources, []);
    expect(result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([k, e]) => [k, e.key]))).toEqual(expected);
  });

  it("reads a condition, number limits with a comma and file settings", () => {
    const withCondition = parseFieldEditor(values({ showIfField: "marie", showIfValues: "oui" }), text, sources, []);
    expect(withCondition.ok && withCondition.field.showIf).toEqual({ field: "marie", in: ["oui"] });
    const number: FormField = { name: "n", type: "number", label: label("N"), required: true };
    const parsed = parseFieldEditor({ ...fieldToValues(number), min: "0,5", max: "10", integer: "on" }, number, [], []);
    expect(parsed).toMatchObject({ ok: true, field: { min: 0.5, max: 10, integer: true } });
    const file = form().sections[1]!.fields[0]!;
    expect(parseFieldEditor({ ...fieldToValues(file), maxSizeMb: "25", accept: [] }, file, [], [])).toMatchObject({ ok: false, errors: { maxSizeMb: {}, accept: {} } });
    expect(parseFieldEditor({ ...fieldToValues(file), document: "acte_naissance" }, file, [], ["acte_naissance"])).toMatchObject({ ok: true, field: { document: "acte_naissance" } });
  });

  it("changing the type does not read the former type's settings", () => {
    expect(parseFieldEditor(values({ type: "radio" }), text, sources, [])).toMatchObject({ ok: true, field: { type: "radio", options: [], name: "nom" } });
  });
});
