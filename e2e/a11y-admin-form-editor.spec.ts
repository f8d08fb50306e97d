import { demoAccount, signInAs } from "./accounts";
import { createProcedure, uniqueSuffix } from "./admin";
import { expect, expectNoA11yViolations, test } from "./fixtures";

// axe on the form editor's pages (overview, section, field with its preview, whole-form preview),
// in French and English, with the errors of their forms shown too.

test.describe("accessibility of the form editor", () => {
  for (const lng of ["fr", "en"] as const) {
    test(`form editor pages have no WCAG 2.1 AA violation (${lng})`, async ({ page }) => {
      test.setTimeout(240_000);
      const suffix = uniqueSuffix();
      await signInAs(page, demoAccount("admin").identifier);
      const path = await createProcedure(page, { titleFr: `Formulaire axe ${suffix}`, titleEn: `Axe form ${suffix}`, agency: "Tribunaux de première instance — greffes" });
      const form = `${path}/formulaire`;
      const en = lng === "en";

      await page.goto(`${form}?lng=${lng}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
      await expectNoA11yViolations(page);
      // An empty section is refused: the error summary and inline errors.
      await page.getByRole("button", { name: en ? "Add the section" : "Ajouter la section" }).press("Enter");
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);

      await page.getByLabel(en ? "Section title in French" : "Titre de la section en français").fill("Identité");
      await page.getByLabel(en ? "Section title in English" : "Titre de la section en anglais").fill("Identity");
      await page.getByRole("button", { name: en ? "Add the section" : "Ajouter la section" }).press("Enter");
      await page.getByLabel(en ? "Field type" : "Type de champ").selectOption("radio");
      await page.getByLabel(en ? "Label in French" : "Libellé en français").fill("Situation");
      await page.getByLabel(en ? "Label in English" : "Libellé en anglais").fill("Status");
      await page.getByRole("button", { name: en ? "Add the field" : "Ajouter le champ" }).press("Enter");
      await expect(page).toHaveURL(/\/champs\/situation/);
      await page.goto(`${form}/champs/situation?lng=${lng}`);
      await expectNoA11yViolations(page);
      // Saving a radio without choices: errors shown.
      await page.getByRole("button", { name: en ? "Save" : "Enregistrer", exact: true }).press("Enter");
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);

      await page.goto(`${form}?lng=${lng}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoA11yViolations(page);
      await page.goto(`${form}?lng=${lng}&supprimer=field:situation`);
      await expectNoA11yViolations(page);
      await page.goto(`${form}/sections/identite?lng=${lng}`);
      await expectNoA11yViolations(page);
      await page.getByLabel(en ? "Title in French" : "Titre en français").fill("");
      await page.getByRole("button", { name: en ? "Save the section" : "Enregistrer la section" }).press("Enter");
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);
      await page.goto(`${path}/apercu?lng=${lng}`);
      await expectNoA11yViolations(page);
      await page.goto(`${path}/apercu?lng=${lng}&langue=${en ? "fr" : "en"}`);
      await expectNoA11yViolations(page);
    });
  }
});
