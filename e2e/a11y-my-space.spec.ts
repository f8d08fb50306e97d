import { newCitizen } from "./accounts";
import { fileBirthCertificateRequest } from "./filing";
import { clickAndWait, expectNoA11yViolations } from "./fixtures";
import { expect, STAFF, test } from "./staff";

// axe on Mon espace, the case page (request for pieces, errors, result), withdrawal, profile and
// notifications, in French and English (a11y specs do not run in the JS-off project).

test.describe("accessibility of Mon espace", () => {
  test.slow();
  for (const lng of ["fr", "en"] as const) {
    test(`Mon espace, a case and the account pages pass axe (${lng})`, async ({ page, signedIn }) => {
      await newCitizen(page, "Ablavi Kponton");
      await expect(page).toHaveURL(/\/mon-espace$/);
      for (const path of ["/mon-espace", "/mon-espace/profil", "/mon-espace/notifications"]) {
        await page.goto(`${path}?lng=${lng}`);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        await expectNoA11yViolations(page);
      }
      // The form pages are in French in the helper: file first, then look in the chosen language.
      await page.goto("/mon-espace?lng=fr");
      const reference = await fileBirthCertificateRequest(page);
      const desk = await signedIn(STAFF.agent);
      await desk.goto(`/dev/dossiers/${reference}/complement`);
      await desk.getByLabel("Message à l'usager").fill("Votre pièce d'identité est illisible.");
      await desk.getByLabel("Pièces demandées").fill("Pièce d'identité lisible\nJustificatif de domicile");
      await clickAndWait(desk, "Demander le complément");
      await expect(desk.getByText("Le complément est demandé.")).toBeVisible();
      // A draft next to the case, for the Brouillons list.
      await page.goto("/demarches/passeport/commencer");
      await clickAndWait(page, "Commencer ma demande");

      for (const path of ["/mon-espace", `/mon-espace/dossiers/${reference}`, `/mon-espace/dossiers/${reference}/retirer`, "/mon-espace/notifications"]) {
        await page.goto(`${path}?lng=${lng}`);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        await expectNoA11yViolations(page);
      }

      // An answer sent empty: the error summary and the inline error.
      await page.goto(`/mon-espace/dossiers/${reference}?lng=${lng}`);
      await clickAndWait(page, lng === "fr" ? "Envoyer ma réponse" : "Send my answer");
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectNoA11yViolations(page);

      // A profile with an error.
      await page.goto(`/mon-espace/profil?lng=${lng}`);
      await page.getByLabel(lng === "fr" ? "Nom et prénoms" : "Full name").fill("");
      await clickAndWait(page, lng === "fr" ? "Enregistrer" : "Save");
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectNoA11yViolations(page);

      // The development tool, and the case once withdrawn.
      await desk.goto(`/dev/dossiers/${reference}/complement?lng=fr`);
      await expectNoA11yViolations(desk);
      await page.goto(`/mon-espace/dossiers/${reference}/retirer?lng=fr`);
      await clickAndWait(page, "Oui, retirer ma demande");
      await page.goto(`/mon-espace/dossiers/${reference}?lng=${lng}`);
      await expectNoA11yViolations(page);
    });
  }
});
