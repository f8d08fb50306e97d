import { describe, expect, it } from "vitest";
import { casierJudiciaire } from "../../../db/seed/data/procedures/justice";
import { PROCEDURES } from "../../../db/seed/data/procedures";
import type { FormSection } from "./definition";
import { contactPrefill } from "./contact";
import { fieldToValues, parseFieldEditor } from "./field-editor";
import { validateCaseData, validateSection } from "./schema";

/**
 * Issue 11 item 20: a citizen who signed up with a phone number only must be able to file. The
 * contact step asks for one means of reaching the applicant (phone or e-mail), not an e-mail, and
 * shows what the account already knows.
 */
const TODAY = { today: "2026-11-22" };
const contact = casierJudiciaire.definition.sections.find((s) => s.id === "contact") as FormSection;

describe("the contact step", () => {
  it("accepts a phone number alone, or an e-mail alone", () => {
    expect(validateSection(contact, { telephone: "+228 90 00 00 01", courriel: "" }, {}, TODAY)).toEqual({ ok: true, values: { telephone: "+22890000001" } });
    expect(validateSection(contact, { telephone: "", courriel: "Ama@Exemple.tg" }, {}, TODAY)).toEqual({ ok: true, values: { courriel: "ama@exemple.tg" } });
  });

  it("asks for at least one means of contact, on the first contact field", () => {
    const result = validateSection(contact, { telephone: " ", courriel: "" }, {}, TODAY);
    expect(result).toMatchObject({ ok: false, errors: { telephone: "contact_required" } });
    // A wrong answer is still wrong.
    expect(validateSection(contact, { telephone: "12", courriel: "" }, {}, TODAY)).toMatchObject({ ok: false, errors: { telephone: "invalid_phone" } });
  });

  it("is checked again before submission", () => {
    const errors = (data: Record<string, unknown>) => {
      const result = validateCaseData({ sections: [contact] }, data, new Set(), TODAY);
      return result.ok ? [] : result.errors;
    };
    expect(errors({ telephone: "+22890000001" })).toEqual([]);
    expect(errors({})).toEqual([{ sectionId: "contact", field: "telephone", code: "contact_required" }]);
  });

  it("no demo procedure requires an e-mail", () => {
    for (const procedure of PROCEDURES) {
      const emails = procedure.definition.sections.flatMap((s) => s.fields).filter((f) => f.type === "email" && f.required);
      expect(emails.map((f) => `${procedure.slug}.${f.name}`)).toEqual([]);
    }
  });

  it("is prefilled with the account's phone and e-mail until the citizen has confirmed the step", () => {
    expect(contactPrefill(contact, {}, { phone: "+22890000001", email: null })).toEqual({ telephone: "+22890000001" });
    expect(contactPrefill(contact, {}, { phone: null, email: "ama@exemple.tg" })).toEqual({ courriel: "ama@exemple.tg" });
    // An answer already given wins; a confirmed step is left as the citizen left it.
    expect(contactPrefill(contact, { telephone: "+22891111111" }, { phone: "+22890000001", email: "ama@exemple.tg" })).toEqual({ courriel: "ama@exemple.tg" });
    expect(contactPrefill(contact, { _etapes: ["contact"] }, { phone: "+22890000001", email: null })).toEqual({});
  });

  it("is kept by the administration's field editor, and can be set there", () => {
    const phone = contact.fields[0]!;
    expect(parseFieldEditor(fieldToValues(phone), phone, [], [])).toEqual({ ok: true, field: phone });
    const { contact: _c, ...plain } = phone as typeof phone & { contact?: boolean };
    expect(parseFieldEditor({ ...fieldToValues(plain as typeof phone), contact: "on" }, plain as typeof phone, [], [])).toMatchObject({ ok: true, field: { contact: true } });
  });
});
