import { describe, expect, it } from "vitest";
import type { FormDefinition, FormField, FormSection } from "./definition";
import {
  isFieldVisible,
  mergeSectionValues,
  parseField,
  pruneHiddenFields,
  sectionSchema,
  validateCaseData,
  validateSection,
  validSectionValues,
  visibleFieldNames,
  errorParams,
} from "./schema";
import { creationEntreprise } from "../../../db/seed/data/procedures/business";
import { acteNaissance, legalisation } from "../../../db/seed/data/procedures/civil-status";

const l = (fr: string) => ({ fr, en: fr });
const TODAY = { today: "2026-11-22" };
function sectionOf(definition: FormDefinition, index: number): FormSection {
  const found = definition.sections[index];
  if (!found) throw new Error("no such section");
  return found;
}
const check = (field: FormField, input: unknown) => parseField(field, input, TODAY);

describe("field types", () => {
  it("text and textarea: trimmed, length in characters, optional empty → absent", () => {
    const field: FormField = { type: "text", name: "nom", label: l("Nom"), required: true, minLength: 2, maxLength: 5 };
    expect(check(field, "  Ama ")).toEqual({ ok: true, value: "Ama" });
    expect(check(field, "")).toEqual({ ok: false, code: "required" });
    expect(check(field, "   ")).toEqual({ ok: false, code: "required" });
    expect(check(field, "A")).toEqual({ ok: false, code: "too_short" });
    expect(check(field, "Éèàùô")).toEqual({ ok: true, value: "Éèàùô" });
    expect(check(field, "Kossiwa")).toEqual({ ok: false, code: "too_long" });
    expect(check({ ...field, required: false }, "")).toEqual({ ok: true, value: undefined });
    const area: FormField = { type: "textarea", name: "a", label: l("A"), required: true, maxLength: 10 };
    expect(check(area, "a\r\nb")).toEqual({ ok: true, value: "a\nb" });
  });

  it("date: a real calendar date, past or future relative to today", () => {
    const birth: FormField = { type: "date", name: "d", label: l("D"), required: true, range: "past" };
    expect(check(birth, "1990-05-17")).toEqual({ ok: true, value: "1990-05-17" });
    expect(check(birth, "17/05/1990")).toEqual({ ok: true, value: "1990-05-17" });
    expect(check(birth, "2026-11-22")).toEqual({ ok: true, value: "2026-11-22" });
    expect(check(birth, "2026-11-23")).toEqual({ ok: false, code: "date_in_future" });
    expect(check(birth, "2023-02-29")).toEqual({ ok: false, code: "invalid_date" });
    expect(check(birth, "2024-02-29")).toEqual({ ok: true, value: "2024-02-29" });
    expect(check(birth, "demain")).toEqual({ ok: false, code: "invalid_date" });
    expect(check(birth, "")).toEqual({ ok: false, code: "required" });
    const appointment: FormField = { type: "date", name: "r", label: l("R"), required: false, range: "future" };
    expect(check(appointment, "2026-11-21")).toEqual({ ok: false, code: "date_in_past" });
    expect(check(appointment, "2027-01-01")).toEqual({ ok: true, value: "2027-01-01" });
  });

  it("number: spaces and decimal comma accepted; integer, min, max", () => {
    const capital: FormField = { type: "number", name: "c", label: l("C"), required: true, min: 1, max: 1_000_000, integer: true };
    expect(check(capital, "1 000 000")).toEqual({ ok: true, value: 1_000_000 });
    expect(check(capital, "1\u00a0000")).toEqual({ ok: true, value: 1000 });
    expect(check(capital, 250)).toEqual({ ok: true, value: 250 });
    expect(check(capital, "douze")).toEqual({ ok: false, code: "not_a_number" });
    expect(check(capital, "12,5")).toEqual({ ok: false, code: "not_integer" });
    expect(check(capital, "0")).toEqual({ ok: false, code: "too_small" });
    expect(check(capital, "1 000 001")).toEqual({ ok: false, code: "too_big" });
    const decimal: FormField = { type: "number", name: "x", label: l("X"), required: false };
    expect(check(decimal, "1 000,5")).toEqual({ ok: true, value: 1000.5 });
    expect(check(decimal, "2.25")).toEqual({ ok: true, value: 2.25 });
    expect(check(decimal, "")).toEqual({ ok: true, value: undefined });
  });

  it("select and radio: a value among the options", () => {
    const select: FormField = { type: "select", name: "s", label: l("S"), required: true, options: [{ value: "a", label: l("A") }] };
    expect(check(select, "a")).toEqual({ ok: true, value: "a" });
    expect(check(select, "b")).toEqual({ ok: false, code: "invalid_option" });
    expect(check(select, undefined)).toEqual({ ok: false, code: "required" });
    const radio: FormField = { ...select, type: "radio", required: false };
    expect(check(radio, undefined)).toEqual({ ok: true, value: undefined });
    expect(check(radio, "zz")).toEqual({ ok: false, code: "invalid_option" });
  });

  it("single checkbox: ticked → true; required means it must be ticked", () => {
    const box: FormField = { type: "checkbox", name: "ok", label: l("OK"), required: true };
    expect(check(box, "on")).toEqual({ ok: true, value: true });
    expect(check(box, true)).toEqual({ ok: true, value: true });
    expect(check(box, undefined)).toEqual({ ok: false, code: "required" });
    expect(check({ ...box, required: false }, undefined)).toEqual({ ok: true, value: undefined });
  });

  it("checkboxes with options: a list of allowed values, at least one when required", () => {
    const boxes: FormField = {
      type: "checkbox",
      name: "t",
      label: l("T"),
      required: true,
      options: [
        { value: "a", label: l("A") },
        { value: "b", label: l("B") },
      ],
    };
    expect(check(boxes, ["b", "a", "a"])).toEqual({ ok: true, value: ["a", "b"] });
    expect(check(boxes, "b")).toEqual({ ok: true, value: ["b"] });
    expect(check(boxes, [])).toEqual({ ok: false, code: "required" });
    expect(check(boxes, ["a", "c"])).toEqual({ ok: false, code: "invalid_option" });
    expect(check({ ...boxes, required: false }, undefined)).toEqual({ ok: true, value: undefined });
  });

  it("email: lower-cased, one @ and a dotted domain", () => {
    const email: FormField = { type: "email", name: "e", label: l("E"), required: true };
    expect(check(email, " Ama.Mensah@Exemple.TG ")).toEqual({ ok: true, value: "ama.mensah@exemple.tg" });
    expect(check(email, "ama@exemple")).toEqual({ ok: false, code: "invalid_email" });
    expect(check(email, "ama mensah@exemple.tg")).toEqual({ ok: false, code: "invalid_email" });
  });

  it("phone: Togolese numbers in any usual spelling → +228 and 8 digits", () => {
    const phone: FormField = { type: "phone", name: "p", label: l("P"), required: true };
    for (const typed of ["90 12 34 56", "0022890123456", "+228 90-12-34-56", "22890123456", "+228 90.12.34.56"]) {
      expect(check(phone, typed)).toEqual({ ok: true, value: "+22890123456" });
    }
    expect(check(phone, "+33 6 12 34 56 78")).toEqual({ ok: false, code: "invalid_phone" });
    expect(check(phone, "90 12 34")).toEqual({ ok: false, code: "invalid_phone" });
    expect(check(phone, "abc")).toEqual({ ok: false, code: "invalid_phone" });
  });

  it("national_id: NIU of 10 digits, spaces allowed", () => {
    const niu: FormField = { type: "national_id", name: "n", label: l("N"), required: false };
    expect(check(niu, "123 456 7890")).toEqual({ ok: true, value: "1234567890" });
    expect(check(niu, "12345")).toEqual({ ok: false, code: "invalid_national_id" });
    expect(check(niu, "12345678901")).toEqual({ ok: false, code: "invalid_national_id" });
    expect(check(niu, "")).toEqual({ ok: true, value: undefined });
  });

  it("error messages get min and max", () => {
    expect(errorParams({ type: "number", name: "x", label: l("X"), required: true, min: 1, max: 9 }, "too_big")).toEqual({ max: 9 });
    expect(errorParams({ type: "text", name: "x", label: l("X"), required: true, minLength: 3 }, "too_short")).toEqual({ min: 3 });
  });
});

