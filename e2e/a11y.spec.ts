import { demoAccount, signInAs } from "./accounts";
import { a11yViolations, expect, expectNoA11yViolations, test } from "./fixtures";

const PUBLIC_PAGES = [
  "/",
  "/connexion",
  "/inscription",
  "/inscription?envoye",
  "/inscription/confirmer?token=lien-invalide",
  "/mot-de-passe-oublie",
  "/mot-de-passe/nouveau?token=lien-invalide",
  "/accessibilite",
  "/confidentialite",
  "/dev/boite-d-envoi",
];
const CITIZEN_PAGES = ["/mon-espace", "/mon-espace/securite"];

for (const lng of ["fr", "en"] as const) {
  test.describe(`accessibility (${lng})`, () => {
    for (const path of PUBLIC_PAGES) {
      test(`${path} has no WCAG 2.1 AA violation`, async ({ page }) => {
        const response = await page.goto(`${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
        expect(response?.status()).toBeLessThan(400);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        await expectNoA11yViolations(page);
      });
    }

    test("the 404 page has no WCAG 2.1 AA violation", async ({ page }) => {
      const response = await page.goto(`/cette-page-n-existe-pas?lng=${lng}`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(lng === "fr" ? "Page introuvable" : "Page not found");
      await expectNoA11yViolations(page);
    });

    test("signed-in citizen pages have no WCAG 2.1 AA violation", async ({ page }) => {
      await signInAs(page, demoAccount("citizen").identifier, { lng });
      await expect(page).toHaveURL(/\/mon-espace(\?|$)/);
      for (const path of CITIZEN_PAGES) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        await expectNoA11yViolations(page);
      }
    });

    test("a form with errors has no WCAG 2.1 AA violation", async ({ page }) => {
      await page.goto(`/inscription?lng=${lng}`);
      await page.getByRole("button", { name: lng === "fr" ? "Créer mon compte" : "Create my account" }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectNoA11yViolations(page);
    });
  });
}

test("the axe check reports WCAG 2.1 AA violations and only them", async ({ page }) => {
  // An image without a text alternative (WCAG 1.1.1) and two unnamed navigation landmarks (a
  // best-practice rule outside WCAG): the first fails the suite, the second must not.
  await page.setContent(`<!doctype html><html lang="fr"><head><title>Essai</title></head><body><main><h1>Essai</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"><nav><a href="#a">a</a></nav><nav><a href="#b">b</a></nav></main></body></html>`);
  const violations = await a11yViolations(page);
  expect(violations.map((line) => line.split(" ")[0])).toEqual(["image-alt"]);
});
