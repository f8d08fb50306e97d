import { DEMO_PASSWORD, demoAccount, signIn } from "./accounts";
import { expect, test } from "./fixtures";

/** No online payment yet: the home page and the procedure's start page say where fees are paid, the same way. */
test("the home page promises no online payment; the start page says the fee is paid at the office", async ({ page }) => {
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main).toContainText("Les frais éventuels se règlent au bureau : le paiement en ligne n'est pas encore ouvert.");
  await expect(main).not.toContainText(/payez les frais/i);

  await signIn(page, demoAccount("citizen").identifier, DEMO_PASSWORD, "/connexion?redirectTo=/demarches/extrait-casier-judiciaire/commencer");
  await expect(page).toHaveURL(/\/commencer$/);
  await expect(page.getByRole("main")).toContainText(/Frais : 1\s000\sFCFA, à régler au bureau/);
});
