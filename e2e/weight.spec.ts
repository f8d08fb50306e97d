import type { Page, Response } from "@playwright/test";
import { demoAccount, DEMO_PASSWORD, signIn } from "./accounts";
import { expect, test } from "./fixtures";

/**
 * DESIGN.md §9: citizen pages stay light — at most 50 KB of compressed HTML + CSS and 100 KB of
 * compressed JavaScript. Sizes are the encoded (gzip) bodies the browser received.
 */
const HTML_CSS_BUDGET = 50 * 1024;
const JS_BUDGET = 100 * 1024;

async function measure(page: Page, path: string) {
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
  await page.goto(path, { waitUntil: "networkidle" });
  await Promise.all(pending);
  page.off("response", onResponse);
  return totals;
}

test.describe("page weight", () => {
  for (const path of ["/", "/connexion", "/inscription", "/mot-de-passe-oublie", "/accessibilite", "/confidentialite", "/etat-des-services", "/demarches/extrait-casier-judiciaire"]) {
    test(`${path} stays within the citizen page budget`, async ({ page }) => {
      const { htmlCss, js } = await measure(page, path);
      expect(htmlCss, "HTML + CSS, compressed").toBeGreaterThan(0);
      expect(htmlCss, "HTML + CSS, compressed").toBeLessThanOrEqual(HTML_CSS_BUDGET);
      expect(js, "JavaScript, compressed").toBeLessThanOrEqual(JS_BUDGET);
    });
  }

  test("Mon espace stays within the citizen page budget", async ({ page }) => {
    await signIn(page, demoAccount("citizen").identifier, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/mon-espace$/);
    const { htmlCss, js } = await measure(page, "/mon-espace");
    expect(htmlCss).toBeLessThanOrEqual(HTML_CSS_BUDGET);
    expect(js).toBeLessThanOrEqual(JS_BUDGET);
  });
});
