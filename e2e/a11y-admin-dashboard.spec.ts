import { demoAccount, signInAs } from "./accounts";
import { expect, expectNoA11yViolations, test } from "./fixtures";

for (const lng of ["fr", "en"] as const) {
  test(`the administration dashboard passes axe (${lng})`, async ({ page }) => {
    await signInAs(page, demoAccount("admin").identifier);
    await expect(page).toHaveURL(/\/admin$/);
    await page.goto(`/admin?lng=${lng}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expectNoA11yViolations(page);
  });
}
