import type { BrowserContext, Page } from "@playwright/test";
import { DEMO_PASSWORD, homePathOf, signIn, storedSessionOf, adoptFactorySession } from "./accounts";
import type { Journey } from "./case-filing";
import { E2E_ORIGIN, expect, test as base } from "./fixtures";

/**
 * Shared steps of the staff specs: a new citizen files a case at the Lomé court registry
 * (TPI-LOM, region Maritime), and agents sign in in their own browser contexts.
 */

export const STAFF = {
  agent: "agent.lome@demo.tg",
  supervisor: "chef.lome@demo.tg",
  karaAgent: "agent.kara@demo.tg",
  operator: "operateur@demo.tg",
  admin: "admin@demo.tg",
} as const;

export const STAFF_NAMES = {
  agent: "Yawa Amégah",
  supervisor: "Komi Adjévi",
} as const;

export type LomeProcedure = "extrait-casier-judiciaire" | "certificat-nationalite";

/**
 * A new citizen, signed in in `page`, files `slug` for himself in Maritime (→ TPI-LOM): made by the
 * e2e factory (POST /dev/fabrique, app/services/dev-factories.server.ts) through the same services
 * as the form pages, which the citizen journeys test (journey.spec.ts, form-engine.spec.ts).
 * `answers` are chosen on purpose; every other field gets a plausible answer.
 */
export async function fileCaseAtLome(page: Page, slug: LomeProcedure, fullName = "Ama Koudjo", answers: Journey["answers"] = {}): Promise<string> {
  const form: Record<string, string> = { nom: fullName, demarche: slug, region: "maritime" };
  for (const [name, value] of Object.entries(answers)) form[`reponse.${name}`] = String(value);
  const response = await page.request.post("/dev/fabrique", { form, headers: { Origin: E2E_ORIGIN } });
  expect(response.status(), await response.text()).toBe(200);
  const { reference, session } = (await response.json()) as { reference: string; session: { name: string; value: string } };
  await adoptFactorySession(page, session);
  expect(reference).toMatch(/^TG-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  return reference;
}

/**
 * `signedIn(identifier)`: a page in a browser context of its own (same project options: JavaScript
 * on or off, viewport, client address), signed in as `identifier`, on the page sign-in leads to;
 * closed after the test.
 */
export const test = base.extend<{
  signedIn: (identifier: string) => Promise<Page>;
}>({
  signedIn: async ({ browser, javaScriptEnabled, viewport, isMobile, hasTouch, extraHTTPHeaders, baseURL, locale }, provide) => {
    const contexts: BrowserContext[] = [];
    const errors: string[] = [];
    await provide(async (identifier) => {
      const context = await browser.newContext({
        javaScriptEnabled,
        viewport,
        isMobile,
        hasTouch,
        extraHTTPHeaders,
        baseURL,
        locale,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on("pageerror", (error) => errors.push(`${identifier}: ${error.message}`));
      // Demo accounts reuse the session the setup project opened (auth.setup.ts).
      const stored = storedSessionOf(identifier);
      if (stored) {
        await context.addCookies(stored.cookies);
        await page.goto(homePathOf(identifier));
        return page;
      }
      await signIn(page, identifier, DEMO_PASSWORD);
      await expect(page).not.toHaveURL(/\/connexion/);
      return page;
    });
    for (const context of contexts) await context.close();
    expect(errors, "no page error in the staff pages").toEqual([]);
  },
});

export { expect };

export function casePath(reference: string): string {
  return `/agent/dossiers/${reference}`;
}
