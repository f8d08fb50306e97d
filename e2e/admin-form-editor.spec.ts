import type { Page } from "@playwright/test";
import { demoAccount, signInAs } from "./accounts";
import { createProcedure, uniqueSuffix } from "./admin";
import { expect, test } from "./fixtures";

// The form editor of a procedure: sections, fields of several types, a condition, a move, a
// removal refused because of a condition, the citizen preview, and the field's live preview.

const AGENCY = "Tribunaux de première instance — greffes";

async function submit(page: Page, name: string) {
  // Enter rather than a tap: on the 360 px project the page may still move under the pointer.
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name, exact: true }).press("Enter")]);
}

async function addSection(page: Page, fr: string, en: string) {
  await page.getByLabel("Titre de la section en français").fill(fr);
  await page.getByLabel("Titre de la section en anglais").fill(en);
  await submit(page, "Ajouter la section");
  await expect(page.getByText("La section est ajoutée.")).toBeVisible();
}

/** Add a field at the end of a section and land on its editor. */
async function addField(page: Page, formPath: string, section: string, type: string, fr: string, en: string) {
  await page.goto(formPath);
  const region = page.getByRole("region", { name: section });
  await region.getByLabel("Type de champ").selectOption({ label: type });
  await region.getByLabel("Libellé en français").fill(fr);
  await region.getByLabel("Libellé en anglais").fill(en);
  await Promise.all([page.waitForLoadState("load"), region.getByRole("button", { name: "Ajouter le champ" }).press("Enter")]);
  await expect(page.getByRole("heading", { level: 1, name: `Modifier le champ « ${fr} »` })).toBeVisible();
}

async function save(page: Page) {
  await submit(page, "Enregistrer");
  await expect(page.getByText("Le champ est enregistré.")).toBeVisible();
}

