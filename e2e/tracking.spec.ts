import type { Page } from "@playwright/test";
import { demoCaseKeys } from "../db/seed/demo-cases";
import { demoAccount, signInAs } from "./accounts";
import { clickAndWait, expect, expectNoA11yViolations, test } from "./fixtures";

// The server seeds the demo data when it starts: the demo cases' keys follow from the clock (their
// filing year) and the demo seed. Nothing here changes them: tests only read.
const demo = demoCaseKeys(new Date());
const filed = demo.find((c) => c.status === "submitted")!;
const accepted = demo.find((c) => c.status === "accepted")!;

async function track(page: Page, reference: string, code: string) {
  await page.getByLabel("Numéro de dossier").fill(reference);
  await page.getByLabel("Code de suivi").fill(code);
  await clickAndWait(page, "Voir l'état du dossier");
}

test.describe("tracking a case without an account (/suivi)", () => {
  test("a reference and its code show the status and dates, nothing personal", async ({ page }) => {
    await page.goto(`/suivi?reference=${accepted.reference}`);
    await expect(page.getByRole("heading", { level: 1, name: "Suivre un dossier" })).toBeVisible();
    await expect(page.getByLabel("Numéro de dossier")).toHaveValue(accepted.reference);
    // Typed loosely, as from a phone.
    await page.getByLabel("Code de suivi").fill(accepted.trackingCode.toLowerCase().replace("-", " "));
    await clickAndWait(page, "Voir l'état du dossier");
    await expect(page.getByRole("heading", { level: 1, name: `Dossier ${accepted.reference}` })).toBeVisible();
    await expect(page.getByText("Extrait de casier judiciaire (bulletin n° 3)")).toBeVisible();
    await expect(page.locator("[data-status]")).toHaveText("Accepté");
    await expect(page.getByText("Déposé le")).toBeVisible();
    await expect(page.getByText("Dernière mise à jour")).toBeVisible();
    const text = await page.locator("main").innerText();
    for (const personal of ["Mensah", "MENSAH", "Greffe", "+228", "@"]) expect(text).not.toContain(personal);
  });

  test("a wrong reference and a wrong code give the same message", async ({ page }) => {
    await page.goto("/suivi");
    await track(page, filed.reference, "AAAAA-AAAAA");
    const wrongCode = page.getByRole("alert").filter({ hasText: "Aucun dossier ne correspond" });
    await expect(wrongCode).toBeVisible();
    const message = await wrongCode.innerText();
    // What was typed is kept.
    await expect(page.getByLabel("Numéro de dossier")).toHaveValue(filed.reference);

    await page.goto("/suivi");
    await track(page, "TG-2026-0000-0000", filed.trackingCode);
    const wrongReference = page.getByRole("alert").filter({ hasText: "Aucun dossier ne correspond" });
    await expect(wrongReference).toBeVisible();
    expect(await wrongReference.innerText()).toBe(message);

    await page.goto("/suivi");
    await track(page, "pas une référence", filed.trackingCode);
    expect(await page.getByRole("alert").filter({ hasText: "Aucun dossier ne correspond" }).innerText()).toBe(message);
  });

  test("empty fields are named in the error summary", async ({ page }) => {
    await page.goto("/suivi");
    await clickAndWait(page, "Voir l'état du dossier");
    const summary = page.getByRole("alert").filter({ hasText: "Il y a un problème" });
    await expect(summary.getByRole("link", { name: "Saisissez le numéro de dossier" })).toBeVisible();
    await expect(summary.getByRole("link", { name: "Saisissez le code de suivi" })).toBeVisible();
  });

  test("too many attempts from one address are refused with a French message and 429", async ({ page, request, baseURL }) => {
    await page.goto("/suivi");
    for (let i = 0; i < 10; i++) {
      await track(page, filed.reference, `AAAAA-AAAA${i}`);
      await expect(page.getByRole("alert").filter({ hasText: "Aucun dossier ne correspond" })).toBeVisible();
    }
    // Even the right code is refused now.
    await track(page, filed.reference, filed.trackingCode);
    await expect(page.getByRole("alert").filter({ hasText: "Trop de tentatives" })).toContainText("Vous avez fait trop de recherches en peu de temps. Réessayez dans 15 minutes.");
    await expect(page.getByRole("heading", { name: `Dossier ${filed.reference}` })).toHaveCount(0);

    // The same address (the request fixture sends the test's X-Forwarded-For) gets a 429 with Retry-After.
    const response = await request.post("/suivi", { form: { reference: filed.reference, code: filed.trackingCode }, headers: { Origin: baseURL! } });
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  });
});

