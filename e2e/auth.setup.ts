import { test as setup } from "@playwright/test";
import { DEMO_ACCOUNTS } from "../db/seed/accounts";
import { DEMO_PASSWORD, signIn, stateFileFor } from "./accounts";

/**
 * Signs every demo account in once, through the sign-in form, and keeps its cookies for the specs
 * (`signInAs`, `signedIn`): the sign-in itself is tested in auth.spec.ts, with the form.
 * None of the specs that use these sessions signs out.
 */
for (const account of DEMO_ACCOUNTS) {
  const identifier = account.email ?? account.phone!;
  setup(`sign in ${identifier}`, async ({ browser }) => {
    const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": "10.254.0.1" } });
    const page = await context.newPage();
    await signIn(page, identifier, DEMO_PASSWORD);
    await page.waitForURL((url) => !url.pathname.startsWith("/connexion"));
    await context.storageState({ path: stateFileFor(identifier) });
    await context.close();
  });
}
