import type { Page, Response } from "@playwright/test";
import { demoAccount, signInAs, newCitizen } from "./accounts";
import { clickAndWait } from "./fixtures";
import { expect, test } from "./fixtures";

/**
 * DESIGN.md §9: citizen pages stay light — at most 50 KB of compressed HTML + CSS and 100 KB of
 * compressed JavaScript. Sizes are the encoded (gzip) bodies the browser received.
 */
const HTML_CSS_BUDGET = 50 * 1024;
const JS_BUDGET = 100 * 1024;
const BASE_URL = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** A first visit to `path` (empty cache, the same cookies as `page`): compressed bytes received. */
async function measure(page: Page, path: string) {
  const context = await page.context().browser()!.newContext({ storageState: await page.context().storageState() });
  try {
    return await measureIn(await context.newPage(), new URL(path, page.url() === "about:blank" ? BASE_URL : page.url()).href, path);
  } finally {
    await context.close();
  }
}

async function measureIn(page: Page, url: string, path: string) {
  const totals = { htmlCss: 0, js: 0 };
  const pending: Promise<void>[] = [];
  const onResponse = (response: Response) => {
    const type = response.request().resourceType();
    pending.push(
      response
        .request()
        .sizes()
        .then((sizes) => {
          if (type === "document" || type === "stylesheet") totals.htmlCss += sizes.responseBodySize;
          if (type === "script") totals.js += sizes.responseBodySize;
        })
        .catch(() => undefined),
    );
  };
  page.on("response", onResponse);
  await page.goto(url, { waitUntil: "networkidle" });
  await Promise.all(pending);
  page.off("response", onResponse);
  // Printed for the record (closing notes quote them): compressed bytes.
  console.log(`weight ${path}: HTML+CSS ${(totals.htmlCss / 1024).toFixed(1)} KB, JS ${(totals.js / 1024).toFixed(1)} KB (gzip)`);
  return totals;
}

function expectWithinBudget({ htmlCss, js }: { htmlCss: number; js: number }) {
  expect(htmlCss, "HTML + CSS, compressed").toBeGreaterThan(0);
  expect(htmlCss, "HTML + CSS, compressed").toBeLessThanOrEqual(HTML_CSS_BUDGET);
  expect(js, "JavaScript, compressed").toBeLessThanOrEqual(JS_BUDGET);
}

test.describe("page weight", () => {
  for (const path of ["/", "/connexion", "/inscription", "/mot-de-passe-oublie", "/accessibilite", "/confidentialite", "/etat-des-services", "/demarches", "/demarches?q=acte+naissance", "/demarches/extrait-casier-judiciaire", "/suivi"]) {
    test(`${path} stays within the citizen page budget`, async ({ page }) => {
      expectWithinBudget(await measure(page, path));
    });
  }

  test("Mon espace stays within the citizen page budget", async ({ page }) => {
    await signInAs(page, demoAccount("citizen").identifier);
    await expect(page).toHaveURL(/\/mon-espace$/);
    const { htmlCss, js } = await measure(page, "/mon-espace");
    expect(htmlCss).toBeLessThanOrEqual(HTML_CSS_BUDGET);
    expect(js).toBeLessThanOrEqual(JS_BUDGET);
  });

  test("the form steps and a case page stay within the citizen page budget", async ({ page }) => {
    await signInAs(page, demoAccount("citizen").identifier);
    await expect(page).toHaveURL(/\/mon-espace$/);
    // The demo citizen's first case in progress (seeded with its history and messages).
    await page.getByRole("region", { name: "Demandes en cours" }).getByRole("link").first().click();
    expectWithinBudget(await measure(page, new URL(page.url()).pathname));

    await page.context().clearCookies();
    await newCitizen(page, "Abla Sossou");
    await expect(page).toHaveURL(/\/mon-espace$/);
    await page.goto("/demarches/extrait-casier-judiciaire/commencer");
    expectWithinBudget(await measure(page, "/demarches/extrait-casier-judiciaire/commencer"));
    await clickAndWait(page, "Commencer ma demande");
    const base = new URL(page.url()).pathname.replace(/\/pour-qui$/, "");
    // A section with several fields, and the documents page (with the enhancement script).
    expectWithinBudget(await measure(page, `${base}/demandeur`));
    expectWithinBudget(await measure(page, `${base}/pieces`));
  });
});
