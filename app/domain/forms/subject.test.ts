import { describe, expect, it } from "vitest";
import type { FormDefinition } from "./definition";
import { caseSubject } from "./subject";

const l = (fr: string) => ({ fr, en: fr });
const IDENTITY: FormDefinition = {
  sections: [
    {
      id: "demandeur",
      title: l("Le demandeur"),
      fields: [
        { type: "text", name: "nom", label: l("Nom"), required: true },
        { type: "text", name: "prenoms", label: l("Prénoms"), required: true },
        { type: "date", name: "date_naissance", label: l("Date de naissance"), required: true, range: "past" },
        { type: "text", name: "lieu_naissance", label: l("Lieu de naissance"), required: true },
        { type: "national_id", name: "niu", label: l("NIU"), required: false },
        { type: "text", name: "nom_pere", label: l("Nom du père"), required: true },
      ],
    },
  ],
};
const NO_IDENTITY: FormDefinition = { sections: [{ id: "entreprise", title: l("L'entreprise"), fields: [{ type: "text", name: "raison_sociale", label: l("Raison sociale"), required: true }] }] };
const account = { onBehalfOf: null, accountName: "Afiwa Dossou" };

describe("the subject of a case (whom the issued document names)", () => {
  it("is the person filed in the form, not the account holder, with the identifying fields in order", () => {
    const subject = caseSubject(IDENTITY, { nom: "Koffi", prenoms: "Ama  Délali", date_naissance: "1994-03-08", lieu_naissance: "Kpalimé", niu: "", nom_pere: "Koffi Yao" }, account);
    expect(subject).toEqual({
      fullName: "KOFFI Ama Délali",
      birthDate: "1994-03-08",
      source: "form",
      details: [
        { label: l("Date de naissance"), value: "1994-03-08", type: "date" },
        { label: l("Lieu de naissance"), value: "Kpalimé", type: "text" },
      ],
    });
  });

  it("is the form's person also when filed for someone else (the form names who the request is about)", () => {
    const subject = caseSubject(IDENTITY, { nom: "Mensah", prenoms: "Yao Kodjo", date_naissance: "2012-01-30", lieu_naissance: "Lomé" }, { onBehalfOf: { fullName: "Yao Mensah" }, accountName: "Afiwa Dossou" });
    expect(subject).toMatchObject({ fullName: "MENSAH Yao Kodjo", source: "form", birthDate: "2012-01-30" });
  });

  it("falls back to the person named for whom the request is, then to the account, when the form has no identity block", () => {
    expect(caseSubject(NO_IDENTITY, { raison_sociale: "Agbo SARL" }, { onBehalfOf: { fullName: " Yao Kodjo Mensah " }, accountName: "Afiwa Dossou" })).toEqual({
      fullName: "Yao Kodjo Mensah",
      details: [],
      birthDate: null,
      source: "on_behalf_of",
    });
    expect(caseSubject(NO_IDENTITY, {}, account)).toMatchObject({ fullName: "Afiwa Dossou", source: "account" });
    // A hidden or empty answer is no answer.
    const hidden: FormDefinition = { sections: [{ ...IDENTITY.sections[0]!, fields: IDENTITY.sections[0]!.fields.map((f) => ({ ...f, showIf: { field: "x", in: ["oui"] } })) }] };
    expect(caseSubject(hidden, { nom: "Koffi", x: "non" }, account)).toMatchObject({ fullName: "Afiwa Dossou", details: [] });
  });
});
