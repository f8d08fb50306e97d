import { demoAccount, signInAs } from "./accounts";
import { createProcedure, uniqueSuffix } from "./admin";
import { expect, expectNoA11yViolations, test } from "./fixtures";

// axe on the procedure pages of the administration, in French and English, with the errors of
// their forms shown.

const AGENCY = "Tribunaux de première instance — greffes";

test.describe("accessibility of the procedure administration", () => {
  for (const lng of ["fr", "en"] as const) {
    test(`the list and the creation form pass axe (${lng})`, async ({ page }) => {
      test.setTimeout(180_000);
      await signInAs(page, demoAccount("admin").identifier);
      await expect(page).toHaveURL(/\/admin/);
      for (const url of ["/admin/demarches", "/admin/demarches/nouvelle"]) {
        await page.goto(`${url}?lng=${lng}`);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        await expectNoA11yViolations(page);
      }
      await page.getByRole("button", { name: lng === "fr" ? "Créer la démarche" : "Create the procedure" }).click();
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);
    });

    test(`a procedure's pages pass axe (${lng})`, async ({ page }) => {
      test.setTimeout(240_000);
      const suffix = uniqueSuffix();
      await signInAs(page, demoAccount("admin").identifier);
      await expect(page).toHaveURL(/\/admin/);
      const path = await createProcedure(page, { titleFr: `Démarche axe ${suffix}`, titleEn: `Axe procedure ${suffix}`, agency: AGENCY });
      for (const url of [path, `${path}/modifier`, `${path}/pieces`]) {
        await page.goto(`${url}?lng=${lng}`);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        await expectNoA11yViolations(page);
      }
      // With errors: an empty document, publishing without a form.
      await page.getByRole("button", { name: lng === "fr" ? "Ajouter la pièce" : "Add the document" }).click();
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);
      await page.goto(`${path}?lng=${lng}`);
      await page.getByRole("button", { name: lng === "fr" ? "Publier la démarche" : "Publish the procedure" }).click();
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);
    });
  }
});
