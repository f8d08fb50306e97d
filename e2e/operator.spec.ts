import { demoAccount, signInAs } from "./accounts";
import { clickAndWait, expect, test } from "./fixtures";

// Each project marks its own site so that the three projects can run at the same time.
const SITE_BY_PROJECT: Record<string, { search: string; name: string }> = {
  "js-on": { search: "tomde", name: "Lycée de Tomdè" },
  "js-off": { search: "impots de KARA", name: "Centre des impôts de Kara" },
  mobile: { search: "conseil regional de la kara", name: "Conseil régional de la Kara" },
};

// The hold journey changes a site of its own per project (no office there: no other page moves).
const HOLD_SITE_BY_PROJECT: Record<string, { search: string; name: string }> = {
  "js-on": { search: "lycee de kara", name: "Lycée de Kara" },
  "js-off": { search: "kara — campus sud", name: "Université de Kara — campus sud" },
};

test.describe("operator console", () => {
  test("the operator finds a site, marks it down with a note, then back up", async ({ page }, testInfo) => {
    const site = SITE_BY_PROJECT[testInfo.project.name] ?? SITE_BY_PROJECT["js-on"]!;
    const operator = demoAccount("operator");
    await signInAs(page, operator.identifier);
    await expect(page).toHaveURL(/\/reseau$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sites du réseau" })).toBeVisible();

    await page.getByLabel("Nom ou code du site").fill(site.search);
    await clickAndWait(page, "Afficher les sites");
    await expect(page.getByRole("table")).toContainText("1 site");
    await page.getByRole("link", { name: site.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: site.name })).toBeVisible();
    const current = page.getByText("État actuel");
    await expect(current).toContainText("Opérationnel");

    // A note is required; the status chosen is kept.
    await page.getByRole("radio", { name: "Interrompu" }).check();
    await clickAndWait(page, "Enregistrer le nouvel état");
    await expect(page.getByRole("alert")).toContainText("Saisissez une note");
    await expect(page.getByRole("radio", { name: "Interrompu" })).toBeChecked();

    await page.getByLabel("Note").fill("Fibre sectionnée par des travaux de voirie");
    await clickAndWait(page, "Enregistrer le nouvel état");
    await expect(page.getByText("L'état du site est passé à « Interrompu »")).toBeVisible();
    await expect(current).toContainText("Interrompu");
    const outage = page.getByRole("row", { name: /Opérationnel → Interrompu/ }).first();
    await expect(outage).toContainText("Fibre sectionnée par des travaux de voirie");
    await expect(outage).toContainText("Opérateur");
    await expect(outage).toContainText(operator.fullName);

    await page.getByRole("radio", { name: "Opérationnel" }).check();
    await page.getByLabel("Note").fill("Fibre réparée, liaison rétablie");
    await clickAndWait(page, "Enregistrer le nouvel état");
    await expect(current).toContainText("Opérationnel");
    await expect(page.getByRole("row", { name: /Interrompu → Opérationnel/ }).first()).toContainText("Fibre réparée, liaison rétablie");
  });

  test("the operator plans a maintenance of a site, sees it listed, then cancels it", async ({ page }, testInfo) => {
    const site = SITE_BY_PROJECT[testInfo.project.name] ?? SITE_BY_PROJECT["js-on"]!;
    await signInAs(page, demoAccount("operator").identifier);
    await expect(page).toHaveURL(/\/reseau$/);
    await page.getByLabel("Nom ou code du site").fill(site.search);
    await clickAndWait(page, "Afficher les sites");
    await page.getByRole("link", { name: site.name }).click();

    // The end before the start: refused, and what was typed is kept.
    await page.getByLabel("Début").fill("2031-01-15T22:00");
    await page.getByLabel("Fin").fill("2031-01-15T21:00");
    await page.getByLabel("Motif").fill("Remplacement du commutateur d'étage");
    await clickAndWait(page, "Planifier la maintenance");
    await expect(page.getByRole("alert")).toContainText("La fin doit être après le début");
    await expect(page.getByLabel("Motif")).toHaveValue("Remplacement du commutateur d'étage");
    await expect(page.getByLabel("Début")).toHaveValue("2031-01-15T22:00");

    await page.getByLabel("Fin").fill("2031-01-16T02:00");
    await clickAndWait(page, "Planifier la maintenance");
    await expect(page.getByText("La maintenance est planifiée.")).toBeVisible();

    await page.goto("/reseau/maintenances");
    const row = page.getByRole("row", { name: new RegExp(site.name) });
    await expect(row).toContainText("Remplacement du commutateur d'étage");
    await row.getByRole("button", { name: /Annuler la maintenance/ }).click();
    await page.waitForLoadState("load");
    await expect(page.getByText("La maintenance est annulée.")).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(site.name) })).toHaveCount(0);
  });

  test("the operator holds a status for 4 hours, sees who holds it and until when, then releases it", async ({ page }, testInfo) => {
    const site = HOLD_SITE_BY_PROJECT[testInfo.project.name] ?? HOLD_SITE_BY_PROJECT["js-on"]!;
    const operator = demoAccount("operator");
    await signInAs(page, operator.identifier);
    await expect(page).toHaveURL(/\/reseau$/);
    await page.getByLabel("Nom ou code du site").fill(site.search);
    await clickAndWait(page, "Afficher les sites");
    await page.getByRole("link", { name: site.name }).click();
    await expect(page.getByRole("heading", { level: 1, name: site.name })).toBeVisible();

    // A hold ending in the past: refused at its field, and what was typed is kept.
    await page.getByRole("radio", { name: "Perturbé" }).check();
    await page.getByLabel("Note").fill("Débit réduit constaté sur place");
    await page.getByRole("radio", { name: "Jusqu'à une date et une heure" }).check();
    await page.getByLabel("Tenu jusqu'au").fill("2020-01-15T10:00");
    await clickAndWait(page, "Enregistrer le nouvel état");
    await expect(page.getByRole("alert")).toContainText("La date et l'heure doivent être dans le futur");
    await expect(page.getByLabel("Note")).toHaveValue("Débit réduit constaté sur place");
    await expect(page.getByRole("radio", { name: "Perturbé" })).toBeChecked();
    await expect(page.getByRole("radio", { name: "Jusqu'à une date et une heure" })).toBeChecked();

    await page.getByRole("radio", { name: "Pendant 4 heures", exact: true }).check();
    await clickAndWait(page, "Enregistrer le nouvel état");
    await expect(page.getByText("L'état du site est passé à « Perturbé »")).toBeVisible();
    await expect(page.getByText("État actuel")).toContainText("Perturbé");
    await expect(page.getByText(/^Statut fixé par .+ le .+ — tenu jusqu'au .+\.$/)).toContainText(operator.fullName);

    await clickAndWait(page, "Libérer");
    await expect(page.getByText("Le statut n'est plus tenu : les sondes et les alertes le décident de nouveau.")).toBeVisible();
    await expect(page.getByText(/^Statut fixé par/)).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Libérer" })).toHaveCount(0);
    // Released, not changed: the status stays until the next measurement.
    await expect(page.getByText("État actuel")).toContainText("Perturbé");

    // Back up, held until released by default; released again so the site follows its probes.
    await page.getByRole("radio", { name: "Opérationnel" }).check();
    await page.getByLabel("Note").fill("Débit rétabli");
    await clickAndWait(page, "Enregistrer le nouvel état");
    await expect(page.getByText("État actuel")).toContainText("Opérationnel");
    await expect(page.getByText(/^Statut fixé par .+ — tenu jusqu'à libération\.$/)).toContainText(operator.fullName);
    await clickAndWait(page, "Libérer");
    await expect(page.getByText("Le statut n'est plus tenu : les sondes et les alertes le décident de nouveau.")).toBeVisible();
  });

  test("a citizen gets 404 on the console; an anonymous visitor is asked to sign in", async ({ page }) => {
    const anonymous = await page.goto("/reseau");
    await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Freseau/);
    expect(anonymous?.status()).toBe(200);

    await signInAs(page, demoAccount("citizen").identifier);
    await expect(page).toHaveURL(/\/mon-espace$/);
    for (const path of ["/reseau", "/reseau/maintenances", "/reseau/sites/LOM-001"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page introuvable");
    }
  });

  test("an unknown site code is not found", async ({ page }) => {
    await signInAs(page, demoAccount("operator").identifier);
    await expect(page).toHaveURL(/\/reseau$/);
    const response = await page.goto("/reseau/sites/XYZ-999");
    expect(response?.status()).toBe(404);
  });
});
