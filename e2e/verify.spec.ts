import { clickAndWait, expect, test } from "./fixtures";

test.describe("/verifier", () => {
  test("an unknown code answers 404 with a plain explanation", async ({ page }) => {
    const response = await page.goto("/verifier/ZZZZZ-ZZZZZ");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Document introuvable" })).toBeVisible();
    await expect(page.getByText("Le code ZZZZZ-ZZZZZ ne correspond à aucun document délivré par le Guichet.")).toBeVisible();

    await page.goto("/verifier/ZZZZZ-ZZZZZ?lng=en");
    await expect(page.getByRole("heading", { level: 1, name: "Document not found" })).toBeVisible();
  });

  test("the form explains a missing or malformed code and sends a good one to its page", async ({ page }) => {
    await page.goto("/verifier");
    await expect(page.getByRole("heading", { level: 1, name: "Vérifier un document" })).toBeVisible();
    await clickAndWait(page, "Vérifier");
    await expect(page.getByRole("alert").getByRole("link", { name: "Saisissez le code de vérification" })).toBeVisible();

    await page.getByLabel("Code de vérification").fill("abc");
    await clickAndWait(page, "Vérifier");
    await expect(page.getByRole("alert").getByRole("link", { name: /comporte 10 lettres ou chiffres/ })).toBeVisible();
    await expect(page.getByLabel("Code de vérification")).toHaveValue("abc");

    // Typed in lower case with spaces, O for 0: the code is read all the same.
    await page.getByLabel("Code de vérification").fill("zzzzz zzzzo");
    await clickAndWait(page, "Vérifier");
    await expect(page).toHaveURL(/\/verifier\/ZZZZZ-ZZZZ0$/);
    await expect(page.getByRole("heading", { level: 1, name: "Document introuvable" })).toBeVisible();

    await page.goto("/verifier?lng=en");
    await expect(page.getByRole("heading", { level: 1, name: "Check a document" })).toBeVisible();
  });

  test("look-ups are limited per address", async ({ page }) => {
    for (let i = 0; i < 30; i++) {
      const response = await page.request.get(`/verifier/ZZZZZ-ZZZZ${i % 10}`);
      expect(response.status()).toBe(404);
    }
    const response = await page.goto("/verifier/ZZZZZ-ZZZZZ");
    expect(response?.status()).toBe(429);
    expect(response?.headers()["retry-after"]).toBeTruthy();
    await expect(page.getByRole("heading", { level: 1, name: "Trop de vérifications" })).toBeVisible();
  });
});
