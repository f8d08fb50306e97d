import { clickAndWait, expect, expectNoA11yViolations, test } from "./fixtures";

test.describe("axe on /verifier", () => {
  for (const lng of ["fr", "en"] as const) {
    test(`the form, its errors and an unknown code (${lng})`, async ({ page }) => {
      await page.goto(`/verifier?lng=${lng}`);
      await expectNoA11yViolations(page);
      await page.getByRole("textbox").fill("abc");
      await clickAndWait(page, lng === "fr" ? "Vérifier" : "Check");
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);
      const response = await page.goto(`/verifier/ZZZZZ-ZZZZZ?lng=${lng}`);
      expect(response?.status()).toBe(404);
      await expectNoA11yViolations(page);
    });
  }
});
