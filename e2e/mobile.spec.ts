import { demoAccount, newCitizen, signInAs } from "./accounts";
import { clickAndWait, expect, test } from "./fixtures";
import { checkLayout, linksOn, smallTouchTargets } from "./layout";

/**
 * The phone project (360 × 640, touch): every page of the portal — public, citizen, agent,
 * operator; the administration's are in mobile-admin.spec.ts — fits the screen without horizontal
 * scrolling and its controls are big enough to touch (DESIGN.md §9: 44 px). The journeys themselves
 * are proven with JavaScript on and off at desktop size (e2e/README.md).
 */

test.describe("every page fits a 360 px phone and can be used by touch", () => {
  test("public pages", async ({ page }) => {
    test.slow();
    const procedures = await linksOn(page, "/demarches", /^\/demarches\/[a-z0-9-]+$/);
    const pages = [
      "/",
      "/demarches",
      "/demarches?q=casier",
      ...procedures.slice(0, 3),
      `${procedures[0]}/commencer`,
      "/connexion",
      "/inscription",
      "/inscription?envoye",
      "/inscription/confirmer?token=lien-invalide",
      "/mot-de-passe-oublie",
      "/mot-de-passe/nouveau?token=lien-invalide",
      "/accessibilite",
      "/confidentialite",
      "/etat-des-services",
      "/etat-des-services/abonnement",
      "/suivi",
      "/verifier",
    ];
    for (const path of pages) await checkLayout(page, path);
    await checkLayout(page, "/cette-page-n-existe-pas", 404);
  });

  test("a form with its errors", async ({ page }) => {
    await page.goto("/inscription");
    await clickAndWait(page, "Créer mon compte");
    await expect(page.getByRole("alert").first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await smallTouchTargets(page)).toEqual([]);
  });

  test("the citizen's pages: Mon espace, each of her cases, a draft's form steps", async ({ page }) => {
    test.slow();
    await signInAs(page, demoAccount("citizen").identifier);
    for (const path of ["/mon-espace", "/mon-espace/profil", "/mon-espace/notifications", "/mon-espace/securite"]) await checkLayout(page, path);
    const cases = await linksOn(page, "/mon-espace", /^\/mon-espace\/dossiers\/TG-[^/]+$/);
    for (const path of cases) await checkLayout(page, path);
    for (const path of cases) {
      await page.goto(path);
      const more = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? "").filter((h) => /\/(recepisse|retirer)$/.test(h)));
      for (const next of new Set(more)) await checkLayout(page, next);
    }

    // A new citizen's draft: every step of its form, as listed on its check page.
    await newCitizen(page, "Afi Tété");
    await page.goto("/demarches/passeport/commencer");
    await clickAndWait(page, "Commencer ma demande");
    const form = /^(\/mon-espace\/dossiers\/TG-[^/]+\/formulaire)\//.exec(new URL(page.url()).pathname)![1]!;
    const steps = await linksOn(page, `${form}/verification`, /\/formulaire\/[a-z0-9_-]+$/);
    for (const path of new Set([`${form}/pour-qui`, ...steps, `${form}/bureau`, `${form}/verification`])) await checkLayout(page, path);
  });

  test("the agent's pages: the inbox and its tabs, her cases, the statistics", async ({ page }) => {
    test.slow();
    await signInAs(page, demoAccount("agent").identifier);
    for (const tab of ["", "?onglet=mes-dossiers", "?onglet=en-attente", "?onglet=en-retard", "?onglet=termines"]) await checkLayout(page, `/agent${tab}`);
    const cases = await linksOn(page, "/agent?onglet=mes-dossiers", /^\/agent\/dossiers\/TG-/);
    for (const path of cases) await checkLayout(page, path);
    await signInAs(page, demoAccount("supervisor").identifier);
    await checkLayout(page, "/agent/statistiques");
  });

  test("the operator's console", async ({ page }) => {
    await signInAs(page, demoAccount("operator").identifier);
    for (const path of ["/reseau", "/reseau/maintenances"]) await checkLayout(page, path);
    const sites = await linksOn(page, "/reseau", /^\/reseau\/sites\/[^/?]+$/);
    await checkLayout(page, sites[0]!);
  });

  test("the navigation is reachable by touch", async ({ page }) => {
    await page.goto("/");
    const signIn = page.getByRole("link", { name: "Se connecter" }).first();
    if (!(await signIn.isVisible())) await page.getByText("Menu", { exact: true }).tap();
    await expect(signIn).toBeVisible();
    const box = await signIn.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    await signIn.tap();
    await expect(page).toHaveURL(/\/connexion/);
  });
});
