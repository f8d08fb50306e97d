import { demoAccount, signInAs } from "./accounts";
import { uniqueSuffix } from "./admin";
import { clickAndWait, expect, expectNoA11yViolations, test } from "./fixtures";

for (const lng of ["fr", "en"] as const) {
  test(`axe: monitoring tokens with a token shown, and the filtered journal (${lng})`, async ({ page }) => {
    test.setTimeout(90_000);
    await signInAs(page, demoAccount("admin").identifier);
    await page.goto(`/admin/jetons?lng=${lng}`);
    await page.getByLabel(lng === "fr" ? "Nom du jeton" : "Token name").fill(`a11y-${lng}-${uniqueSuffix()}`);
    await clickAndWait(page, lng === "fr" ? "Créer le jeton" : "Create the token");
    await expect(page.getByText("Authorization: Bearer")).toBeVisible();
    await expectNoA11yViolations(page);

    await page.goto(`/admin/journal?lng=${lng}&action=monitoring_token.*&resultat=success&du=01/01/2026`);
    await expect(page.getByRole("table").first()).toBeVisible();
    await expectNoA11yViolations(page);
  });
}
