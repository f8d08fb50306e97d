import type { Page } from "@playwright/test";
import { signIn, signUp, uniqueEmail } from "./accounts";
import { clickAndWait, expect, test } from "./fixtures";

/**
 * The catalogue and the way into a request: search from the home page, the procedure page, the
 * start page behind sign-in, one draft per procedure, the remembered region. (axe on these pages:
 * a11y-catalogue.spec.ts, which the JS-off project skips.)
 */

const PASSWORD = "le lac Togo est au sud du pays";
const REFERENCE = /\/mon-espace\/dossiers\/(TG-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\/formulaire(?:[/?#]|$)/;

/** A new citizen, signed out again: the journey starts as a visitor. */
async function newSignedOutCitizen(page: Page, fullName: string) {
  const email = uniqueEmail("catalogue");
  await signUp(page, { fullName, identifier: email, password: PASSWORD });
  await expect(page).toHaveURL(/\/mon-espace$/);
  await page.context().clearCookies();
  return email;
}

async function search(page: Page, words: string) {
  await page.getByLabel("Rechercher une démarche").fill(words);
  await clickAndWait(page, "Rechercher");
}

test.describe("catalogue", () => {
  test("search forgives accents, case and word order, and shows each result's essentials", async ({ page }) => {
    await page.goto("/demarches");
    await expect(page.getByRole("heading", { level: 1, name: "Trouver une démarche" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^12 démarches$/ })).toBeVisible();

    for (const [words, title] of [
      ["casier", "Extrait de casier judiciaire"],
      ["creation entreprise", "Création d'entreprise"],
      ["NATIONALITÉ", "Certificat de nationalité togolaise"],
      ["naissance acte", "Copie intégrale ou extrait d'acte de naissance"],
    ] as const) {
      await search(page, words);
      await expect(page.getByRole("heading", { level: 2, name: `1 démarche pour « ${words} »` })).toBeVisible();
      await expect(page).toHaveTitle(new RegExp(`^1 démarche pour « ${words} »`));
      await expect(page.getByRole("link", { name: new RegExp(`^${title}`) })).toBeVisible();
    }

    const card = page.locator("[data-procedure=copie-acte-naissance]");
    await expect(card.getByText("Direction de l'état civil")).toBeVisible();
    await expect(card.getByText("500 FCFA")).toBeVisible();
    await expect(card.getByText("3 jours")).toBeVisible();
    await expect(card.locator("[data-availability]")).toHaveText("Disponible");

    await search(page, "permis de pêche sous-marine");
    await expect(page.getByRole("heading", { level: 2, name: "Aucune démarche pour « permis de pêche sous-marine »" })).toBeVisible();
    await expect(page.getByText("vérifier l'orthographe des mots")).toBeVisible();
    await page.getByRole("link", { name: "consulter la liste de toutes les démarches." }).click();
    await expect(page.getByRole("heading", { level: 2, name: "12 démarches" })).toBeVisible();
  });

  test("filters by topic, and shows availability for the chosen region", async ({ page }) => {
    await page.goto("/demarches");
    await page.getByLabel("Thème", { exact: true }).selectOption({ label: "Justice et nationalité" });
    await clickAndWait(page, "Rechercher");
    await expect(page).toHaveURL(/categorie=justice/);
    await expect(page.getByRole("link", { name: /^Extrait de casier judiciaire/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Certificat de nationalité/ })).toBeVisible();
    await expect(page.getByRole("link", { name: /^Passeport/ })).toHaveCount(0);

    await page.getByLabel("Thème", { exact: true }).selectOption("");
    await page.getByLabel("Votre région", { exact: true }).selectOption({ label: "Plateaux" });
    await clickAndWait(page, "Rechercher");
    await expect(page.getByText("Disponibilité en ligne pour la région Plateaux.")).toBeVisible();
    // No office handling it is connected in Plateaux yet (demo data).
    await expect(page.locator("[data-procedure=certificat-residence] [data-availability]")).toHaveText("Pas encore en ligne dans votre région");
    await page.getByRole("link", { name: "Certificat de résidence" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Faire la demande en ligne" })).toBeVisible();
    await expect(page.getByText("ne peut pas encore être demandée en ligne depuis la région Plateaux")).toBeVisible();
    await expect(page.getByRole("link", { name: "Commencer", exact: true })).toHaveCount(0);
  });

  test("a visitor's region is remembered on this browser; a citizen's in his profile", async ({ page }) => {
    await page.goto("/demarches?region=kara");
    await page.goto("/demarches");
    await expect(page.getByLabel("Votre région", { exact: true })).toHaveValue("kara");
    await page.goto("/demarches/passeport");
    await expect(page.getByRole("heading", { name: "Peut-on la demander en ligne ? Région Kara" })).toBeVisible();

    const email = await newSignedOutCitizen(page, "Yawa Mensah");
    await signIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/mon-espace$/);
    await page.goto("/demarches");
    await expect(page.getByLabel("Votre région", { exact: true })).toHaveValue("maritime");
    await page.getByLabel("Votre région", { exact: true }).selectOption({ label: "Savanes" });
    await clickAndWait(page, "Rechercher");
    // Another device: no cookie, the profile remembers.
    await page.context().clearCookies();
    await signIn(page, email, PASSWORD);
    await expect(page).toHaveURL(/\/mon-espace$/);
    await page.goto("/demarches");
    await expect(page.getByLabel("Votre région", { exact: true })).toHaveValue("savanes");
  });

  test("a procedure whose offices are down says the request will be forwarded, and still offers to start", async ({ page }) => {
    // Demo data: the national DGTR office in Lomé is in maintenance.
    await page.goto("/demarches/duplicata-permis-conduire?region=maritime");
    await expect(page.getByText("elle sera enregistrée et transmise automatiquement au bureau")).toBeVisible();
    await expect(page.getByRole("link", { name: "Commencer", exact: true })).toBeVisible();
  });
});

test.describe("starting a request", () => {
  test("from the home page search to the form, through sign-in; coming back offers the same draft", async ({ page, baseURL }) => {
    const email = await newSignedOutCitizen(page, "Kossi Agbeko");

    await page.goto("/");
    await page.getByLabel("Rechercher une démarche").fill("acte naissance");
    await clickAndWait(page, "Rechercher");
    await expect(page).toHaveURL(/\/demarches\?q=acte\+naissance/);
    await expect(page.getByRole("heading", { level: 2, name: "1 démarche pour « acte naissance »" })).toBeVisible();
    await page.getByRole("link", { name: "Copie intégrale ou extrait d'acte de naissance" }).click();
    await expect(page).toHaveURL(/\/demarches\/copie-acte-naissance$/);
    await expect(page.getByText("Vous devrez vous connecter à votre compte, ou en créer un.")).toBeVisible();

    await page.getByRole("link", { name: "Commencer", exact: true }).click();
    await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fdemarches%2Fcopie-acte-naissance%2Fcommencer$/);
    await page.getByLabel("Adresse e-mail ou numéro de téléphone mobile").fill(email);
    await page.getByLabel("Mot de passe", { exact: true }).fill(PASSWORD);
    await clickAndWait(page, "Se connecter");

    await expect(page).toHaveURL(/\/demarches\/copie-acte-naissance\/commencer$/);
    await expect(page.getByRole("heading", { level: 1, name: "Copie intégrale ou extrait d'acte de naissance" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Ce dont vous aurez besoin" })).toBeVisible();
    await expect(page.getByText("Frais : 500 FCFA")).toBeVisible();
    await expect(page.getByText("Remplir la demande prend environ 10 minutes.")).toBeVisible();
    await clickAndWait(page, "Commencer ma demande");
    await expect(page).toHaveURL(REFERENCE);
    const reference = REFERENCE.exec(page.url())![1]!;

    await page.goto("/demarches/copie-acte-naissance");
    await expect(page.getByText(`Vous avez déjà commencé cette demande (brouillon ${reference}`)).toBeVisible();
    await expect(page.getByText("Votre brouillon est conservé 30 jours")).toBeVisible();
    await expect(page.getByRole("link", { name: "Commencer", exact: true })).toHaveCount(0);
    await page.getByRole("link", { name: "Reprendre ma demande" }).click();
    await expect(page).toHaveURL(new RegExp(`/mon-espace/dossiers/${reference}/formulaire`));

    // The start page sends a returning citizen to his draft; a second POST gives the same draft.
    await page.goto("/demarches/copie-acte-naissance/commencer");
    await expect(page).toHaveURL(new RegExp(`/mon-espace/dossiers/${reference}/formulaire`));
    const again = await page.request.post("/demarches/copie-acte-naissance/commencer", { headers: { Origin: baseURL! }, maxRedirects: 0 });
    expect(again.status()).toBe(303);
    expect(again.headers()["location"]).toBe(`/mon-espace/dossiers/${reference}/formulaire`);
  });

  test("an unknown procedure has no start page", async ({ page }) => {
    const response = await page.goto("/demarches/demarche-inconnue/commencer");
    expect(response?.status()).toBe(404);
  });
});
