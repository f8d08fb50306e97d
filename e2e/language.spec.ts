import { expect, test } from "./fixtures";

test.describe("French and English", () => {
  test("French by default; the language switch works, is remembered, and <html lang> follows", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("link", { name: "Aller au contenu principal" })).toBeAttached();

    await page.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/lng=en/);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("link", { name: "Skip to main content" })).toBeAttached();

    // Remembered by a cookie on the next page, without ?lng.
    await page.goto("/connexion");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();

    await page.getByRole("link", { name: "Français" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1, name: "Se connecter" })).toBeVisible();
  });

  test("the browser's Accept-Language chooses English when nothing else is set", async ({ browser, clientIp }) => {
    const context = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "X-Forwarded-For": clientIp, "Accept-Language": "en-GB,en;q=0.9" } });
    const page = await context.newPage();
    await page.goto("/inscription");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1, name: "Create an account" })).toBeVisible();
    await context.close();
  });

  test("form errors come in the page's language", async ({ page }) => {
    await page.goto("/inscription?lng=en");
    await page.getByRole("button", { name: "Create my account" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  });
});
