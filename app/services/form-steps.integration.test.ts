import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { cases, procedureVersions } from "../../db/schema";
import { createProcedure } from "../../db/seed/case-factories";
import { acteNaissance } from "../../db/seed/data/procedures/civil-status";
import { createCitizen, createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { FormDefinition, FormSection } from "~/domain/forms/definition";
import { validateSection } from "~/domain/forms/schema";
import { firstIncompleteStep } from "~/domain/forms/steps";
import { requireOwnCase } from "./case-access.server";
import { startOrResumeDraft } from "./drafts.server";
import { saveForWhom, saveOfficeChoice, saveSectionAnswers, saveValidAnswers } from "./form-steps.server";

const definition: FormDefinition = acteNaissance.definition;
const section = (id: string): FormSection => definition.sections.find((s) => s.id === id)!;

describe("form steps on the database", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  async function draftCase() {
    const { db } = handle;
    const { agency } = await createSiteWithOffice(db, { regionCode: "maritime" });
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id });
    await db.update(procedureVersions).set({ definition }).where(eq(procedureVersions.id, version.id));
    const { user } = await createCitizen(db);
    const draft = await startOrResumeDraft(db, { userId: user.id, procedureId: procedure.id });
    return { procedure, version, user, draft: draft! };
  }

  it("saving a section merges its answers into the draft and drops the answers it hides", async () => {
    const { db } = handle;
    const { user, draft } = await draftCase();
    const before = (await requireOwnCase(db, user.id, draft.reference)).updatedAt;

    const acte = validateSection(
      section("acte"),
      { type_acte: "extrait", beneficiaire: "tiers", nom_titulaire: "Koffi Mensah", date_naissance_titulaire: "2015-03-02", centre_etat_civil: "Golfe 1", annee_acte: "2015", nombre_copies: "1" },
      {},
    );
    if (!acte.ok) throw new Error("acte should be valid");
    await saveSectionAnswers(db, { caseId: draft.id, definition, section: section("acte"), values: acte.values, confirm: true });
    const demandeur = validateSection(section("demandeur"), { nom: "Mensah", prenoms: "Ama", date_naissance: "1990-05-17", lieu_naissance: "Lomé", lien: "parent" }, acte.values);
    if (!demandeur.ok) throw new Error("demandeur should be valid");
    await saveSectionAnswers(db, { caseId: draft.id, definition, section: section("demandeur"), values: demandeur.values, confirm: true });

    let kase = await requireOwnCase(db, user.id, draft.reference);
    expect(kase.data).toMatchObject({ beneficiaire: "tiers", nom_titulaire: "Koffi Mensah", lien: "parent", nom: "Mensah", _etapes: ["acte", "demandeur"] });
    expect(kase.updatedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());

    // "Moi-même": the person's name and date, and the relationship of the next section, go.
    const again = validateSection(section("acte"), { type_acte: "extrait", beneficiaire: "moi", nom_titulaire: "Koffi Mensah", centre_etat_civil: "Golfe 1", annee_acte: "1990", nombre_copies: "2" }, kase.data);
    if (!again.ok) throw new Error("acte should be valid");
    await saveSectionAnswers(db, { caseId: draft.id, definition, section: section("acte"), values: again.values, confirm: true });
    kase = await requireOwnCase(db, user.id, draft.reference);
    expect(kase.data).toEqual({
      type_acte: "extrait",
      beneficiaire: "moi",
      centre_etat_civil: "Golfe 1",
      annee_acte: 1990,
      nombre_copies: 2,
      nom: "Mensah",
      prenoms: "Ama",
      date_naissance: "1990-05-17",
      lieu_naissance: "Lomé",
      _etapes: ["acte", "demandeur"],
    });

    // "Save for later" keeps valid answers only, and leaves the others of the section alone.
    await saveValidAnswers(db, { caseId: draft.id, definition, values: { nom: "Mensah-Akakpo" } });
    kase = await requireOwnCase(db, user.id, draft.reference);
    expect(kase.data).toMatchObject({ nom: "Mensah-Akakpo", prenoms: "Ama" });
  });

  it("pour qui and bureau are stored in their columns; the resume point follows", async () => {
    const { db } = handle;
    const { user, draft } = await draftCase();
    await saveForWhom(db, { caseId: draft.id, forWhom: "other", onBehalfOf: { fullName: "Koffi Mensah", relationship: "enfant" }, confirm: true });
    let kase = await requireOwnCase(db, user.id, draft.reference);
    expect(kase.onBehalfOf).toEqual({ fullName: "Koffi Mensah", relationship: "enfant" });
    expect(kase.data).toEqual({ _pourQui: "other", _etapes: ["pour-qui"] });
    const progress = { data: kase.data, uploadedFields: new Set<string>(), onBehalfOf: kase.onBehalfOf, regionCode: kase.regionCode };
    expect(firstIncompleteStep(definition, progress).id).toBe("acte");

    await saveForWhom(db, { caseId: draft.id, forWhom: "self", onBehalfOf: null, confirm: true });
    const [office] = await db.select({ id: cases.preferredOfficeId }).from(cases).where(eq(cases.id, draft.id));
    expect(office?.id).toBeNull();
    await saveOfficeChoice(db, { caseId: draft.id, regionCode: "kara", preferredOfficeId: null, confirm: true });
    kase = await requireOwnCase(db, user.id, draft.reference);
    expect(kase.onBehalfOf).toBeNull();
    expect(kase.regionCode).toBe("kara");
    expect(kase.data).toEqual({ _pourQui: "self", _etapes: ["pour-qui", "bureau"] });
  });

  it("a case keeps the form version it was started on", async () => {
    const { db } = handle;
    const { procedure, version, user, draft } = await draftCase();
    const version2: FormDefinition = { sections: [{ id: "nouveau", title: { fr: "Nouveau", en: "New" }, fields: [] }] };
    const [v2] = await db.insert(procedureVersions).values({ procedureId: procedure.id, version: 2, definition: version2, publishedAt: new Date() }).returning();

    const kase = await requireOwnCase(db, user.id, draft.reference);
    expect(kase.formVersion).toMatchObject({ id: version.id, version: 1 });
    expect((kase.formVersion.definition as FormDefinition).sections.map((s) => s.id)).toEqual(["acte", "demandeur", "pieces", "contact", "declaration"]);

    const { user: newcomer } = await createCitizen(db);
    const fresh = await startOrResumeDraft(db, { userId: newcomer.id, procedureId: procedure.id });
    const freshCase = await requireOwnCase(db, newcomer.id, fresh!.reference);
    expect(freshCase.formVersion.id).toBe(v2!.id);
  });

  it("a case no longer a draft is not changed", async () => {
    const { db } = handle;
    const { user, draft } = await draftCase();
    await db.update(cases).set({ status: "submitted" }).where(eq(cases.id, draft.id));
    expect(await saveSectionAnswers(db, { caseId: draft.id, definition, section: section("acte"), values: { type_acte: "extrait" }, confirm: true })).toBeNull();
    expect(await saveForWhom(db, { caseId: draft.id, forWhom: "self", onBehalfOf: null, confirm: true })).toBeNull();
    expect((await requireOwnCase(db, user.id, draft.reference)).data).toEqual({});
  });
});
