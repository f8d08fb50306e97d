import { newCitizen } from "./accounts";
import { expect, expectNoA11yViolations, test } from "./fixtures";

// axe on the catalogue (all, a search, no result) and the start page, in French and English
// (a11y specs do not run in the JS-off project: axe runs inside the page).

test.describe("accessibility of the catalogue and the start page", () => {
  for (const lng of ["fr", "en"] as const) {
    test(`catalogue, search results and start page pass axe (${lng})`, async ({ page }) => {
      await newCitizen(page, "Akosua Amegee");
      await expect(page).toHaveURL(/\/mon-espace$/);
      for (const path of ["/demarches", "/demarches?q=acte+naissance&region=plateaux", "/demarches?q=introuvable&categorie=justice", "/demarches/copie-acte-naissance"]) {
        const response = await page.goto(`${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
        expect(response?.status()).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        await expectNoA11yViolations(page);
      }

      await page.goto(`/demarches/passeport/commencer?lng=${lng}`);
      await expect(page.getByRole("button", { name: lng === "fr" ? "Commencer ma demande" : "Start my request" })).toBeVisible();
      await expectNoA11yViolations(page);
      // The procedure page with a draft to take up again.
      await page.getByRole("button", { name: lng === "fr" ? "Commencer ma demande" : "Start my request" }).click();
      await expect(page).toHaveURL(/\/formulaire/);
      await page.goto(`/demarches/passeport?lng=${lng}`);
      await expect(page.getByRole("link", { name: lng === "fr" ? "Reprendre ma demande" : "Continue my request" })).toBeVisible();
      await expectNoA11yViolations(page);
    });
  }
});
