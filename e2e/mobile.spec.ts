import { expect, test } from "./fixtures";

test.describe("small screens (360 px)", () => {
  for (const path of ["/", "/connexion", "/inscription", "/accessibilite", "/etat-des-services", "/demarches/extrait-casier-judiciaire"]) {
    test(`${path} fits in 360 px without horizontal scrolling`, async ({ page }) => {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test("the navigation is reachable on a phone", async ({ page }) => {
    await page.goto("/");
    const signIn = page.getByRole("link", { name: "Se connecter" }).first();
    if (!(await signIn.isVisible())) await page.getByText("Menu", { exact: true }).click();
    await expect(signIn).toBeVisible();
    const box = await signIn.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
  });
});
