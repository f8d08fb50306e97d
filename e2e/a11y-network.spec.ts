import { demoAccount, signInAs } from "./accounts";
import { clickAndWait, expect, expectNoA11yViolations, test } from "./fixtures";

// axe on the network pages: the operator console, the status page, the procedure page and the
// unsubscribe page, in French and English (a11y specs do not run in the JS-off project: axe runs
// inside the page).

test.describe("accessibility of the operator console", () => {
  for (const lng of ["fr", "en"] as const) {
    test(`console pages have no WCAG 2.1 AA violation (${lng})`, async ({ page }) => {
      // Four axe runs over pages with long tables (50 sites, 50 history rows).
      test.slow();
      await signInAs(page, demoAccount("operator").identifier, { lng });
      await expect(page).toHaveURL(/\/reseau(\?|$)/);
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
      await expectNoA11yViolations(page);

      await page.getByRole("table").getByRole("link").first().click();
      await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
      await expectNoA11yViolations(page);
      // The same page with the errors of a form.
      await page.getByRole("button", { name: lng === "fr" ? "Planifier la maintenance" : "Plan the maintenance" }).click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectNoA11yViolations(page);

      await page.goto("/reseau/maintenances");
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
      await expectNoA11yViolations(page);
    });
  }
});

test.describe("accessibility of the status and procedure pages", () => {
  for (const lng of ["fr", "en"] as const) {
    test(`status, procedure and unsubscribe pages pass axe (${lng})`, async ({ page }) => {
      for (const path of ["/etat-des-services", "/demarches/extrait-casier-judiciaire?region=kara", "/etat-des-services/abonnement", "/desabonnement?t=inconnu"]) {
        await page.goto(`${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
        await expectNoA11yViolations(page);
      }
    });

    test(`subscription confirmation pages pass axe, the code form with its errors too (${lng})`, async ({ page }) => {
      for (const path of ["/etat-des-services/abonnement/confirmer?t=inconnu", "/etat-des-services/abonnement/confirmer?fait"]) {
        await page.goto(`${path}&lng=${lng}`);
        await expectNoA11yViolations(page);
      }
      await page.goto(`/etat-des-services/abonnement/confirmer?d=${"a".repeat(32)}&lng=${lng}`);
      await expectNoA11yViolations(page);
      await page.getByLabel(lng === "fr" ? "Code de confirmation" : "Confirmation code").fill("12");
      await clickAndWait(page, lng === "fr" ? "Confirmer l'abonnement" : "Confirm the subscription");
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);
    });
  }
});
