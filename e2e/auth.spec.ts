import { demoAccount, DEMO_PASSWORD, linkSentTo, requestSignUp, signIn, signUp, uniqueEmail } from "./accounts";
import { expect, expectNoA11yViolations, test } from "./fixtures";

test.describe("accounts", () => {
  test("a citizen creates an account with an e-mail address, lands in Mon espace, and signs out", async ({ page }) => {
    const email = uniqueEmail();
    await signUp(page, { fullName: "Ama Kouassi", identifier: email, password: "le fleuve Mono coule vers la mer" });
    await expect(page).toHaveURL(/\/mon-espace$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mon espace" })).toBeVisible();
    await expect(page.getByText("Bonjour Ama Kouassi")).toBeVisible();
    await expect(page.getByText("Vous n'avez pas encore de démarche.")).toBeVisible();

    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await expect(page.getByRole("link", { name: "Se connecter" }).first()).toBeVisible();
    await page.goto("/mon-espace");
    await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fmon-espace/);
  });

  test("a citizen creates an account with a Togolese mobile number", async ({ page }) => {
    const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
    await signUp(page, { fullName: "Koffi Dogbé", identifier: `90 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`, password: "kara est au nord du pays" });
    await expect(page).toHaveURL(/\/mon-espace$/);
    await expect(page.getByText("Bonjour Koffi Dogbé")).toBeVisible();
  });

  test("signing up with an identifier that has an account answers the same page, and its owner is told by message", async ({ page }) => {
    const email = uniqueEmail("deja");
    await signUp(page, { fullName: "Abla Sena", identifier: email, password: "mon premier compte a moi" });
    await expect(page).toHaveURL(/\/mon-espace$/);
    await page.getByRole("button", { name: "Se déconnecter" }).click();

    await requestSignUp(page, { fullName: "Quelqu'un d'autre", identifier: email, password: "un autre mot de passe encore" });
    await expect(page).toHaveURL(/\/inscription\?envoye/);
    await expect(page.getByRole("heading", { level: 1, name: "Vérifiez vos messages" })).toBeVisible();
    await expect(page.getByText("Un compte existe déjà")).toHaveCount(0);
    // The owner's message points to sign-in and to the forgotten password, not to a new account.
    expect(await linkSentTo(page, email, /\/connexion$/)).toMatch(/\/connexion$/);
    await expect(page.getByRole("link", { name: /\/mot-de-passe-oublie$/ }).first()).toBeVisible();
    await expect(page.getByRole("link", { name: /inscription\/confirmer/ })).toHaveCount(1);

    // The account is unchanged: the first password still works.
    await signIn(page, email, "mon premier compte a moi");
    await expect(page).toHaveURL(/\/mon-espace$/);
  });

  test("a sign-up link works once", async ({ page, javaScriptEnabled }) => {
    const email = uniqueEmail("lien");
    await requestSignUp(page, { fullName: "Yawo Agbo", identifier: email, password: "le lien ne sert qu'une fois" });
    const link = await linkSentTo(page, email, /inscription\/confirmer/);
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Activer votre compte" })).toBeVisible();
    // axe runs inside the page: not with JavaScript off.
    if (javaScriptEnabled) await expectNoA11yViolations(page);
    await page.getByRole("button", { name: "Activer mon compte" }).click();
    await expect(page.getByText("Bonjour Yawo Agbo")).toBeVisible();
    await page.getByRole("button", { name: "Se déconnecter" }).click();
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: "Lien expiré ou déjà utilisé" })).toBeVisible();
  });

  test("sign-up errors are listed at the top, linked to their fields, and nothing typed is lost", async ({ page }) => {
    await page.goto("/inscription");
    await page.getByLabel("Nom et prénoms").fill("Edem Lawson");
    await page.getByLabel("Adresse e-mail ou numéro de téléphone mobile").fill("80 12 34 56");
    await page.getByLabel("Mot de passe", { exact: true }).fill("password");
    await page.getByLabel("Confirmez le mot de passe").fill("password");
    await page.getByRole("button", { name: "Créer mon compte" }).click();

    const summary = page.getByRole("alert").filter({ hasText: "Il y a un problème" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: /pas un numéro de mobile togolais/ })).toBeVisible();
    await expect(summary.getByRole("link", { name: /trop courant/ })).toBeVisible();
    const identifier = page.getByLabel("Adresse e-mail ou numéro de téléphone mobile");
    await expect(identifier).toHaveAttribute("aria-invalid", "true");
    await expect(identifier).toHaveValue("80 12 34 56");
    await expect(page.getByLabel("Nom et prénoms")).toHaveValue("Edem Lawson");

    await summary.getByRole("link", { name: /pas un numéro de mobile togolais/ }).click();
    await expect(identifier).toBeFocused();
  });

  test("a failed sign-in is told at the password field as well as in the error summary, which links to it", async ({ page }) => {
    await signIn(page, demoAccount("citizen").identifier, "pas le bon mot de passe");
    const summary = page.getByRole("alert").filter({ hasText: "Il y a un problème" });
    await expect(summary.getByRole("link", { name: "L'identifiant ou le mot de passe est incorrect." })).toBeVisible();
    const password = page.getByLabel("Mot de passe", { exact: true });
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription(/L'identifiant ou le mot de passe est incorrect\./);
    // Once in the summary, once at the field: not twice in the summary.
    await expect(page.getByText("L'identifiant ou le mot de passe est incorrect.")).toHaveCount(2);
    await summary.getByRole("link", { name: "L'identifiant ou le mot de passe est incorrect." }).click();
    await expect(password).toBeFocused();
  });

  test("a demo citizen signs in, and a wrong password is told plainly with the identifier kept", async ({ page }) => {
    const citizen = demoAccount("citizen");
    await signIn(page, citizen.identifier, "pas le bon mot de passe");
    await expect(page.getByText("L'identifiant ou le mot de passe est incorrect.").first()).toBeVisible();
    await expect(page.getByLabel("Adresse e-mail ou numéro de téléphone mobile")).toHaveValue(citizen.identifier);
    await expect(page.getByLabel("Mot de passe", { exact: true })).toHaveValue("");

    await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/mon-espace$/);
    await expect(page.getByText(`Bonjour ${citizen.fullName}`)).toBeVisible();
  });

  test("signing in returns the user to the page he asked for, and never to another site", async ({ page }) => {
    await page.goto("/mon-espace/securite");
    await expect(page).toHaveURL(/\/connexion\?redirectTo=%2Fmon-espace%2Fsecurite/);
    await page.getByLabel("Adresse e-mail ou numéro de téléphone mobile").fill(demoAccount("citizen").identifier);
    await page.getByLabel("Mot de passe", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page).toHaveURL(/\/mon-espace\/securite$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sécurité du compte" })).toBeVisible();

    await page.getByRole("button", { name: "Se déconnecter" }).first().click();
    await signIn(page, demoAccount("citizen").identifier, DEMO_PASSWORD, "/connexion?redirectTo=//evil.example/vol");
    await expect(page).toHaveURL(/localhost:\d+\/mon-espace$/);
  });

  test("staff land in their own space after signing in", async ({ page }) => {
    await signIn(page, demoAccount("operator").identifier);
    await expect(page).toHaveURL(/\/reseau/);
  });

  test("a forgotten password is reset with the link sent through the outbox, once", async ({ page }) => {
    const email = uniqueEmail("oubli");
    await signUp(page, { fullName: "Sena Akakpo", identifier: email, password: "premier mot de passe du compte" });
    await expect(page).toHaveURL(/\/mon-espace$/);
    await page.getByRole("button", { name: "Se déconnecter" }).click();

    await page.goto("/mot-de-passe-oublie");
    await page.getByLabel("Adresse e-mail ou numéro de téléphone mobile").fill(email);
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await expect(page.getByRole("heading", { name: "Vérifiez vos messages" })).toBeVisible();

    // The development outbox shows what was sent (the worker renders it within a second or two).
    let resetUrl: string | null = null;
    await expect(async () => {
      await page.goto("/dev/boite-d-envoi");
      const row = page.getByRole("row").filter({ hasText: email });
      resetUrl = await row.getByRole("link", { name: /mot-de-passe\/nouveau/ }).first().getAttribute("href", { timeout: 1_000 });
      expect(resetUrl).toBeTruthy();
    }).toPass({ timeout: 15_000 });

    await page.goto(resetUrl!);
    await page.getByLabel("Nouveau mot de passe").fill("second mot de passe tout neuf");
    await page.getByLabel("Confirmez le mot de passe").fill("second mot de passe tout neuf");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await expect(page.getByText("Votre mot de passe a été changé. Connectez-vous avec le nouveau.")).toBeVisible();

    await signIn(page, email, "premier mot de passe du compte");
    await expect(page.getByText("L'identifiant ou le mot de passe est incorrect.").first()).toBeVisible();
    await signIn(page, email, "second mot de passe tout neuf");
    await expect(page).toHaveURL(/\/mon-espace$/);

    await page.goto(resetUrl!);
    await expect(page.getByRole("heading", { name: "Lien expiré ou déjà utilisé" })).toBeVisible();
  });

  test("a citizen signs out his other sessions", async ({ page, browser, clientIp }) => {
    const email = uniqueEmail("sessions");
    await signUp(page, { fullName: "Dela Amouzou", identifier: email, password: "mes sessions sont à moi" });
    await expect(page).toHaveURL(/\/mon-espace$/);

    const other = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
    const otherPage = await other.newPage();
    await signIn(otherPage, email, "mes sessions sont à moi");
    await expect(otherPage).toHaveURL(/\/mon-espace$/);

    await page.goto("/mon-espace/securite");
    await expect(page.getByRole("table", { name: "Vos sessions ouvertes" }).getByRole("row")).toHaveCount(3);
    await page.getByRole("button", { name: "Se déconnecter de mes autres sessions" }).click();
    await expect(page.getByText("1 autre session a été fermée.")).toBeVisible();

    await otherPage.goto("/mon-espace");
    await expect(otherPage).toHaveURL(/\/connexion/);
    await page.goto("/mon-espace");
    await expect(page).toHaveURL(/\/mon-espace$/);
    await other.close();
  });

  test("too many failed sign-ins are refused with a 429 and a French message", async ({ page }) => {
    const email = uniqueEmail("limite");
    await signUp(page, { fullName: "Yao Adzoh", identifier: email, password: "un mot de passe solide ici" });
    await page.getByRole("button", { name: "Se déconnecter" }).click();

    let lastStatus = 0;
    for (let attempt = 0; attempt < 8 && lastStatus !== 429; attempt++) {
      const response = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/connexion"));
      await signIn(page, email, `mauvais essai ${attempt}`);
      lastStatus = (await response).status();
    }
    expect(lastStatus).toBe(429);
    await expect(page.getByText(/Trop de tentatives\. Réessayez dans \d+ minutes?\./).first()).toBeVisible();
    // Even the right password is refused while the limit holds.
    await signIn(page, email, "un mot de passe solide ici");
    await expect(page.getByText(/Trop de tentatives/).first()).toBeVisible();
  });
});
