import { newCitizen } from "./accounts";
import { clickAndWait, expect, expectNoA11yViolations, test } from "./fixtures";

// axe on every kind of form page (pour qui, a section with its errors, documents, bureau, check
// your answers with errors), in French and English (not in the JS-off project: axe runs in the page).

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

test.describe("accessibility of the form pages", () => {
  for (const lng of ["fr", "en"] as const) {
    test(`form steps pass axe (${lng})`, async ({ page }) => {
      test.setTimeout(90_000);
      await newCitizen(page, "Afi Lawson");
      await expect(page).toHaveURL(/\/mon-espace$/);
      await page.goto("/demarches/creation-entreprise/commencer");
      await clickAndWait(page, "Commencer ma demande");
      await expect(page).toHaveURL(/\/formulaire\/pour-qui$/);
      const base = page.url().replace(/\/pour-qui$/, "");
      const visit = async (step: string) => {
        const response = await page.goto(`${base}/${step}?lng=${lng}`);
        expect(response?.status()).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
      };
      const next = lng === "fr" ? "Continuer" : "Continue";

      await visit("pour-qui");
      await expectNoA11yViolations(page);
      await clickAndWait(page, next); // errors
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);

      await visit("entreprise");
      await expectNoA11yViolations(page);
      await page.locator("#champ-forme_juridique").selectOption("sarl");
      await page.locator("#champ-capital").fill("0");
      await clickAndWait(page, next);
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);

      await visit("options");
      await expectNoA11yViolations(page);

      await visit("pieces");
      for (const name of ["piece_identite", "casier_judiciaire", "justificatif_siege"]) {
        await page.locator(`#champ-${name}`).setInputFiles({ name: `${name}.pdf`, mimeType: "application/pdf", buffer: PDF });
      }
      await clickAndWait(page, next);
      await visit("pieces");
      await expect(page.getByRole("button", { name: lng === "fr" ? /Supprimer/ : /Remove/ })).toHaveCount(3);
      await expectNoA11yViolations(page);

      await visit("declaration");
      await expectNoA11yViolations(page);

      await visit("bureau");
      await expectNoA11yViolations(page);

      await visit("verification");
      await expectNoA11yViolations(page);
      await clickAndWait(page, lng === "fr" ? "Envoyer ma demande" : "Send my request");
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);
    });
  }
});
