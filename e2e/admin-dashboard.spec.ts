import { demoAccount, signInAs } from "./accounts";
import { expect, test } from "./fixtures";

test.describe("administration dashboard", () => {
  test("an administrator sees the figures and reaches every section from the menu", async ({ page }) => {
    await signInAs(page, demoAccount("admin").identifier);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole("heading", { level: 1, name: "Administration du portail" })).toBeVisible();
    // Figures link to their lists (other admin tests add agencies and offices meanwhile).
    await expect(page.getByRole("link", { name: /^\d+\s+administrations$/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /^\d+\s+bureaux$/ })).toBeVisible();
    await expect(page.getByText("L'administration ne donne accès à aucun contenu de dossier", { exact: false })).toBeVisible();

    const menu = page.getByRole("navigation", { name: "Administration" });
    await expect(menu.getByRole("link", { name: "Tableau de bord" })).toHaveAttribute("aria-current", "page");
    for (const [label, path] of [
      ["Administrations", "/admin/administrations"],
      ["Bureaux", "/admin/bureaux"],
      ["Sites raccordés", "/admin/sites"],
      ["Démarches", "/admin/demarches"],
      ["Comptes du personnel", "/admin/comptes"],
      ["Jetons de supervision", "/admin/jetons"],
      ["Journal d'audit", "/admin/journal"],
    ] as const) {
      await page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: label }).click();
      await expect(page).toHaveURL(new RegExp(`${path}$`));
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Administration" }).getByRole("link", { name: label })).toHaveAttribute("aria-current", "page");
    }
  });

  test("anyone but an administrator gets a 404 on the administration", async ({ page }) => {
    await signInAs(page, demoAccount("operator").identifier);
    await expect(page).not.toHaveURL(/\/connexion/);
    for (const path of ["/admin", "/admin/demarches", "/admin/comptes", "/admin/journal.csv"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
    }
  });
});
