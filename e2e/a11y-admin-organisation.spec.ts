import type { Page } from "@playwright/test";
import { demoAccount, signInAs } from "./accounts";
import { clickAndWait, expect, expectNoA11yViolations, test } from "./fixtures";

// axe on the organisation pages of the administration, in French and English. Only reads demo
// records; the forms are sent empty or wrong, so nothing is written.

async function signInAdmin(page: Page, lng: "fr" | "en") {
  await signInAs(page, demoAccount("admin").identifier, { lng });
}

async function visit(page: Page, path: string, lng: "fr" | "en") {
  await page.goto(path);
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
  await expectNoA11yViolations(page);
}

async function followFirst(page: Page) {
  const href = await page.getByRole("table").getByRole("link").first().getAttribute("href");
  await page.goto(href!);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoA11yViolations(page);
}

async function submitEmpty(page: Page, button: string) {
  await clickAndWait(page, button);
  await expect(page.getByRole("alert").first()).toBeVisible();
  await expectNoA11yViolations(page);
}

test.describe("accessibility of the organisation administration", () => {
  for (const lng of ["fr", "en"] as const) {
    const en = lng === "en";
    test(`agencies pages (${lng})`, async ({ page }) => {
      await signInAdmin(page, lng);
      await visit(page, "/admin/administrations", lng);
      await submitEmpty(page, en ? "Create the administration" : "Créer l'administration");
      await followFirst(page);
    });

    test(`offices pages (${lng})`, async ({ page }) => {
      // Four axe runs, two over the long list of offices.
      test.slow();
      await signInAdmin(page, lng);
      await visit(page, "/admin/bureaux", lng);
      await followFirst(page);
      await visit(page, "/admin/bureaux/nouveau", lng);
      await submitEmpty(page, en ? "Create the office" : "Créer le bureau");
    });

    test(`sites pages (${lng})`, async ({ page }) => {
      await signInAdmin(page, lng);
      test.slow();
      await visit(page, "/admin/sites?q=LOM&page=2", lng);
      await visit(page, "/admin/sites/LOM-001", lng);
      await visit(page, "/admin/sites/nouveau", lng);
      await submitEmpty(page, en ? "Create the site" : "Créer le site");
    });

    test(`import page with errors (${lng})`, async ({ page }) => {
      await signInAdmin(page, lng);
      await visit(page, "/admin/sites/import", lng);
      await page.getByLabel(en ? "Or paste the file's content" : "Ou collez le contenu du fichier").fill("code;nom;type;region;ville;latitude;longitude;phase\nLOM-001;X;castle;Maritime;Lomé;6,1;1,2;1\n");
      await submitEmpty(page, en ? "Check the file" : "Vérifier le fichier");
    });
  }
});
