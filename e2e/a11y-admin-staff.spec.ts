import { signInAs, uniqueEmail } from "./accounts";
import { uniqueSuffix } from "./admin";
import { clickAndWait, expectNoA11yViolations } from "./fixtures";
import { expect, STAFF, test } from "./staff";

// axe on the staff accounts' pages (list, invitation form with errors, account page) and on the
// invitation's acceptance page, in French and English. a11y specs do not run in the JS-off project.

for (const lng of ["fr", "en"] as const) {
  test(`the staff accounts' pages pass axe (${lng})`, async ({ page }) => {
    test.setTimeout(240_000);
    await signInAs(page, STAFF.admin);

    await page.goto(`/admin/comptes?lng=${lng}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expectNoA11yViolations(page);

    await page.goto(`/admin/comptes/inviter?lng=${lng}`);
    await clickAndWait(page, lng === "fr" ? "Envoyer l'invitation" : "Send the invitation");
    await expect(page.getByRole("alert").first()).toBeVisible();
    await expectNoA11yViolations(page);

    // A new account (in French, the labels the helpers know), then its page in the language.
    const email = uniqueEmail("agent");
    await page.goto("/admin/comptes/inviter?lng=fr");
    await page.getByLabel("Nom et prénoms").fill(`Agent Axe ${uniqueSuffix()}`);
    await page.getByLabel("Adresse e-mail professionnelle").fill(email);
    await page.getByRole("radio", { name: "Agent", exact: true }).check();
    await page.getByRole("checkbox", { name: /\(TPI-LOM\)/ }).check();
    await clickAndWait(page, "Envoyer l'invitation");
    await expect(page).toHaveURL(/\/admin\/comptes\/[0-9a-f-]{36}\?fait=invite$/);
    const accountUrl = page.url().replace(/\?.*$/, "");
    await page.goto(`${accountUrl}?lng=${lng}&confirmer=desactivation`);
    await expectNoA11yViolations(page);

    let link: string | null = null;
    await expect(async () => {
      await page.goto("/dev/boite-d-envoi?lng=fr");
      link = await page.getByRole("row").filter({ hasText: email }).getByRole("link", { name: /mot-de-passe\/nouveau/ }).first().getAttribute("href", { timeout: 1_000 });
      expect(link).toBeTruthy();
    }).toPass({ timeout: 15_000 });
    await page.context().clearCookies();
    const invitation = new URL(link!);
    invitation.searchParams.set("lng", lng);
    await page.goto(invitation.toString());
    await expect(page.getByRole("heading", { level: 1, name: lng === "fr" ? "Bienvenue sur Guichet" : "Welcome to Guichet" })).toBeVisible();
    await expectNoA11yViolations(page);
  });
}
