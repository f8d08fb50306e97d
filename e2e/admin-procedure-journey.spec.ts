import type { Page } from "@playwright/test";
import type { FormDefinition } from "../app/domain/forms/definition";
import { newCitizen } from "./accounts";
import { createProcedure, uniqueSuffix } from "./admin";
import { fillForm } from "./case-filing";
import { clickAndWait } from "./fixtures";
import { expect, STAFF, test } from "./staff";

/**
 * Issue 6's journey: an administrator puts a new procedure online without a developer — creates
 * it, builds its form with several field types and a condition, publishes it — a citizen finds it
 * and files it, and an edit published as version 2 leaves the case started on version 1 on
 * version 1 (its form, and the labels the office reads), while a new request gets version 2.
 */

const EDITOR = {
  sectionFr: "Titre de la section en français",
  sectionEn: "Titre de la section en anglais",
  sectionId: "Identifiant technique",
  type: "Type de champ",
  labelFr: "Libellé en français",
  labelEn: "Libellé en anglais",
  name: "Nom technique",
};

async function addSection(page: Page, id: string, fr: string, en: string) {
  await page.getByLabel(EDITOR.sectionFr).fill(fr);
  await page.getByLabel(EDITOR.sectionEn).fill(en);
  await page.getByLabel(EDITOR.sectionId).fill(id);
  await clickAndWait(page, "Ajouter la section");
  await expect(page.getByText("La section est ajoutée.")).toBeVisible();
}

/** Adds a field at the end of the (only) section and lands on its settings page. */
async function addField(page: Page, editorPath: string, field: { type: string; name: string; fr: string; en: string }) {
  await page.goto(editorPath);
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Ajouter le champ" }) });
  await form.getByLabel(EDITOR.type).selectOption({ label: field.type });
  await form.getByLabel(EDITOR.labelFr).fill(field.fr);
  await form.getByLabel(EDITOR.labelEn).fill(field.en);
  await form.getByLabel(EDITOR.name).fill(field.name);
  await clickAndWait(page, "Ajouter le champ");
  await expect(page.getByText("Le champ est ajouté.", { exact: false })).toBeVisible();
  if (!page.url().includes("/champs/")) await page.goto(`${editorPath}/champs/${field.name}`);
}

async function saveField(page: Page) {
  await clickAndWait(page, /^Enregistrer$/);
  await expect(page.getByText("Le champ est enregistré.")).toBeVisible();
}

async function publish(page: Page, procedurePath: string, version: number) {
  await page.goto(procedurePath);
  await clickAndWait(page, "Publier la démarche");
  await expect(page.getByText(`La démarche est publiée : version ${version} en ligne.`)).toBeVisible();
}

/** The form as built below, for filling it the way a citizen does. */
function definitionV1(): FormDefinition {
  const l = (fr: string, en: string) => ({ fr, en });
  return {
    sections: [
      {
        id: "demandeur",
        title: l("Le demandeur", "The applicant"),
        fields: [
          { type: "text", name: "nom_famille", label: l("Nom de famille", "Surname"), required: true, maxLength: 60 },
          { type: "date", name: "date_naissance", label: l("Date de naissance", "Date of birth"), required: true, range: "past" },
          {
            type: "radio",
            name: "situation",
            label: l("Situation de famille", "Marital status"),
            required: true,
            options: [
              { value: "celibataire", label: l("Célibataire", "Single") },
              { value: "marie", label: l("Marié ou mariée", "Married") },
            ],
          },
          { type: "text", name: "nom_conjoint", label: l("Nom du conjoint", "Spouse's name"), required: true, showIf: { field: "situation", in: ["marie"] } },
          { type: "number", name: "enfants", label: l("Nombre d'enfants", "Number of children"), required: true, min: 0, max: 30, integer: true },
          { type: "checkbox", name: "certification", label: l("Je certifie l'exactitude de ces informations", "I certify this information is accurate"), required: true },
        ],
      },
    ],
  };
}