describe("conditions", () => {
  const cond: FormField = { type: "text", name: "autre", label: l("Autre"), required: true, showIf: { field: "choix", in: ["x", "y"] } };
  it("a field is visible iff the controlling value (string or list) is among `in`", () => {
    expect(isFieldVisible(cond, { choix: "x" })).toBe(true);
    expect(isFieldVisible(cond, { choix: "z" })).toBe(false);
    expect(isFieldVisible(cond, {})).toBe(false);
    expect(isFieldVisible(cond, { choix: ["z", "y"] })).toBe(true);
    expect(isFieldVisible(cond, { choix: [] })).toBe(false);
    expect(isFieldVisible({ ...cond, showIf: undefined }, {})).toBe(true);
  });

  const acte = sectionOf(acteNaissance.definition, 0);
  const validActe = { type_acte: "extrait", centre_etat_civil: "Golfe 1", annee_acte: "1990", nombre_copies: "2" };

  it("a hidden field is neither required nor kept", () => {
    const result = validateSection(acte, { ...validActe, beneficiaire: "moi", nom_titulaire: "Koffi", date_naissance_titulaire: "oops" }, {}, TODAY);
    expect(result).toEqual({
      ok: true,
      values: { type_acte: "extrait", beneficiaire: "moi", centre_etat_civil: "Golfe 1", annee_acte: 1990, nombre_copies: 2 },
    });
  });

  it("a visible conditional field is required", () => {
    const result = validateSection(acte, { ...validActe, beneficiaire: "enfant", date_naissance_titulaire: "2031-01-01" }, {}, TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual({ nom_titulaire: "required", date_naissance_titulaire: "date_in_future" });
      expect(result.values.date_naissance_titulaire).toBe("2031-01-01");
    }
  });

  it("the condition can sit in an earlier section (the case data)", () => {
    const demandeur = sectionOf(acteNaissance.definition, 1);
    const raw = { nom: "Mensah", prenoms: "Ama", date_naissance: "1990-01-01", lieu_naissance: "Lomé" };
    expect(validateSection(demandeur, raw, { beneficiaire: "moi" }, TODAY).ok).toBe(true);
    const forSomeone = validateSection(demandeur, raw, { beneficiaire: "tiers" }, TODAY);
    expect(forSomeone).toMatchObject({ ok: false, errors: { lien: "required" } });
    expect(Object.keys(sectionSchema(demandeur, { beneficiaire: "moi" }).def.shape)).not.toContain("lien");
  });

  it("checkbox lists control conditions; the section's own values take precedence over stored ones", () => {
    const documents = sectionOf(legalisation.definition, 0);
    const raw = { types_documents: ["diplome", "autre"], nombre_documents: "2", pays_destination: "France" };
    expect(validateSection(documents, raw, {}, TODAY)).toMatchObject({ ok: false, errors: { description_autre: "required" } });
    const unticked = validateSection(documents, { ...raw, types_documents: "diplome" }, { types_documents: ["autre"], description_autre: "x" }, TODAY);
    expect(unticked).toEqual({ ok: true, values: { types_documents: ["diplome"], nombre_documents: 2, pays_destination: "France" } });
  });

  it("visible field names follow the page's own answers", () => {
    expect(visibleFieldNames(acte, { beneficiaire: "moi" }, {})).not.toContain("nom_titulaire");
    expect(visibleFieldNames(acte, { beneficiaire: "tiers" }, { beneficiaire: "moi" })).toContain("nom_titulaire");
  });

  it("save for later keeps only the valid answers", () => {
    expect(validSectionValues(acte, { type_acte: "extrait", beneficiaire: "enfant", nom_titulaire: "", annee_acte: "dix", nombre_copies: "3" }, {}, TODAY)).toEqual({
      type_acte: "extrait",
      beneficiaire: "enfant",
      nombre_copies: 3,
    });
  });

  it("merging a section drops the answers it hides, in other sections too", () => {
    const definition = acteNaissance.definition;
    const data = { beneficiaire: "tiers", nom_titulaire: "Koffi", lien: "parent", nom: "Mensah", _pourQui: "other" };
    const merged = mergeSectionValues(definition, sectionOf(definition, 0), data, { type_acte: "extrait", beneficiaire: "moi" });
    expect(merged).toEqual({ type_acte: "extrait", beneficiaire: "moi", nom: "Mensah", _pourQui: "other" });
    expect(pruneHiddenFields(definition, { beneficiaire: "tiers", lien: "parent" })).toEqual({ beneficiaire: "tiers", lien: "parent" });
  });
});

