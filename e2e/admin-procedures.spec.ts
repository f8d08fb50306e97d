import { demoAccount, signInAs } from "./accounts";
import { createProcedure, uniqueSuffix } from "./admin";
import { clickAndWait, expect, test } from "./fixtures";

const AGENCY = "Tribunaux de première instance — greffes";

test.describe("procedures in the administration", () => {
  test("an administrator creates a procedure, edits it, lists its documents and finds it in the list", async ({ page }) => {
    test.setTimeout(240_000);
    const suffix = uniqueSuffix();
    const titleFr = `Attestation de test ${suffix}`;
    await signInAs(page, demoAccount("admin").identifier);
    await expect(page).toHaveURL(/\/admin/);

    const path = await createProcedure(page, { titleFr, titleEn: `Test certificate ${suffix}`, agency: AGENCY });
    await expect(page.getByRole("status")).toContainText("La démarche est créée, en brouillon");
    await expect(page.getByText("État : Brouillon")).toBeVisible();
    await expect(page.getByText(`/demarches/attestation-de-test-${suffix}`)).toBeVisible();
    await expect(page.getByRole("link", { name: "Modifier le formulaire" })).toHaveAttribute("href", `${path}/formulaire`);
    await expect(page.getByRole("button", { name: "Fermer la démarche" })).toHaveCount(0);

    // Without a form, publishing is refused with the problem, linked to the form editor.
    await clickAndWait(page, "Publier la démarche");
    const problems = page.getByRole("alert");
    await expect(problems).toContainText("La démarche ne peut pas être publiée");
    await expect(problems.getByRole("link", { name: /n'a pas encore de formulaire/ })).toHaveAttribute("href", `${path}/formulaire`);

    // Metadata: an invalid fee keeps everything typed.
    await page.getByRole("link", { name: "Modifier les informations" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Modifier les informations" })).toBeVisible();
    await page.getByLabel("Titre en français").fill(`${titleFr} modifiée`);
    await page.getByLabel("Frais (FCFA)").fill("abc");
    await page.getByLabel("Mots-clés").fill(`motcle${suffix}`);
    await clickAndWait(page, "Enregistrer les informations");
    await expect(page.getByRole("alert")).toContainText("Les frais doivent être un nombre entier de FCFA");
    await expect(page.getByLabel("Frais (FCFA)")).toHaveValue("abc");
    await expect(page.getByLabel("Titre en français")).toHaveValue(`${titleFr} modifiée`);
    await expect(page.getByLabel("Mots-clés")).toHaveValue(`motcle${suffix}`);
    await page.getByLabel("Frais (FCFA)").fill("2500");
    await page.getByRole("radio", { name: "Document électronique" }).check();
    await clickAndWait(page, "Enregistrer les informations");
    await expect(page.getByRole("heading", { level: 1, name: `${titleFr} modifiée` })).toBeVisible();
    await expect(page.getByRole("status")).toContainText("Les informations de la démarche sont enregistrées.");
    await expect(page.getByText("Document électronique")).toBeVisible();

    // Required documents: add two, edit one, move, remove.
    await page.getByRole("link", { name: "Pièces demandées" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pièces demandées" })).toBeVisible();
    await page.getByLabel("Code de la pièce").fill("Pièce !");
    await page.getByLabel("Nom en français").fill("Pièce d'identité");
    await clickAndWait(page, "Ajouter la pièce");
    await expect(page.getByRole("alert")).toContainText("Le code doit commencer par une lettre minuscule");
    await expect(page.getByLabel("Nom en français")).toHaveValue("Pièce d'identité");
    await page.getByLabel("Code de la pièce").fill("piece_identite");
    await page.getByLabel("Nom en anglais").fill("Identity document");
    await clickAndWait(page, "Ajouter la pièce");
    await expect(page.getByRole("status")).toContainText("La liste des pièces demandées est enregistrée.");
    await page.getByLabel("Code de la pièce").fill("justificatif_domicile");
    await page.getByLabel("Nom en français").fill("Justificatif de domicile");
    await page.getByLabel("Nom en anglais").fill("Proof of address");
    await clickAndWait(page, "Ajouter la pièce");
    const rows = page.getByRole("table").getByRole("row");
    await expect(rows.nth(1)).toContainText("Pièce d'identité");
    await expect(rows.nth(2)).toContainText("Justificatif de domicile");

    await page.getByRole("link", { name: "Modifier « Pièce d'identité »" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Modifier la pièce « Pièce d'identité »" })).toBeVisible();
    await page.getByLabel("Nom en français").fill("Carte d'identité");
    await page.getByLabel("Aide en français").fill("Recto et verso.");
    await clickAndWait(page, "Enregistrer la pièce");
    // The help is wanted in both languages.
    await expect(page.getByRole("alert")).toContainText("Donnez l'aide dans les deux langues");
    await expect(page.getByLabel("Nom en français")).toHaveValue("Carte d'identité");
    await page.getByLabel("Aide en anglais").fill("Both sides.");
    await clickAndWait(page, "Enregistrer la pièce");
    await expect(page.getByRole("status")).toContainText("La liste des pièces demandées est enregistrée.");
    await expect(rows.nth(1)).toContainText("Recto et verso.");
    await clickAndWait(page, "Descendre « Carte d'identité »");
    await expect(rows.nth(1)).toContainText("Justificatif de domicile");
    await expect(rows.nth(2)).toContainText("Carte d'identité");
    await clickAndWait(page, "Monter « Carte d'identité »");
    await expect(rows.nth(1)).toContainText("Carte d'identité");
    await clickAndWait(page, "Retirer « Justificatif de domicile »");
    await expect(page.getByRole("table")).not.toContainText("Justificatif de domicile");

    // The list finds it by title, status and agency.
    await page.goto("/admin/demarches");
    await page.getByLabel("Titre de la démarche").fill(suffix);
    await page.getByRole("combobox", { name: "État" }).selectOption({ label: "Brouillon" });
    await page.getByRole("combobox", { name: "Administration", exact: true }).selectOption({ label: AGENCY });
    await clickAndWait(page, "Afficher les démarches");
    await expect(page.getByRole("table")).toContainText("1 démarche");
    await page.getByRole("link", { name: `${titleFr} modifiée` }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await page.goto(`/admin/demarches?q=${suffix}&statut=published`);
    await expect(page.getByText("Aucune démarche ne correspond à ces filtres.")).toBeVisible();
  });
});