test("an administrator creates and publishes a procedure, a citizen files it, version 2 leaves the first case on version 1", async ({ page, signedIn }) => {
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const title = `Attestation de bonne conduite ${suffix}`;
  const keyword = `bonneconduite${suffix}`;

  // — The administrator creates the procedure and builds its form.
  const admin = await signedIn(STAFF.admin);
  const procedurePath = await createProcedure(admin, {
    titleFr: title,
    titleEn: `Certificate of good conduct ${suffix}`,
    agency: "Tribunaux de première instance — greffes",
    keywords: keyword,
  });
  const editorPath = `${procedurePath}/formulaire`;
  await admin.getByRole("link", { name: "Modifier le formulaire" }).click();
  await expect(admin).toHaveURL(new RegExp(`${editorPath}$`));
  await addSection(admin, "demandeur", "Le demandeur", "The applicant");

  await addField(admin, editorPath, { type: "Texte court", name: "nom_famille", fr: "Nom de famille", en: "Surname" });
  await admin.getByLabel("Réponse obligatoire").check();
  await admin.getByLabel("Nombre maximal de caractères").fill("60");
  await saveField(admin);

  await addField(admin, editorPath, { type: "Date", name: "date_naissance", fr: "Date de naissance", en: "Date of birth" });
  await admin.getByLabel("Réponse obligatoire").check();
  await admin.getByLabel("Aujourd'hui ou avant", { exact: false }).check();
  await saveField(admin);

  await addField(admin, editorPath, { type: "Choix unique (boutons radio)", name: "situation", fr: "Situation de famille", en: "Marital status" });
  await admin.getByLabel("Réponse obligatoire").check();
  await admin.getByLabel("Choix proposés").fill("celibataire | Célibataire | Single\nmarie | Marié ou mariée | Married");
  await saveField(admin);

  await addField(admin, editorPath, { type: "Texte court", name: "nom_conjoint", fr: "Nom du conjoint", en: "Spouse's name" });
  await admin.getByLabel("Réponse obligatoire").check();
  await admin.getByLabel("Afficher ce champ seulement si").selectOption({ value: "situation" });
  await admin.getByLabel("Valeurs qui affichent ce champ").fill("marie");
  await saveField(admin);

  await addField(admin, editorPath, { type: "Nombre", name: "enfants", fr: "Nombre d'enfants", en: "Number of children" });
  await admin.getByLabel("Réponse obligatoire").check();
  await admin.getByLabel("Valeur minimale").fill("0");
  await admin.getByLabel("Valeur maximale").fill("30");
  await admin.getByLabel("Nombre entier uniquement").check();
  await saveField(admin);

  await addField(admin, editorPath, { type: "Cases à cocher", name: "certification", fr: "Je certifie l'exactitude de ces informations", en: "I certify this information is accurate" });
  await admin.getByLabel("Réponse obligatoire").check();
  await saveField(admin);

  // The preview renders the citizen's controls.
  await admin.goto(`${procedurePath}/apercu`);
  await expect(admin.getByRole("radio", { name: "Marié ou mariée" })).toBeVisible();
  await expect(admin.getByLabel("Nombre d'enfants")).toBeVisible();

  await publish(admin, procedurePath, 1);

  // — A citizen finds it by its keyword and files it on version 1.
  await newCitizen(page, "Kossi Agbéko");
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto("/");
  await page.getByLabel("Rechercher une démarche").fill(keyword);
  await clickAndWait(page, "Rechercher");
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await page.getByRole("link", { name: "Commencer" }).click();
  await clickAndWait(page, "Commencer ma demande");
  const reference = /dossiers\/(TG-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\//.exec(page.url())![1]!;

  // — Meanwhile the administrator renames a field and adds one: version 2.
  await admin.goto(`${editorPath}/champs/nom_famille`);
  await admin.getByLabel(EDITOR.labelFr).first().fill("Nom de famille (comme sur l'acte de naissance)");
  await saveField(admin);
  await addField(admin, editorPath, { type: "Texte court", name: "profession", fr: "Profession", en: "Occupation" });
  await admin.getByLabel("Réponse obligatoire").check();
  await saveField(admin);
  await publish(admin, procedurePath, 2);
  const versions = admin.getByRole("table", { name: /Versions du formulaire/ });
  await expect(versions.getByRole("row").filter({ hasText: "Version 1" })).toContainText("1");
  await expect(versions.getByRole("row").filter({ hasText: "Version 2" })).toBeVisible();

  // — The citizen's request started on version 1 goes on with version 1's form.
  const v1 = definitionV1();
  await fillForm(page, { slug: "", answers: { situation: "marie", nom_conjoint: "Afi Agbéko", enfants: "2" }, forWhom: "self", region: "Maritime" }, v1);
  await expect(page.getByText("Profession")).toHaveCount(0);
  await expect(page.getByText("Nom de famille", { exact: true }).first()).toBeVisible();
  await clickAndWait(page, "Envoyer ma demande");
  await expect(page).toHaveURL(new RegExp(`/dossiers/${reference}/confirmation$`));

  // The office reads it with version 1's labels.
  const agent = await signedIn(STAFF.agent);
  await agent.goto(`/agent/dossiers/${reference}`);
  await expect(agent.getByText("Nom de famille", { exact: true }).first()).toBeVisible();
  await expect(agent.getByText("Afi Agbéko").first()).toBeVisible();
  await expect(agent.getByText("Profession")).toHaveCount(0);

  // — A new request is made on version 2.
  await page.goto("/demarches?q=" + keyword);
  await page.getByRole("link", { name: title }).click();
  await page.getByRole("link", { name: "Commencer" }).click();
  await clickAndWait(page, "Commencer ma demande");
  await page.getByLabel("Pour moi-même").check();
  await clickAndWait(page, "Continuer");
  await expect(page.getByLabel("Nom de famille (comme sur l'acte de naissance)")).toBeVisible();
  await expect(page.getByLabel("Profession")).toBeVisible();
});
