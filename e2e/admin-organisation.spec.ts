import type { Page } from "@playwright/test";
import { demoAccount, signInAs } from "./accounts";
import { uniqueSuffix } from "./admin";
import { clickAndWait, expect, test } from "./fixtures";

// The organisation part of the administration: agencies, offices, sites and the CSV import.
// Every record is created by the test itself (unique codes); demo records are only read.

const HEADER = "code;nom;type;region;ville;adresse;latitude;longitude;phase;capacite_mbps;raccorde_le";

/** Follow a link of a list by its address (the table scrolls sideways on a phone). */
async function follow(page: Page, name: string) {
  const href = await page.getByRole("link", { name, exact: true }).getAttribute("href");
  await page.goto(href!);
}

test.beforeEach(async ({ page }) => {
  await signInAs(page, demoAccount("admin").identifier);
});

test("an administrator creates an agency under a parent, edits it, and cannot make a cycle", async ({ page }) => {
  const s = uniqueSuffix().toUpperCase();
  await page.goto("/admin/administrations");
  await page.getByLabel("Code", { exact: true }).fill(`MIN-${s}`);
  await page.getByLabel("Nom en français").fill(`Ministère E2E ${s}`);
  await page.getByLabel("Nom en anglais").fill(`E2E Ministry ${s}`);
  await page.getByLabel("Type d'administration").selectOption({ label: "Ministère" });
  await clickAndWait(page, "Créer l'administration");
  await expect(page.getByText("L'administration est créée.")).toBeVisible();

  await page.getByLabel("Code", { exact: true }).fill(`DIR-${s}`);
  await page.getByLabel("Nom en français").fill(`Direction E2E ${s}`);
  await page.getByLabel("Nom en anglais").fill(`E2E Directorate ${s}`);
  await page.getByLabel("Type d'administration").selectOption({ label: "Direction" });
  await page.getByLabel("Administration de rattachement").selectOption({ label: `Ministère E2E ${s}` });
  await clickAndWait(page, "Créer l'administration");
  await expect(page.getByRole("row", { name: new RegExp(`DIR-${s}`) })).toContainText("Direction");

  // The same code again is refused.
  await page.getByLabel("Code", { exact: true }).fill(`DIR-${s}`);
  await page.getByLabel("Nom en français").fill("Doublon");
  await page.getByLabel("Nom en anglais").fill("Duplicate");
  await page.getByLabel("Type d'administration").selectOption({ label: "Direction" });
  await clickAndWait(page, "Créer l'administration");
  await expect(page.getByRole("alert").first()).toContainText("Ce code est déjà utilisé");

  await follow(page, `DIR-${s}`);
  await expect(page.getByRole("heading", { level: 1, name: `Direction E2E ${s}` })).toBeVisible();
  await page.getByLabel("Nom en français").fill(`Direction renommée ${s}`);
  await clickAndWait(page, "Enregistrer l'administration");
  await expect(page.getByText("L'administration est enregistrée.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Direction renommée ${s}` })).toBeVisible();

  // The parent cannot be placed under its own child.
  await page.goto("/admin/administrations");
  await follow(page, `MIN-${s}`);
  await page.getByLabel("Administration de rattachement").selectOption({ label: `— Direction renommée ${s}` });
  await clickAndWait(page, "Enregistrer l'administration");
  await expect(page.getByRole("alert").first()).toContainText("ne peut pas être rattachée à elle-même");
});

test("an administrator creates a site, an office in it, then edits both", async ({ page }) => {
  const s = uniqueSuffix().toUpperCase();
  const siteCode = `E2E-${s}`;
  await page.goto("/admin/sites/nouveau");
  await page.getByLabel("Code du site").fill(siteCode.toLowerCase());
  await page.getByLabel("Nom du bâtiment").fill(`Bâtiment E2E ${s}`);
  await page.getByLabel("Type de bâtiment").selectOption({ label: "Administration" });
  await page.getByLabel("Région").selectOption({ label: "Maritime" });
  await page.getByLabel("Ville").selectOption({ label: "Lomé" });
  await page.getByLabel("Latitude").fill("6,1319");
  await page.getByLabel("Longitude").fill("3,5");
  await page.getByRole("radio", { name: "Phase 1" }).check();
  await page.getByLabel("Raccordé le").fill("01/02/2024");
  await clickAndWait(page, "Créer le site");
  await expect(page.getByRole("alert").first()).toContainText("La longitude doit être comprise");
  await page.getByLabel("Longitude").fill("1,2228");
  await clickAndWait(page, "Créer le site");
  await expect(page.getByText("Le site est créé.")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: `Bâtiment E2E ${s}` })).toBeVisible();
  await expect(page.locator("[data-status]").first()).toHaveAttribute("data-status", "up");

  await page.getByLabel("Nom du bâtiment").fill(`Bâtiment E2E modifié ${s}`);
  await page.getByLabel("Capacité de la liaison (Mbit/s)").fill("200");
  await clickAndWait(page, "Enregistrer le site");
  await expect(page.getByText("Le site est enregistré.")).toBeVisible();
  await expect(page.getByLabel("Capacité de la liaison (Mbit/s)")).toHaveValue("200");

  await page.goto("/admin/bureaux/nouveau");
  await page.getByLabel("Code du bureau").fill(`BUR-${s}`);
  await page.getByLabel("Nom du bureau").fill(`Bureau E2E ${s}`);
  await page.getByRole("combobox", { name: "Administration", exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Code du site").fill("INCONNU-000");
  await page.getByRole("checkbox", { name: "Maritime" }).check();
  await page.getByRole("checkbox", { name: "Plateaux" }).check();
  await page.getByLabel("Adresse e-mail").fill("bureau@example.tg");
  await clickAndWait(page, "Créer le bureau");
  await expect(page.getByRole("alert").first()).toContainText("Aucun site ne porte ce code");
  await page.getByLabel("Code du site").fill(siteCode);
  await clickAndWait(page, "Créer le bureau");
  await expect(page.getByText("Le bureau est créé.")).toBeVisible();
  await expect(page.getByText(`Bâtiment : Bâtiment E2E modifié ${s}`)).toBeVisible();

  await page.getByRole("checkbox", { name: "Plateaux" }).uncheck();
  await page.getByRole("checkbox", { name: "Savanes" }).check();
  await page.getByRole("group", { name: "Reçoit les demandes en ligne" }).getByRole("radio", { name: "Non" }).check();
  await clickAndWait(page, "Enregistrer le bureau");
  await expect(page.getByText("Le bureau est enregistré.")).toBeVisible();

  await page.goto("/admin/bureaux?region=savanes");
  const row = page.getByRole("row", { name: new RegExp(`BUR-${s}`) });
  await expect(row).toContainText("Maritime, Savanes");
  await expect(row).toContainText("Non");
  await expect(row.locator("[data-status]")).toHaveAttribute("data-status", "up");
});

test("a CSV import with a bad line writes nothing; a correct file imports every site", async ({ page }) => {
  const s = uniqueSuffix().toUpperCase();
  const good = [`IMP-${s}-1;Lycée importé ${s};lycee;Maritime;Lomé;;6,14;1,23;1;;`, `IMP-${s}-2;Mairie importée ${s};town_hall;kara;Kara;"Route, Kara";9,55;1,19;2;100;01/06/2023`];
  await page.goto("/admin/sites/import");
  await page.getByLabel("Ou collez le contenu du fichier").fill([HEADER, ...good, `IMP-${s}-3;Mauvais;lycee;Maritime;Lomé;;99;1,23;1;;`].join("\n"));
  await clickAndWait(page, "Vérifier le fichier");
  await expect(page.getByRole("alert").first()).toContainText("Ligne 4, colonne « latitude » : La latitude doit être comprise");
  await expect(page.getByRole("button", { name: "Confirmer l'import" })).toHaveCount(0);
  await page.goto(`/admin/sites?q=IMP-${s}`);
  await expect(page.getByText("Aucun site ne correspond à cette recherche.")).toBeVisible();

  await page.goto("/admin/sites/import");
  await page.getByLabel("Fichier CSV").setInputFiles({ name: "sites.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${[HEADER, ...good].join("\r\n")}\r\n`, "utf-8") });
  await clickAndWait(page, "Vérifier le fichier");
  await expect(page.getByText("2 nouveau(x), 0 modifié(s), 0 inchangé(s).")).toBeVisible();
  await clickAndWait(page, "Confirmer l'import");
  await expect(page.getByText("Import terminé : 2 site(s) créé(s), 0 modifié(s), 0 inchangé(s).")).toBeVisible();
  await page.goto(`/admin/sites?q=IMP-${s}`);
  await expect(page.getByRole("link", { name: `IMP-${s}-1` })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(`IMP-${s}-2`) }).locator("[data-status]")).toHaveAttribute("data-status", "up");
});
