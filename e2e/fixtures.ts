import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { test as base, expect, type Page } from "@playwright/test";

/** The server's origin (playwright.config.ts), for requests a spec sends without a page. */
export const E2E_ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;

/** A client address of its own per test, so rate limits of one test do not leak into another. */
function randomTestIp(): string {
  const n = () => Math.floor(Math.random() * 250) + 1;
  return `10.${n()}.${n()}.${n()}`;
}

type Fixtures = {
  /** Page errors and console errors seen during the test; the test fails if any. */
  pageErrors: string[];
  clientIp: string;
};

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  clientIp: async ({}, provide) => provide(randomTestIp()),
  extraHTTPHeaders: async ({ clientIp }, provide) => provide({ "X-Forwarded-For": clientIp }),
  pageErrors: [
    async ({ page }, provide) => {
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() !== "error") return;
        // The browser logs expected HTTP errors (a 404 page, a 429) as console errors.
        if (/Failed to load resource: the server responded with a status of (4\d\d)/.test(message.text())) return;
        errors.push(`console: ${message.text()}`);
      });
      await provide(errors);
      expect(errors, "no page error or console error during the test").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** axe-core's own build, evaluated in the page under test. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
/** WCAG 2.1 A and AA; only violations are detailed node by node (the rules run are the same). */
const AXE_OPTIONS = { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] }, resultTypes: ["violations"] };

/**
 * axe, WCAG 2.1 A and AA: the page must have no violation. axe-core is evaluated once per document
 * and run there in one call; @axe-core/playwright evaluated its 550 kB twice before every run, which
 * cost more than the run itself on a small page (decision 017).
 */
export async function expectNoA11yViolations(page: Page) {
  expect(await a11yViolations(page), `axe violations on ${page.url()}`).toEqual([]);
}

/** The WCAG 2.1 A and AA violations axe finds on the page, one line each (rule, impact, help, nodes). */
export async function a11yViolations(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === "function");
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const summary = await page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const results = await axe.run(document, options);
    return results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }, AXE_OPTIONS);
  return summary;
}

/**
 * Submit the form around a button. With JavaScript, Remix navigates client-side; wait for the
 * navigation either way so assertions see the new page.
 */
export async function clickAndWait(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name }).click()]);
}
