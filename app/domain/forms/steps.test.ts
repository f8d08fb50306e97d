import { describe, expect, it } from "vitest";
import { certificatResidence } from "../../../db/seed/data/procedures/civil-status";
import { caseSteps, completedSteps, firstIncompleteStep, stepAfter, stepPath, stepPosition, withConfirmedStep, type CaseProgress } from "./steps";

const definition = certificatResidence.definition;
const TODAY = { today: "2026-11-22" };

const demandeur = { nom: "Mensah", prenoms: "Ama", date_naissance: "1990-01-01", lieu_naissance: "Lomé", niu: "1234567890" };
const domicile = { commune: "golfe_1", quartier: "Bè", adresse: "Rue 12", resident_depuis: "2020-01-01" };
const contact = { telephone: "+22890123456" };
const files = new Set(["piece_identite", "attestation_chef_quartier", "justificatif_domicile"]);

function progress(data: Record<string, unknown>, extra: Partial<CaseProgress> = {}): CaseProgress {
  return { data, uploadedFields: new Set(), onBehalfOf: null, regionCode: "maritime", ...extra };
}

describe("form steps", () => {
  it("pour-qui, the sections, bureau, verification", () => {
    expect(caseSteps(definition).map((s) => s.id)).toEqual(["pour-qui", "demandeur", "domicile", "pieces", "contact", "declaration", "bureau", "verification"]);
  });

  it("position, previous and next", () => {
    expect(stepPosition(definition, "pour-qui")).toMatchObject({ number: 1, total: 8, previous: null, next: { id: "demandeur" } });
    expect(stepPosition(definition, "domicile")).toMatchObject({ number: 3, previous: { id: "demandeur" }, next: { id: "pieces" } });
    expect(stepPosition(definition, "verification")).toMatchObject({ number: 8, next: null });
    expect(stepPosition(definition, "inconnu")).toBeNull();
    expect(stepPath("TG-2026-AAAA-BBBB", "bureau")).toBe("/mon-espace/dossiers/TG-2026-AAAA-BBBB/formulaire/bureau");
  });

  it("a new draft resumes at pour-qui", () => {
    expect(firstIncompleteStep(definition, progress({}), TODAY).id).toBe("pour-qui");
  });

  it("a step is done once confirmed and still valid", () => {
    let data: Record<string, unknown> = { _pourQui: "self", ...demandeur };
    expect(firstIncompleteStep(definition, progress(data), TODAY).id).toBe("demandeur"); // answered but never confirmed
    data = withConfirmedStep(data, "demandeur");
    expect(firstIncompleteStep(definition, progress(data), TODAY).id).toBe("domicile");
    data = withConfirmedStep(withConfirmedStep({ ...data, ...domicile }, "domicile"), "pieces");
    expect(firstIncompleteStep(definition, progress(data), TODAY).id).toBe("pieces"); // files missing
    expect(firstIncompleteStep(definition, progress(data, { uploadedFields: files }), TODAY).id).toBe("contact");
  });

  it("all done → verification; bureau needs a region", () => {
    let data: Record<string, unknown> = { _pourQui: "self", ...demandeur, ...domicile, ...contact, attestation_sur_l_honneur: true };
    for (const id of ["demandeur", "domicile", "pieces", "contact", "declaration", "bureau"]) data = withConfirmedStep(data, id);
    expect(firstIncompleteStep(definition, progress(data, { uploadedFields: files }), TODAY).id).toBe("verification");
    expect(firstIncompleteStep(definition, progress(data, { uploadedFields: files, regionCode: null }), TODAY).id).toBe("bureau");
    expect(completedSteps(definition, progress(data, { uploadedFields: files }), TODAY).has("verification")).toBe(false);
  });

  it("for someone else, the person's name is needed", () => {
    expect(firstIncompleteStep(definition, progress({ _pourQui: "other" }), TODAY).id).toBe("pour-qui");
    expect(firstIncompleteStep(definition, progress({ _pourQui: "other" }, { onBehalfOf: { fullName: "Koffi", relationship: "enfant" } }), TODAY).id).toBe("demandeur");
  });

  it("Continuer: the next step the first time, back to the check page once the end was reached", () => {
    let data: Record<string, unknown> = { _pourQui: "self", ...demandeur, ...domicile, ...contact, attestation_sur_l_honneur: true };
    for (const id of ["demandeur", "domicile", "pieces", "contact", "declaration"]) data = withConfirmedStep(data, id);
    expect(stepAfter(definition, progress(data, { uploadedFields: files }), "domicile", TODAY).id).toBe("pieces");
    data = withConfirmedStep(data, "bureau");
    expect(stepAfter(definition, progress(data, { uploadedFields: files }), "domicile", TODAY).id).toBe("verification");
    expect(stepAfter(definition, progress(data, { uploadedFields: new Set(["piece_identite"]) }), "domicile", TODAY).id).toBe("pieces");
  });
});
