import { newCitizen, signUp } from "./accounts";
import { fileBirthCertificateRequest, FAKE_PDF, PDF } from "./filing";
import { clickAndWait } from "./fixtures";
import { expect, STAFF, test } from "./staff";

const PASSWORD = "la lagune de Lomé au soleil";

function uniquePhone(): string {
  const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
  return `91 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
}

test.describe("a case in Mon espace", () => {
  test("the citizen answers a request for pieces, then withdraws his request", async ({ page, signedIn }) => {
    test.slow();
    await newCitizen(page, "Afi Mensah");
    const reference = await fileBirthCertificateRequest(page);

    await page.goto("/mon-espace");
    const inProgress = page.getByRole("region", { name: "Demandes en cours" });
    await expect(inProgress.getByText(reference)).toBeVisible();
    await inProgress.getByRole("link", { name: "Copie intégrale ou extrait d'acte de naissance" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Copie intégrale ou extrait d'acte de naissance" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Historique" })).toBeVisible();
    await expect(page.getByText("Vous avez déposé votre demande.").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Voir et imprimer le récépissé" })).toBeVisible();

    // The office asks for a piece (development tool, used by a signed-in staff member).
    const desk = await signedIn(STAFF.agent);
    await desk.goto(`/dev/dossiers/${reference}/complement`);
    await desk.getByLabel("Message à l'usager").fill("La copie de votre pièce d'identité est illisible.");
    await desk.getByLabel("Pièces demandées").fill("Pièce d'identité lisible");
    await clickAndWait(desk, "Demander le complément");
    await expect(desk.getByText("Le complément est demandé.")).toBeVisible();

    await page.goto("/mon-espace");
    await expect(page.getByRole("link", { name: /Mes notifications \(\d+ non lues?\)/ })).toBeVisible();
    await expect(page.getByText(/Répondre à la demande de pièces avant le/)).toBeVisible();
    await page.goto(`/mon-espace/dossiers/${reference}`);
    await expect(page.getByRole("heading", { name: "Le bureau vous demande un complément" })).toBeVisible();
    await expect(page.getByText("La copie de votre pièce d'identité est illisible.")).toBeVisible();
    await expect(page.getByText("Pièce d'identité lisible")).toBeVisible();

    // A program renamed .pdf is refused; the text typed is kept.
    await page.getByLabel("Votre réponse").fill("Voici une copie nette.");
    await page.getByLabel("Pièce jointe 1").first().setInputFiles(FAKE_PDF);
    await clickAndWait(page, "Envoyer ma réponse");
    const summary = page.getByRole("alert").filter({ hasText: "Il y a un problème" });
    await expect(summary.getByRole("link", { name: /facture\.pdf/ })).toBeVisible();
    await expect(page.getByLabel("Votre réponse")).toHaveValue("Voici une copie nette.");

    await page.getByLabel("Pièce jointe 1").first().setInputFiles(PDF);
    await clickAndWait(page, "Envoyer ma réponse");
    await expect(page.getByText("Votre réponse a été envoyée.", { exact: false })).toBeVisible();
    await expect(page.locator('[data-status="in_review"]').first()).toBeVisible();
    await expect(page.getByText(/Vous avez répondu à la demande de complément/)).toBeVisible();
    const thread = page.getByRole("region", { name: "Messages" });
    await expect(thread.getByText("Voici une copie nette.")).toBeVisible();
    await expect(thread.getByRole("link", { name: /piece\.pdf/ })).toBeVisible();

    // A message to the office.
    await page.getByLabel("Votre message").fill("Je peux passer au bureau mardi si besoin.");
    await clickAndWait(page, "Envoyer le message");
    await expect(page.getByText("Votre message a été envoyé au bureau.")).toBeVisible();
    await expect(thread.getByText("Je peux passer au bureau mardi si besoin.")).toBeVisible();

    // Withdrawal, after a confirmation.
    await page.getByRole("link", { name: "Retirer ma demande" }).click();
    await expect(page.getByRole("heading", { level: 1, name: /Voulez-vous vraiment retirer votre demande/ })).toBeVisible();
    await clickAndWait(page, "Oui, retirer ma demande");
    await expect(page.getByText("Votre demande est retirée.", { exact: false })).toBeVisible();
    await expect(page.locator('[data-status="withdrawn"]').first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Retirer ma demande" })).toHaveCount(0);

    await page.goto("/mon-espace");
    await expect(page.getByRole("region", { name: "Demandes terminées" }).getByText(reference)).toBeVisible();
  });

  test("a refusal shows its reason; another citizen gets 404 for the case", async ({ page, browser, signedIn }) => {
    test.slow();
    await newCitizen(page, "Komla Adjo");
    const reference = await fileBirthCertificateRequest(page);
    const desk = await signedIn(STAFF.agent);
    await desk.goto(`/dev/dossiers/${reference}/complement`);
    await desk.getByRole("radio", { name: "Refuser" }).check();
    await desk.getByLabel("Motif").fill("L'acte n'est pas enregistré dans ce centre.");
    await clickAndWait(desk, "Enregistrer la décision");
    await expect(desk.getByText("La décision est enregistrée.")).toBeVisible();

    await page.goto(`/mon-espace/dossiers/${reference}`);
    await expect(page.getByRole("heading", { name: "Résultat" })).toBeVisible();
    await expect(page.getByText("L'acte n'est pas enregistré dans ce centre.").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "Retirer ma demande" })).toHaveCount(0);

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await newCitizen(otherPage, "Abla Sena");
    const response = await otherPage.goto(`/mon-espace/dossiers/${reference}`);
    expect(response?.status()).toBe(404);
    await other.close();
  });
});

test.describe("Mon espace", () => {
  test("a new citizen sees an empty space that leads to the procedures, and no notification", async ({ page }) => {
    await newCitizen(page, "Afi Mensah");
    await expect(page).toHaveURL(/\/mon-espace$/);
    await expect(page.getByRole("heading", { level: 1, name: "Mon espace" })).toBeVisible();
    await expect(page.getByText("Vous n'avez pas encore de démarche.")).toBeVisible();
    await expect(page.getByRole("link", { name: "Mes informations, ma langue et mes notifications" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Sécurité et sessions ouvertes" })).toBeVisible();

    await page.getByRole("link", { name: "Mes notifications", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mes notifications" })).toBeVisible();
    await expect(page.getByText("Vous n'avez aucune notification.")).toBeVisible();

    await page.goto("/mon-espace");
    await page.getByRole("link", { name: "Trouver une démarche" }).click();
    await expect(page).toHaveURL(/\/demarches$/);
  });

  test("the citizen switches the portal to English and turns SMS off in his profile", async ({ page }) => {
    await signUp(page, { fullName: "Kossi Agbeko", identifier: uniquePhone(), password: PASSWORD });
    await expect(page).toHaveURL(/\/mon-espace$/);
    await page.getByRole("link", { name: "Mes informations, ma langue et mes notifications" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Mes informations" })).toBeVisible();
    await expect(page.getByLabel("Nom et prénoms")).toHaveValue("Kossi Agbeko");
    const sms = page.getByRole("checkbox", { name: /Par SMS/ });
    await expect(sms).toBeChecked();

    await sms.uncheck();
    await page.getByRole("radio", { name: "English" }).check();
    await page.getByLabel("Votre région").selectOption("kara");
    await page.getByRole("button", { name: "Enregistrer" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "My details" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByText("Your details have been saved.")).toBeVisible();
    await expect(page.getByRole("checkbox", { name: /By SMS/ })).not.toBeChecked();
    await expect(page.getByRole("radio", { name: "English" })).toBeChecked();
    await expect(page.getByLabel("Your region")).toHaveValue("kara");

    await page.goto("/mon-espace");
    await expect(page.getByRole("heading", { level: 1, name: "My space" })).toBeVisible();
    await expect(page.getByText("You have no request yet.")).toBeVisible();
  });

  test("a profile without a name is refused with the error linked to the field, the rest kept", async ({ page }) => {
    await newCitizen(page, "Yawa Dzidzienyo");
    await page.goto("/mon-espace/profil");
    await page.getByLabel("Nom et prénoms").fill("   ");
    await page.getByLabel("Votre région").selectOption("savanes");
    await page.getByRole("button", { name: "Enregistrer" }).click();
    const summary = page.getByRole("alert").filter({ hasText: "Il y a un problème" });
    await expect(summary.getByRole("link", { name: "Saisissez votre nom et vos prénoms." })).toBeVisible();
    await expect(page.getByLabel("Nom et prénoms")).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Votre région")).toHaveValue("savanes");
  });

  test("another citizen's case, or an unknown reference, answers 404", async ({ page }) => {
    await newCitizen(page, "Edem Lawson");
    for (const path of ["/mon-espace/dossiers/TG-2026-0000-0000", "/mon-espace/dossiers/TG-2026-0000-0000/retirer", "/mon-espace/dossiers/nimporte-quoi"]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1, name: "Page introuvable" })).toBeVisible();
    }
  });
});
