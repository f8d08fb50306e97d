import { clickAndWait } from "./fixtures";
import { casePath, expect, fileCaseAtLome, STAFF, test } from "./staff";

/**
 * The document issued for an accepted electronic request, as the citizen and a checker see it:
 * it names the person the request is about as filed in the form (not the account holder), the
 * case page's « Télécharger votre document » is the link to it, and /verifier shows the subject's
 * initials and birth date.
 */
test("the issued document names the person filed in the form; the case page links to it; /verifier shows that person", async ({ page, signedIn }) => {
  test.slow();
  // Afiwa Dossou's account files « pour moi-même » under her birth name, KOFFI Ama Délali.
  const reference = await fileCaseAtLome(page, "extrait-casier-judiciaire", "Afiwa Dossou", {
    nom: "Koffi",
    prenoms: "Ama Délali",
    date_naissance: "1994-03-08",
    lieu_naissance: "Kpalimé",
  });
  const agent = await signedIn(STAFF.agent);
  await agent.goto(casePath(reference));
  await clickAndWait(agent, "Prendre en charge");
  await clickAndWait(agent, "Accepter la demande");
  await expect(agent.getByText("La demande est acceptée")).toBeVisible();

  await page.goto(`/mon-espace/dossiers/${reference}`);
  const state = page.getByRole("region", { name: "Où en est votre demande" });
  const download = state.getByRole("link", { name: "Télécharger votre document" });
  await expect(download).toBeVisible();
  const pdf = await page.request.get((await download.getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toContain("application/pdf");
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString()).toBe("%PDF-");
  const code = /Code de vérification : ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec((await page.getByRole("region", { name: "Résultat" }).textContent()) ?? "")?.[1];
  expect(code).toBeTruthy();

  await page.context().clearCookies();
  await page.goto(`/verifier/${code}`);
  await expect(page.getByText("Ce document est authentique").first()).toBeVisible();
  const facts = page.locator("dl.summary");
  await expect(facts).toContainText("Initiales du titulaire");
  await expect(facts.locator("dt", { hasText: "Initiales du titulaire" }).locator("+ dd")).toHaveText("K. A. D.");
  await expect(facts.locator("dt", { hasText: "Date de naissance du titulaire" }).locator("+ dd")).toHaveText("8 mars 1994");
});
