import { demoAccount, signInAs } from "./accounts";
import { expect, test } from "./fixtures";
import { checkLayout } from "./layout";

/**
 * Every page of the administration fits a 360 px screen without horizontal scrolling (tables
 * scroll inside their own box) and its controls are big enough to touch. Runs in the mobile
 * project; demo records are only read.
 */
test("every administration page fits in 360 px", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, demoAccount("admin").identifier);
  await expect(page).toHaveURL(/\/admin$/);

  const firstLink = async (list: string, pattern: RegExp) => {
    await page.goto(list);
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((h) => pattern.test(h));
    expect(href, `a link matching ${pattern} on ${list}`).toBeTruthy();
    return href!;
  };
  const agency = await firstLink("/admin/administrations", /^\/admin\/administrations\/\d+$/);
  const office = await firstLink("/admin/bureaux", /^\/admin\/bureaux\/\d+$/);
  const site = await firstLink("/admin/sites", /^\/admin\/sites\/[^/?]+$/);
  const account = await firstLink("/admin/comptes", /^\/admin\/comptes\/[0-9a-f-]{36}$/);
  const procedure = await firstLink("/admin/demarches?statut=published", /^\/admin\/demarches\/\d+$/);
  const field = await firstLink(`${procedure}/formulaire`, /\/formulaire\/champs\/[a-z0-9_]+$/);
  const section = await firstLink(`${procedure}/formulaire`, /\/formulaire\/sections\/[a-z0-9_]+$/);

  const pages = [
    "/admin",
    "/admin/administrations",
    agency,
    "/admin/bureaux",
    "/admin/bureaux/nouveau",
    office,
    "/admin/sites",
    "/admin/sites/nouveau",
    site,
    "/admin/sites/import",
    "/admin/demarches",
    "/admin/demarches/nouvelle",
    procedure,
    `${procedure}/modifier`,
    `${procedure}/pieces`,
    `${procedure}/formulaire`,
    field,
    section,
    `${procedure}/apercu`,
    "/admin/comptes",
    "/admin/comptes/inviter",
    account,
    "/admin/jetons",
    "/admin/journal",
  ];
  for (const path of pages) await checkLayout(page, path);
});
