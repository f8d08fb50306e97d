import { DEMO_ACCOUNTS } from "../db/seed/accounts";
import { signInAs } from "./accounts";
import { PDF } from "./case-filing";
import { clickAndWait, expect, test } from "./fixtures";

/**
 * A citizen who signed up with a mobile number only (the demo account Kodjo Agbéko, Kara) files a
 * request: the contact step shows his number, asks for one means of contact, not an e-mail.
 */
test("a phone-only citizen files a request: his number is prefilled, no e-mail is required", async ({ page }) => {
  test.slow();
  const phoneOnly = DEMO_ACCOUNTS.find((a) => a.role === "citizen" && a.email === null && a.phone)!;
  await signInAs(page, phoneOnly.phone!);
  await expect(page).toHaveURL(/\/mon-espace$/);

  await page.goto("/demarches/extrait-casier-judiciaire/commencer");
  await clickAndWait(page, "Commencer ma demande");
  const reference = /dossiers\/(TG-[0-9A-Z-]+)\//.exec(page.url())![1]!;
  await page.getByLabel("Pour moi-même").check();
  await clickAndWait(page, "Continuer");

  await page.getByLabel("Nom", { exact: true }).fill("Agbéko");
  await page.getByLabel("Prénoms", { exact: true }).fill("Kodjo");
  await page.getByLabel("Date de naissance").fill("1988-07-14");
  await page.getByLabel("Lieu de naissance").fill("Kara");
  await page.getByLabel("Numéro d'identification unique (NIU)").fill("1234567890");
  await page.getByLabel("Nom et prénoms du père").fill("Agbéko Komlan");
  await page.getByLabel("Nom et prénoms de la mère").fill("Pali Essowè");
  await clickAndWait(page, "Continuer");
  await page.getByLabel("Motif de la demande").selectOption("emploi");
  await page.getByLabel("Nombre d'exemplaires").fill("1");
  await clickAndWait(page, "Continuer");
  await page.getByLabel("Pièce d'identité").setInputFiles(PDF);
  await page.getByLabel("Acte de naissance", { exact: true }).setInputFiles(PDF);
  await clickAndWait(page, "Continuer");

  // The contact step: the account's number is there, the e-mail is not asked for.
  await expect(page).toHaveURL(/\/formulaire\/contact$/);
  const phone = page.getByLabel("Téléphone mobile");
  await expect(phone).toHaveValue("+22890000001");
  await expect(page.getByLabel("Adresse électronique")).toHaveValue("");
  await expect(page.getByText("(facultatif)")).toHaveCount(0);

  // With neither, one means of contact is asked for.
  await phone.fill("");
  await clickAndWait(page, "Continuer");
  const message = "Indiquez un numéro de téléphone mobile ou une adresse électronique, pour que le bureau puisse vous joindre.";
  await expect(page.getByRole("alert").getByRole("link", { name: message })).toBeVisible();
  await phone.fill("+228 90 00 00 01");
  await clickAndWait(page, "Continuer");
  await expect(page).toHaveURL(/\/formulaire\/declaration$/);

  await page.getByRole("checkbox", { name: /J'atteste sur l'honneur/ }).check();
  await clickAndWait(page, "Continuer");
  await page.getByRole("radio", { name: "Kara", exact: true }).check();
  await clickAndWait(page, "Continuer");
  await expect(page).toHaveURL(/\/formulaire\/verification$/);
  await clickAndWait(page, "Envoyer ma demande");
  await expect(page).toHaveURL(new RegExp(`/dossiers/${reference}/confirmation$`));
});