test.describe("receipt and confirmation of a filed demo case", () => {
  test("the applicant sees the receipt with a QR code, downloads the PDF; the confirmation shows no code later", async ({ page }) => {
    await signInAs(page, demoAccount("citizen").identifier);
    await page.goto(`/mon-espace/dossiers/${filed.reference}/recepisse`);
    await expect(page.getByRole("heading", { level: 1, name: "Récépissé de dépôt" })).toBeVisible();
    await expect(page.getByText(filed.reference, { exact: true })).toBeVisible();
    await expect(page.getByText("Kossi Mensah (son enfant)")).toBeVisible();
    await expect(page.getByRole("img", { name: `Code QR menant à la page de suivi du dossier ${filed.reference}` })).toBeVisible();

    const pdf = await page.request.get(`/mon-espace/dossiers/${filed.reference}/recepisse.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect(pdf.headers()["content-disposition"]).toBe(`attachment; filename="recepisse-${filed.reference}.pdf"`);
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    await page.goto(`/mon-espace/dossiers/${filed.reference}/confirmation`);
    await expect(page.getByRole("heading", { level: 1, name: "Demande envoyée" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Votre code de suivi" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Voir et imprimer le récépissé" })).toBeVisible();
  });

  test("another citizen's reference answers 404 on the receipt pages", async ({ page }) => {
    // The second demo citizen, who signs in with his phone number.
    await signInAs(page, "+22890000001");
    await expect(page).toHaveURL(/\/mon-espace/);
    for (const path of ["recepisse", "recepisse.pdf", "confirmation", "code-de-suivi"]) {
      const response = await page.request.get(`/mon-espace/dossiers/${filed.reference}/${path}`);
      expect(response.status(), path).toBe(404);
    }
  });
});

test.describe("accessibility of /suivi and the receipt", () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "axe runs inside the page");
  for (const lng of ["fr", "en"] as const) {
    test(`/suivi, its answers and the receipt pass axe (${lng})`, async ({ page }) => {
      await page.goto(`/suivi?lng=${lng}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
      await expectNoA11yViolations(page);
      await page.locator("main button[type=submit]").click();
      await expect(page.getByRole("alert").first()).toBeVisible();
      await expectNoA11yViolations(page);
      await page.locator("#reference").fill(accepted.reference);
      await page.locator("#code").fill("AAAAA-AAAAA");
      await page.locator("main button[type=submit]").click();
      await expect(page.locator(".notice--error")).toBeVisible();
      await expectNoA11yViolations(page);
      await page.locator("#code").fill(accepted.trackingCode);
      await page.locator("main button[type=submit]").click();
      await expect(page.locator("[data-status]")).toBeVisible();
      await expectNoA11yViolations(page);

      await signInAs(page, demoAccount("citizen").identifier);
      await expect(page).toHaveURL(/\/mon-espace/);
      for (const path of ["recepisse", "confirmation", "code-de-suivi"]) {
        await page.goto(`/mon-espace/dossiers/${accepted.reference}/${path}`);
        await expect(page.locator("html")).toHaveAttribute("lang", lng);
        await expectNoA11yViolations(page);
      }
    });
  }
});