describe("validateCaseData", () => {
  const definition: FormDefinition = creationEntreprise.definition;
  const complete = {
    forme_juridique: "ei",
    denomination: "Chez Ama",
    activite: "Couture",
    adresse_siege: "Lomé",
    nom: "Mensah",
    prenoms: "Ama",
    date_naissance: "1990-01-01",
    lieu_naissance: "Lomé",
    niu: "1234567890",
    qualite: "promoteur",
    telephone: "+22890123456",
    courriel: "ama@exemple.tg",
    attestation_sur_l_honneur: true,
    _pourQui: "self",
    _etapes: ["pour-qui"],
  };
  const files = new Set(["piece_identite", "casier_judiciaire", "justificatif_siege"]);

  it("accepts a complete case; conditional files are only needed when visible", () => {
    expect(validateCaseData(definition, complete, files, TODAY)).toEqual({ ok: true });
  });

  it("lists missing files and conditional required fields with their section", () => {
    const sarl = { ...complete, forme_juridique: "sarl", qualite: "mandataire" };
    const result = validateCaseData(definition, sarl, new Set(["piece_identite"]), TODAY);
    expect(result).toEqual({
      ok: false,
      errors: [
        { sectionId: "entreprise", field: "capital", code: "required" },
        { sectionId: "entreprise", field: "nombre_associes", code: "required" },
        { sectionId: "pieces", field: "casier_judiciaire", code: "file_required" },
        { sectionId: "pieces", field: "statuts", code: "file_required" },
        { sectionId: "pieces", field: "justificatif_siege", code: "file_required" },
        { sectionId: "pieces", field: "procuration", code: "file_required" },
      ],
    });
  });

  it("re-checks stored values (a tampered or stale value is an error)", () => {
    const result = validateCaseData(definition, { ...complete, niu: "12", attestation_sur_l_honneur: false }, files, TODAY);
    expect(result).toEqual({
      ok: false,
      errors: [
        { sectionId: "demandeur", field: "niu", code: "invalid_national_id" },
        { sectionId: "declaration", field: "attestation_sur_l_honneur", code: "required" },
      ],
    });
  });

  it("every demo form's stored output validates again (round trip)", () => {
    const demandeur = sectionOf(definition, 1);
    const first = validateSection(demandeur, { nom: "A", prenoms: "B", date_naissance: "01/02/1990", lieu_naissance: "C", niu: "123 456 7890", qualite: "promoteur" }, {}, TODAY);
    expect(first.ok).toBe(true);
    if (first.ok) expect(validateSection(demandeur, first.values as never, {}, TODAY)).toEqual(first);
  });
});
