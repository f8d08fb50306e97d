import { describe, expect, it } from "vitest";
import { PROCEDURES } from "../../../db/seed/data/procedures";
import { formDefinitionProblems } from "./checks";
import type { DateField, FormField } from "./definition";
import { fieldToValues, parseFieldEditor } from "./field-editor";
import { errorParams, parseField } from "./schema";

/** Issue 11 item 24b: a birth date of 1850-01-01 was accepted. Date fields have plausible limits. */
const TODAY = { today: "2026-11-22" };
const l = (fr: string) => ({ fr, en: fr });
const birth: DateField = { type: "date", name: "date_naissance", label: l("Date de naissance"), required: true, range: "past", min: "1900-01-01" };

describe("date limits", () => {
  it("refuse a date before the field's earliest or after its latest date, with the limit in the message", () => {
    expect(parseField(birth, "1850-01-01", TODAY)).toEqual({ ok: false, code: "date_too_early" });
    expect(parseField(birth, "31/12/1899", TODAY)).toEqual({ ok: false, code: "date_too_early" });
    expect(parseField(birth, "1900-01-01", TODAY)).toEqual({ ok: true, value: "1900-01-01" });
    expect(parseField(birth, "2030-01-01", TODAY)).toEqual({ ok: false, code: "date_in_future" });
    const window: DateField = { ...birth, range: undefined, max: "2025-12-31" };
    expect(parseField(window, "2026-01-01", TODAY)).toEqual({ ok: false, code: "date_too_late" });
    expect(errorParams(birth, "date_too_early")).toEqual({ min: "1900-01-01" });
    expect(errorParams(window, "date_too_late")).toEqual({ max: "2025-12-31" });
  });

  it("every birth date of the demo forms starts in 1900", () => {
    for (const procedure of PROCEDURES) {
      for (const field of procedure.definition.sections.flatMap((s) => s.fields)) {
        if (field.type === "date" && field.name.startsWith("date_naissance")) expect(field.min, `${procedure.slug}.${field.name}`).toBe("1900-01-01");
      }
    }
  });

  it("are set in the administration's field editor (French or ISO dates) and checked before publication", () => {
    const plain: FormField = { type: "date", name: "d", label: l("D"), required: true };
    expect(parseFieldEditor({ ...fieldToValues(plain), minDate: "01/01/1900", maxDate: "2030-12-31" }, plain, [], [])).toEqual({
      ok: true,
      field: { ...plain, min: "1900-01-01", max: "2030-12-31" },
    });
    expect(parseFieldEditor(fieldToValues(birth), birth, [], [])).toEqual({ ok: true, field: birth });
    const refused = parseFieldEditor({ ...fieldToValues(plain), minDate: "hier", maxDate: "" }, plain, [], []);
    expect(refused.ok ? {} : Object.fromEntries(Object.entries(refused.errors).map(([k, e]) => [k, e.key]))).toEqual({ minDate: "errors.date" });
    const inverted = parseFieldEditor({ ...fieldToValues(plain), minDate: "2000-01-01", maxDate: "1999-12-31" }, plain, [], []);
    expect(inverted.ok ? {} : Object.fromEntries(Object.entries(inverted.errors).map(([k, e]) => [k, e.key]))).toEqual({ maxDate: "errors.inverted" });
    const problems = formDefinitionProblems({ sections: [{ id: "s", title: l("S"), fields: [{ ...plain, min: "2000-01-01", max: "1999-01-01" }] }] });
    expect(problems).toEqual([{ code: "limits_inverted", section: "s", field: "d" }]);
  });
});
