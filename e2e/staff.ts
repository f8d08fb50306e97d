import type { BrowserContext, Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn, signUp, uniqueEmail } from "./accounts";
import { fillForm, type Journey } from "./case-filing";
import { clickAndWait, expect, test as base } from "./fixtures";

/**
 * Shared steps of the staff specs: a new citizen files a case at the Lomé court registry
 * (TPI-LOM, region Maritime), and agents sign in in their own browser contexts.
 */

export const CITIZEN_PASSWORD = "le marché de Bè un samedi matin";

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

/** Signs a new citizen up in `page` and files `slug` for himself in Maritime (→ TPI-LOM). */
export async function fileCaseAtLome(page: Page, slug: LomeProcedure, fullName = "Ama Koudjo", answers: Journey["answers"] = {}): Promise<string> {
  await signUp(page, {
    fullName,
    identifier: uniqueEmail("dossier"),
    password: CITIZEN_PASSWORD,
  });
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.goto(`/demarches/${slug}/commencer`);
  await clickAndWait(page, "Commencer ma demande");
  const reference = /dossiers\/(TG-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\//.exec(page.url())![1]!;
  const journey: Pick<Journey, "slug" | "answers" | "forWhom" | "region"> = {
    slug,
    answers,
    forWhom: "self",
    region: "Maritime",
  };
  await fillForm(page, journey);
  await clickAndWait(page, "Envoyer ma demande");
  await expect(page).toHaveURL(new RegExp(`/dossiers/${reference}/confirmation$`));
  return reference;
}

/**
 * `signedIn(identifier)`: a page in a browser context of its own (same project options: JavaScript
 * on or off, viewport, client address), signed in as `identifier`; closed after the test.
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
