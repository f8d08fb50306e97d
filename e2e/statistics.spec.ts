import { readFile } from "node:fs/promises";
import { defaultPeriod, weeksOf } from "../app/domain/statistics";
import { demoAccount, signInAs } from "./accounts";
import { expect, expectNoA11yViolations, test } from "./fixtures";

// The statistics of an office, for its head (chef.lome, TPI-LOM). Other specs file and decide
// cases at TPI-LOM while this one runs: the figures are checked for their shape, not their value
// (exact figures are checked by app/services/statistics.integration.test.ts).

const CSV_HEADER =
  "Bureau;Démarche;Reçus;Décidés;En cours aujourd'hui;Délai médian (jours);Délai 90e centile (jours);Décidés dans le délai cible (%);Coupures de liaison du bureau (heures);Du;Au";

test.describe("statistics of an office", () => {
  test("the head of office sees the figures by procedure and by week, as charts and tables, and downloads them", async ({ page }) => {
    await signInAs(page, demoAccount("supervisor").identifier);
    await page.waitForURL(/\/agent/);
    await page.goto("/demarches");
    await page.getByRole("navigation").getByRole("link", { name: "Statistiques" }).click();
    await expect(page).toHaveURL(/\/agent\/statistiques$/);
    await expect(page.getByRole("heading", { level: 1, name: "Statistiques" })).toBeVisible();
    await expect(page.getByText("Tribunal de première instance de Lomé").first()).toBeVisible();
    // The last 90 days by default.
    await expect(page.getByText(/\(90 jours\)/)).toBeVisible();

    const byProcedure = page.getByRole("table", { name: "Chiffres par démarche" });
    await expect(byProcedure.getByRole("rowheader", { name: /Extrait de casier judiciaire/ })).toBeVisible();
    await expect(byProcedure.getByRole("rowheader", { name: "Toutes les démarches" })).toBeVisible();
    await expect(byProcedure.getByRole("columnheader", { name: "Délai 90ᵉ centile" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Dossiers reçus et décidés par démarche" })).toBeVisible();
    await expect(page.getByRole("img", { name: "Dossiers reçus et décidés par semaine" })).toBeVisible();
    await expect(page.getByRole("table", { name: "Dossiers reçus et décidés par semaine" }).getByRole("row")).toHaveCount(1 + weeksOf(defaultPeriod(new Date())).length);
    await expect(page.getByRole("heading", { name: "Comment ces chiffres sont calculés" })).toBeVisible();

    // Another period, through the form.
    await page.getByLabel("Du", { exact: true }).fill("01/01/2026");
    await page.getByLabel("Au", { exact: true }).fill("31/01/2026");
    await page.getByRole("button", { name: "Afficher les chiffres" }).click();
    await expect(page).toHaveURL(/from=01%2F01%2F2026&to=31%2F01%2F2026/);
    await expect(page.getByText("Du 1 janvier 2026 au 31 janvier 2026 (31 jours)")).toBeVisible();

    await page.goto("/agent/statistiques");
    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Télécharger ces chiffres (CSV pour tableur)" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^statistiques-TPI-LOM-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").split("\r\n");
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines.some((line) => /;"?Extrait de casier judiciaire/.test(line))).toBe(true);
    expect(lines.filter(Boolean).at(-1)).toMatch(/;Toutes les démarches;\d+;\d+;\d+;/);
  });

  test("a period that does not hold is explained, with the dates kept", async ({ page }) => {
    await signInAs(page, demoAccount("supervisor").identifier);
    await page.waitForURL(/\/agent/);
    await page.goto("/agent/statistiques?from=2026-10-31&to=2026-10-01");
    await expect(page).toHaveTitle(/^Erreur : Statistiques/);
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("La date de début doit être le même jour que la date de fin ou avant");
    await expect(page.getByLabel("Du", { exact: true })).toHaveValue("2026-10-31");
    await expect(page.getByRole("table", { name: "Chiffres par démarche" })).toHaveCount(0);
    const csv = await page.request.get("/agent/statistiques.csv?from=2026-10-31&to=2026-10-01");
    expect(csv.status()).toBe(400);
  });

  test("an agent of the office gets a page not found, and no link", async ({ page }) => {
    await signInAs(page, demoAccount("agent").identifier);
    await page.waitForURL(/\/agent/);
    await page.goto("/demarches");
    await expect(page.getByRole("navigation").getByRole("link", { name: "Bureau" })).toBeVisible();
    await expect(page.getByRole("navigation").getByRole("link", { name: "Statistiques" })).toHaveCount(0);
    expect((await page.goto("/agent/statistiques"))?.status()).toBe(404);
    expect((await page.request.get("/agent/statistiques.csv")).status()).toBe(404);
  });

  test("a head of office cannot see another office's figures", async ({ page }) => {
    await signInAs(page, demoAccount("supervisor").identifier);
    await page.waitForURL(/\/agent/);
    expect((await page.goto("/agent/statistiques?bureau=TPI-KAR"))?.status()).toBe(404);
  });

  for (const lng of ["fr", "en"] as const) {
    test(`the statistics page passes axe (${lng})`, async ({ page, javaScriptEnabled }) => {
      test.skip(!javaScriptEnabled, "axe runs inside the page");
      await signInAs(page, demoAccount("supervisor").identifier, { lng });
      await page.waitForURL(/\/agent/);
      await page.goto("/agent/statistiques");
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
      await expect(page.getByRole("img").first()).toBeVisible();
      await expectNoA11yViolations(page);
      await page.goto("/agent/statistiques?from=2026-10-31&to=nope");
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoA11yViolations(page);
    });
  }
});
