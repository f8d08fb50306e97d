import AxeBuilder from "@axe-core/playwright";
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

/**
 * axe, WCAG 2.1 A and AA: the page must have no violation. Legacy mode runs axe in the page in one
 * call instead of opening a blank page to merge the results of each frame: half the time here, and
 * the portal has no frames. Only violations are detailed node by node (axe's resultTypes): what it
 * reports is the same, in 30 % less time (decision 017). `options()` replaces every option, so it
 * comes before `withTags()`, which adds the WCAG filter to them.
 */
export async function expectNoA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ["violations"] }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Submit the form around a button. With JavaScript, Remix navigates client-side; wait for the
 * navigation either way so assertions see the new page.
 */
export async function clickAndWait(page: Page, name: string | RegExp) {
  await Promise.all([page.waitForLoadState("load"), page.getByRole("button", { name }).click()]);
}