test.describe("form editor", () => {
  test("builds a form with sections, typed fields and a condition; the preview shows the citizen's controls", async ({ page, javaScriptEnabled }) => {
    test.setTimeout(300_000);
    const suffix = uniqueSuffix();
    await signInAs(page, demoAccount("admin").identifier);
    const path = await createProcedure(page, { titleFr: `Attestation formulaire ${suffix}`, titleEn: `Form certificate ${suffix}`, agency: AGENCY });
    const formPath = `${path}/formulaire`;
    await page.goto(formPath);
    await expect(page.getByRole("heading", { level: 1, name: "Formulaire de la démarche" })).toBeVisible();
    await expect(page.getByText("Le formulaire n'a aucune section : ajoutez-en au moins une.")).toBeVisible();

    // An empty title is refused, what was typed is kept.
    await page.getByLabel("Titre de la section en anglais").fill("Applicant");
    await submit(page, "Ajouter la section");
    await expect(page.getByRole("alert")).toContainText("Saisissez le titre en français.");
    await expect(page.getByLabel("Titre de la section en anglais")).toHaveValue("Applicant");
    await addSection(page, "Identité du demandeur", "Applicant");
    await addSection(page, "Pièces et déclaration", "Documents and declaration");
    const first = "Section 1 : Identité du demandeur";
    const second = "Section 2 : Pièces et déclaration";

    await addField(page, formPath, first, "Texte court", "Nom de famille", "Surname");
    await page.getByLabel("Nombre maximal de caractères").fill("40");
    await save(page);

    await addField(page, formPath, first, "Choix unique (boutons radio)", "Êtes-vous marié(e) ?", "Are you married?");
    await page.getByLabel("Choix proposés").fill("oui | Oui | Yes\nnon | Non");
    await submit(page, "Enregistrer");
    await expect(page.getByRole("alert")).toContainText("La ligne 2 des choix n'est pas au format");
    await expect(page.getByLabel("Choix proposés")).toHaveValue("oui | Oui | Yes\nnon | Non");
    await page.getByLabel("Choix proposés").fill("oui | Oui | Yes\nnon | Non | No");
    await save(page);

    await addField(page, formPath, first, "Texte court", "Nom du conjoint", "Spouse's name");
    await page.getByLabel("Afficher ce champ seulement si").selectOption({ label: "Êtes-vous marié(e) ? (etes_vous_marie_e)" });
    await page.getByLabel("Valeurs qui affichent ce champ").fill("oui");
    await save(page);

    await addField(page, formPath, second, "Date", "Date de naissance", "Date of birth");
    await page.getByRole("radio", { name: /Aujourd'hui ou avant/ }).check();
    await save(page);
    await addField(page, formPath, second, "Nombre", "Nombre d'enfants", "Number of children");
    await page.getByLabel("Valeur minimale").fill("0");
    await page.getByLabel("Valeur maximale").fill("12,5");
    await save(page);
    await expect(page.getByLabel("Valeur maximale")).toHaveValue("12,5");
    await addField(page, formPath, second, "Cases à cocher", "Je certifie l'exactitude des informations", "I certify the information is accurate");
    await save(page);
    await addField(page, formPath, second, "Fichier (pièce justificative)", "Copie de la pièce d'identité", "Copy of the identity document");
    await page.getByLabel("Taille maximale (Mo)").fill("25");
    await submit(page, "Enregistrer");
    await expect(page.getByRole("alert")).toContainText("entre 1 et 20 Mo");
    await page.getByLabel("Taille maximale (Mo)").fill("5");
    await save(page);

    // The overview: the condition in words, a move, a removal refused because of the condition.
    await page.goto(formPath);
    const identity = page.getByRole("region", { name: first });
    await expect(identity.getByText("Seulement si « Êtes-vous marié(e) ? » vaut « Oui »")).toBeVisible();
    await Promise.all([page.waitForLoadState("load"), identity.getByRole("button", { name: "Descendre le champ « Nom de famille »" }).press("Enter")]);
    await expect(page.getByText("Le champ est déplacé.")).toBeVisible();
    await expect(page.getByRole("region", { name: first }).getByRole("rowheader").first()).toContainText("Êtes-vous marié(e) ?");
    await page.getByRole("region", { name: first }).getByRole("link", { name: "Supprimer le champ « Êtes-vous marié(e) ? »" }).press("Enter");
    await expect(page.getByText("La suppression ne peut pas être annulée")).toBeVisible();
    await submit(page, "Oui, supprimer");
    await expect(page.getByRole("alert")).toContainText("ne peut pas être supprimé : l'affichage de nom_du_conjoint en dépend");
    await expect(page.getByText("Le formulaire peut être publié : aucun problème relevé.")).toBeVisible();

    // The preview: the citizen's controls, in French and in English.
    await page.goto(`${path}/apercu`);
    await expect(page.getByRole("heading", { level: 1, name: "Aperçu du formulaire" })).toBeVisible();
    await expect(page.getByLabel("Nom de famille")).toBeVisible();
    const married = page.getByRole("group", { name: "Êtes-vous marié(e) ?" });
    await expect(married.getByRole("radio", { name: "Oui" })).toBeVisible();
    await expect(married.getByRole("radio", { name: "Non" })).toBeVisible();
    await expect(page.getByText("Seulement si vous avez répondu « Oui » à la question « Êtes-vous marié(e) ? ».")).toBeVisible();
    await expect(page.getByLabel("Copie de la pièce d'identité")).toBeVisible();
    await expect(page.getByRole("button", { name: /Continuer|Envoyer/ })).toHaveCount(0);
    await page.goto(`${path}/apercu?langue=en&section=identite_du_demandeur`);
    await expect(page.getByRole("group", { name: "Are you married?" }).getByRole("radio", { name: "Yes" })).toBeVisible();
    await expect(page.getByLabel("Copy of the identity document")).toHaveCount(0);

    // The field's preview follows unsaved changes: live with JavaScript, on "Actualiser l'aperçu" without.
    await page.goto(`${formPath}/champs/nom_de_famille`);
    const preview = page.getByRole("region", { name: "Aperçu de la section « Identité du demandeur »" });
    await expect(preview.getByLabel("Nom de famille")).toBeVisible();
    await page.getByLabel("Libellé en français").fill("Nom de naissance");
    if (!javaScriptEnabled) await submit(page, "Actualiser l'aperçu");
    await expect(page.getByRole("region", { name: "Aperçu de la section « Identité du demandeur »" }).getByLabel("Nom de naissance")).toBeVisible();
    await expect(page.getByLabel("Libellé en français")).toHaveValue("Nom de naissance");
    await page.goto(formPath);
    await expect(page.getByRole("region", { name: first }).getByRole("rowheader", { name: /Nom de famille/ })).toBeVisible();
    await expect(page.getByText("Nom de naissance")).toHaveCount(0);
  });

  test("an unknown field or section is a clear 404", async ({ page }) => {
    const suffix = uniqueSuffix();
    await signInAs(page, demoAccount("admin").identifier);
    const path = await createProcedure(page, { titleFr: `Démarche disparue ${suffix}`, titleEn: `Gone procedure ${suffix}`, agency: AGENCY });
    const response = await page.goto(`${path}/formulaire/champs/inconnu`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Ce champ n'existe plus" })).toBeVisible();
    const section = await page.goto(`${path}/formulaire/sections/inconnue`);
    expect(section?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Cette section n'existe plus" })).toBeVisible();
  });
});
