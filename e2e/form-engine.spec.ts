import type { Page } from "@playwright/test";
import { newCitizen } from "./accounts";
import { clickAndWait, expect, test } from "./fixtures";

/**
 * The form engine on one procedure (legalisation: checkboxes controlling a field of the same page,
 * a PDF-only document): error summary and inline errors, nothing typed is lost, a refused upload,
 * conditional fields without JavaScript, save and resume. (The full journeys with submission are
 * in the journey specs; axe on these pages: a11y-form-engine.spec.ts.)
 */

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Buffer.from("MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode");

async function startLegalisation(page: Page): Promise<string> {
  await newCitizen(page, "Yawa Dzidzienyo");
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto("/demarches/legalisation-documents/commencer");
  await clickAndWait(page, "Commencer ma demande");
  await expect(page).toHaveURL(/\/formulaire\/pour-qui$/);
  return /dossiers\/(TG-[0-9A-Z-]+)\//.exec(page.url())![1]!;
}

test.describe("form engine", () => {
  test("errors are summarised and shown inline, typed answers and good files are kept, a disguised file is refused", async ({ page, javaScriptEnabled }) => {
    const reference = await startLegalisation(page);
    await expect(page.getByText("Étape 1 sur 8")).toBeVisible();

    // Pour qui: nothing chosen.
    await clickAndWait(page, "Continuer");
    const summary = page.getByRole("alert");
    await expect(summary.getByRole("link", { name: "Indiquez pour qui vous faites cette demande." })).toBeVisible();
    await page.getByLabel("Pour moi-même").check();
    await clickAndWait(page, "Continuer");
    await expect(page).toHaveURL(new RegExp(`/dossiers/${reference}/formulaire/documents$`));
    await expect(page.getByRole("heading", { level: 1, name: "Les documents" })).toBeVisible();

    // The field that depends on "Autre document": without JavaScript it is on the page with its
    // condition; with JavaScript it appears when the box is ticked.
    const other = page.getByLabel("Décrivez les autres documents");
    if (javaScriptEnabled) await expect(other).toBeHidden();
    else {
      await expect(other).toBeVisible();
      await expect(page.getByText("Seulement si vous avez répondu « Autre document »")).toBeVisible();
    }
    await page.getByLabel("Diplôme ou relevé de notes").check();
    await page.getByLabel("Autre document").check();
    await expect(other).toBeVisible();
    await page.getByLabel("Nombre de documents").fill("deux");
    await page.getByLabel("Pays de destination").fill("Allemagne");
    await clickAndWait(page, "Continuer");

    // The same messages from the browser (JavaScript) or the server.
    await expect(summary.getByRole("link", { name: "Renseignez « Décrivez les autres documents »." })).toBeVisible();
    await expect(summary.getByRole("link", { name: "« Nombre de documents » doit être un nombre, par exemple 12." })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Ajoutez le document « Documents numérisés (un seul PDF) »." })).toBeVisible();
    await expect(page.locator(".error-message").filter({ hasText: "Renseignez « Décrivez les autres documents »." })).toBeVisible();
    await expect(page.getByLabel("Pays de destination")).toHaveValue("Allemagne");
    await expect(page.getByLabel("Nombre de documents")).toHaveValue("deux");
    await expect(page.getByLabel("Diplôme ou relevé de notes")).toBeChecked();
    await expect(page.getByLabel("Autre document")).toBeChecked();

    // An executable renamed .pdf: refused by its content, the answers stay.
    await other.fill("Un relevé bancaire");
    await page.getByLabel("Nombre de documents").fill("2");
    await page.getByLabel("Documents numérisés (un seul PDF)").setInputFiles({ name: "diplome.pdf", mimeType: "application/pdf", buffer: EXE });
    await clickAndWait(page, "Continuer");
    await expect(summary.getByRole("link", { name: /Le fichier « diplome\.pdf » n'est pas un PDF\./ })).toBeVisible();
    await expect(page.getByLabel("Décrivez les autres documents")).toHaveValue("Un relevé bancaire");
    await expect(page.getByLabel("Nombre de documents")).toHaveValue("2");

    // Over the field's 10 MB limit: refused with the limit named (by the page's script with
    // JavaScript, by the server without), and the answers stay.
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    await page.getByLabel("Documents numérisés (un seul PDF)").setInputFiles({ name: "scan-complet.pdf", mimeType: "application/pdf", buffer: big });
    await clickAndWait(page, "Continuer");
    await expect(summary.getByRole("link", { name: "Le fichier « scan-complet.pdf » dépasse 10 Mo, la taille maximale pour ce document." })).toBeVisible();
    await expect(page.getByLabel("Décrivez les autres documents")).toHaveValue("Un relevé bancaire");
    await expect(page.getByLabel("Nombre de documents")).toHaveValue("2");

    await page.getByLabel("Documents numérisés (un seul PDF)").setInputFiles({ name: "documents.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByLabel("Nombre de documents").fill("");
    await clickAndWait(page, "Continuer");
    await expect(summary.getByRole("link", { name: "Renseignez « Nombre de documents »." })).toBeVisible();
    // Without JavaScript the server has the good file already (kept despite the other error).
    if (!javaScriptEnabled) await expect(page.getByText(/Fichier envoyé : documents\.pdf/)).toBeVisible();
    await page.getByLabel("Nombre de documents").fill("2");
    if (!javaScriptEnabled) await expect(page.getByLabel("Documents numérisés (un seul PDF)")).toHaveValue("");
    await clickAndWait(page, "Continuer");
    await expect(page).toHaveURL(new RegExp(`/formulaire/demandeur$`));
    await expect(page.getByText("Étape 3 sur 8")).toBeVisible();

    // Back: answers and file shown again; remove the file, and it is asked for again.
    await page.getByRole("link", { name: "Retour" }).click();
    await expect(page.getByLabel("Pays de destination")).toHaveValue("Allemagne");
    await expect(page.getByText(/Fichier envoyé : documents\.pdf/)).toBeVisible();
    await clickAndWait(page, /Supprimer le fichier documents\.pdf/);
    await expect(page.getByText("Le fichier « documents.pdf » a été supprimé.")).toBeVisible();
    await expect(page.getByText(/Fichier envoyé : documents\.pdf/)).toHaveCount(0);
    await expect(page.getByLabel("Décrivez les autres documents")).toHaveValue("Un relevé bancaire");
    await clickAndWait(page, "Continuer");
    await expect(summary.getByRole("link", { name: "Ajoutez le document « Documents numérisés (un seul PDF) »." })).toBeVisible();
  });

  test("save and resume later: valid answers are kept, the form resumes where it stopped", async ({ page }) => {
    const reference = await startLegalisation(page);
    await page.getByLabel("Pour moi-même").check();
    await clickAndWait(page, "Continuer");

    // Unticking "Autre document" makes its description go.
    await page.getByLabel("Acte d'état civil").check();
    await page.getByLabel("Pays de destination").fill("Ghana");
    await page.getByLabel("Nombre de documents").fill("1 000 000");
    await clickAndWait(page, "Enregistrer et reprendre plus tard");
    await expect(page).toHaveURL(new RegExp(`/mon-espace\\?enregistre=${reference}$`));
    await expect(page.getByRole("status")).toContainText(`Votre demande ${reference} est enregistrée`);
    await expect(page.getByRole("region", { name: "Brouillons" })).toContainText(reference);

    await page.goto(`/mon-espace/dossiers/${reference}/formulaire`);
    await expect(page).toHaveURL(new RegExp(`/formulaire/documents$`));
    await expect(page.getByLabel("Acte d'état civil")).toBeChecked();
    await expect(page.getByLabel("Pays de destination")).toHaveValue("Ghana");
    // Out of range: not saved, no error shown.
    await expect(page.getByLabel("Nombre de documents")).toHaveValue("");
    await expect(page.getByRole("alert")).toHaveCount(0);
  });

  test("another citizen's form answers 404", async ({ page, browser }) => {
    const reference = await startLegalisation(page);
    const other = await browser.newPage();
    await newCitizen(other, "Komi Agbeko");
    await expect(other).toHaveURL(/\/mon-espace$/);
    for (const step of ["", "/pour-qui", "/documents", "/bureau", "/verification"]) {
      const response = await other.goto(`/mon-espace/dossiers/${reference}/formulaire${step}`);
      expect(response?.status()).toBe(404);
    }
    await other.close();
  });
});

test.describe("typed text kept byte for byte", () => {
  // Long accented values met React 18.3.1's 2048-byte buffer boundaries: « Am�éyo » on reopening.
  const NOM = "K" + "X".repeat(39);
  const PERE = "Éloïse Améyo ".repeat(5).trim();
  // Dense accents, up to each field's length: a boundary falls inside one of them on any layout.
  const MERE = "Ésé Kékéli Ézéchiël Dédé ".repeat(7).slice(0, 160).trim();
  const PRENOMS = "Améyo Délali Ézéchiël Sénam ".repeat(5).slice(0, 120).trim();
  const LIEU = "Atakpamé, Kévé, Tsévié, Notsé ".repeat(4).slice(0, 120).trim();

  test("save and resume later, then continue: long accented names come back exactly as typed", async ({ page }) => {
    await newCitizen(page, "Éloïse Améyo");
    await expect(page).toHaveURL(/\/mon-espace$/);
    await page.goto("/demarches/extrait-casier-judiciaire/commencer");
    await clickAndWait(page, "Commencer ma demande");
    const reference = /dossiers\/(TG-[0-9A-Z-]+)\//.exec(page.url())![1]!;
    await page.getByLabel("Pour moi-même").check();
    await clickAndWait(page, "Continuer");
    await expect(page).toHaveURL(/\/formulaire\/demandeur$/);

    await page.getByLabel("Nom", { exact: true }).fill(NOM);
    await page.getByLabel("Prénoms", { exact: true }).fill(PRENOMS);
    await page.getByLabel("Lieu de naissance").fill(LIEU);
    await page.getByLabel("Nom et prénoms du père").fill(PERE);
    await page.getByLabel("Nom et prénoms de la mère").fill(MERE);
    await clickAndWait(page, "Enregistrer et reprendre plus tard");
    await expect(page).toHaveURL(new RegExp(`/mon-espace\\?enregistre=${reference}$`));

    const expectExactValues = async () => {
      await expect(page.getByLabel("Nom", { exact: true })).toHaveValue(NOM);
      await expect(page.getByLabel("Prénoms", { exact: true })).toHaveValue(PRENOMS);
      await expect(page.getByLabel("Lieu de naissance")).toHaveValue(LIEU);
      await expect(page.getByLabel("Nom et prénoms du père")).toHaveValue(PERE);
      await expect(page.getByLabel("Nom et prénoms de la mère")).toHaveValue(MERE);
    };
    await page.goto(`/mon-espace/dossiers/${reference}/formulaire`);
    await expect(page).toHaveURL(/\/formulaire\/demandeur$/);
    await expectExactValues();

    // "Continuer" posts what the page shows (the date is missing: the page comes back with it).
    await clickAndWait(page, "Continuer");
    await expectExactValues();
    await page.goto(`/mon-espace/dossiers/${reference}/formulaire/demandeur`);
    await expectExactValues();
  });
});

test("a birth date of 1850 is refused at the field, in French, and what was typed stays", async ({ page }) => {
  await newCitizen(page, "Kossi Adzo");
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto("/demarches/extrait-casier-judiciaire/commencer");
  await clickAndWait(page, "Commencer ma demande");
  await page.getByLabel("Pour moi-même").check();
  await clickAndWait(page, "Continuer");
  await page.getByLabel("Nom", { exact: true }).fill("Adzo");
  await page.getByLabel("Date de naissance").fill("1850-01-01");
  await clickAndWait(page, "Continuer");
  const message = "« Date de naissance » doit être le 1 janvier 1900 ou une date plus récente.";
  await expect(page.getByRole("alert").getByRole("link", { name: message })).toBeVisible();
  await expect(page.locator(".error-message").filter({ hasText: message })).toBeVisible();
  await expect(page.getByLabel("Date de naissance")).toHaveValue("1850-01-01");
  await expect(page.getByLabel("Nom", { exact: true })).toHaveValue("Adzo");
});

test("save and resume later with a refused file: the page says so, the other answers are saved", async ({ page }) => {
  const reference = await startLegalisation(page);
  await page.getByLabel("Pour moi-même").check();
  await clickAndWait(page, "Continuer");
  await page.getByLabel("Acte d'état civil").check();
  await page.getByLabel("Pays de destination").fill("Ghana");
  await page.getByLabel("Documents numérisés (un seul PDF)").setInputFiles({ name: "diplome.pdf", mimeType: "application/pdf", buffer: EXE });
  await clickAndWait(page, "Enregistrer et reprendre plus tard");
  await expect(page).toHaveURL(new RegExp(`/dossiers/${reference}/formulaire/documents$`));
  await expect(page.getByRole("alert").getByRole("link", { name: /Le fichier « diplome\.pdf » n'est pas un PDF\./ })).toBeVisible();
  await expect(page.getByText("Vos autres réponses sont enregistrées. Ce fichier ne l'est pas")).toBeVisible();
  await expect(page.getByLabel("Pays de destination")).toHaveValue("Ghana");

  await page.goto(`/mon-espace/dossiers/${reference}/formulaire/documents`);
  await expect(page.getByLabel("Pays de destination")).toHaveValue("Ghana");
  await expect(page.getByLabel("Acte d'état civil")).toBeChecked();
  await expect(page.getByText(/Fichier envoyé/)).toHaveCount(0);
});
