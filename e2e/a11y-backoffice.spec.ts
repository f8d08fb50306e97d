import type { Page } from "@playwright/test";
import { clickAndWait, expectNoA11yViolations } from "./fixtures";
import { casePath, expect, fileCaseAtLome, STAFF, test } from "./staff";

// axe on the agent's case page in its main states (new, under review with errors, pieces asked,
// ready for collection, refused with the reopen form, a conflict), in French and English.
// a11y specs do not run in the JS-off project.

async function check(page: Page, reference: string, lng: "fr" | "en") {
  await page.goto(`${casePath(reference)}?lng=${lng}`);
  await expect(page.locator("html")).toHaveAttribute("lang", lng);
  await expectNoA11yViolations(page);
}

async function inFrench(page: Page, reference: string) {
  await page.goto(`${casePath(reference)}?lng=fr`);
}

test.describe("accessibility of the agent's case page", () => {
  test.slow();
  for (const lng of ["fr", "en"] as const) {
    test(`the case page passes axe in its main states (${lng})`, async ({ page, signedIn }) => {
      const pickup = await fileCaseAtLome(page, "certificat-nationalite");
      await page.context().clearCookies();
      const refused = await fileCaseAtLome(page, "extrait-casier-judiciaire");
      const chief = await signedIn(STAFF.supervisor);

      // New: take, assign, transfer.
      await check(chief, pickup, lng);

      // Under review, a refusal sent empty: error summary and inline errors.
      await inFrench(chief, pickup);
      await clickAndWait(chief, "Prendre en charge");
      await chief.goto(`${casePath(pickup)}?lng=${lng}`);
      await clickAndWait(chief, lng === "fr" ? "Refuser la demande" : "Refuse the request");
      await expect(chief.getByRole("alert").first()).toBeVisible();
      await expectNoA11yViolations(chief);

      // Pieces asked.
      await inFrench(chief, pickup);
      await chief.getByLabel("Message à l'usager").fill("Il manque la photo d'identité.");
      await clickAndWait(chief, "Demander des pièces");
      await check(chief, pickup, lng);

      // Refused, with the reopen form; and a conflict (a stale page sent).
      await inFrench(chief, refused);
      await clickAndWait(chief, "Prendre en charge");
      await chief.getByLabel("Motif", { exact: true }).first().selectOption({ label: "Conditions non remplies" });
      await chief.getByRole("region", { name: "Refuser la demande", exact: true }).getByLabel("Explication pour l'usager").fill("Naissance hors du Togo.");
      await clickAndWait(chief, "Refuser la demande");
      await expectNoA11yViolations(chief);
      await clickAndWait(chief, "Confirmer le refus");
      await check(chief, refused, lng);
      const other = await signedIn(STAFF.supervisor);
      await inFrench(other, refused);
      await other.getByLabel("Motif de la réouverture").fill("Registre vérifié.");
      await clickAndWait(other, "Rouvrir le dossier");
      await chief
        .getByRole("region", {
          name: lng === "fr" ? "Rouvrir le dossier" : "Reopen the case",
          exact: true,
        })
        .getByRole("textbox")
        .fill("Page périmée.");
      await clickAndWait(chief, lng === "fr" ? "Rouvrir le dossier" : "Reopen the case");
      await expect(chief.getByRole("alert").first()).toBeVisible();
      await expectNoA11yViolations(chief);
    });
  }
});
