import { demoAccount, signInAs } from "./accounts";
import { uniqueSuffix } from "./admin";
import { clickAndWait, expect, test } from "./fixtures";

/**
 * Monitoring tokens and the audit log: a token is shown once, lets a probe in, and is refused at
 * once when revoked; the log (page and CSV) shows both changes with the administrator as author.
 */
test("a monitoring token: shown once, accepted, revoked, refused at once, and journaled", async ({ page }) => {
  test.setTimeout(120_000);
  const admin = demoAccount("admin");
  await signInAs(page, admin.identifier);
  await page.goto("/admin/jetons");
  await expect(page.getByRole("heading", { level: 1, name: "Jetons de supervision" })).toBeVisible();

  const name = `sonde-e2e-${uniqueSuffix()}`;
  await page.getByLabel("Nom du jeton").fill(name);
  await clickAndWait(page, "Créer le jeton");
  const notice = page.getByRole("status").filter({ hasText: `Le jeton « ${name} » est créé.` });
  await expect(notice).toContainText("il ne sera plus jamais affiché");
  const token = (await notice.locator("code").first().textContent())!.trim();
  expect(token).toMatch(/^gmt_\S{20,}$/);
  await expect(notice).toContainText(`Authorization: Bearer ${token}`);
  expect(page.url()).not.toContain(token);

  // Loading the page again does not show it.
  await page.goto("/admin/jetons");
  await expect(page.getByText(token)).toHaveCount(0);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Actif");

  // An empty batch: accepted, and nothing of the shared demo data changes.
  const heartbeat = () =>
    page.request.post("/api/v1/sites/heartbeats", {
      headers: { Authorization: `Bearer ${token}` },
      data: { samples: [] },
    });
  expect((await heartbeat()).status()).toBe(200);

  await clickAndWait(page, `Révoquer le jeton ${name}`);
  await expect(page.getByText(`Révoquer le jeton « ${name} » ? Les sondes qui l'utilisent seront refusées immédiatement.`)).toBeVisible();
  await clickAndWait(page, "Oui, révoquer le jeton");
  await expect(page.getByRole("status")).toContainText(`Le jeton « ${name} » est révoqué`);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Révoqué le");
  expect((await heartbeat()).status()).toBe(401);

  // The journal, filtered on the tokens' actions and this token.
  await page.goto("/admin/journal");
  await page.getByLabel("Action").selectOption({ label: "Jetons de supervision (toutes)" });
  await page.getByLabel("Auteur").fill(admin.identifier);
  await clickAndWait(page, "Filtrer");
  const rows = page.getByRole("row").filter({ hasText: name });
  await expect(rows.filter({ hasText: "Jeton de supervision créé" })).toContainText(admin.fullName);
  await expect(rows.filter({ hasText: "Jeton de supervision révoqué" })).toContainText(admin.fullName);

  const href = await page.getByRole("link", { name: "Télécharger en CSV" }).getAttribute("href");
  expect(href).toContain("action=monitoring_token.*");
  const csv = await page.request.get(href!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await csv.body());
  expect(text.startsWith("\uFEFFDate (UTC);Auteur;Code de l'action;Action;Résultat;")).toBe(true);
  const lines = text.split("\r\n").filter((line) => line.includes(name));
  expect(lines.some((line) => line.includes("monitoring_token.create") && line.includes(admin.fullName))).toBe(true);
  expect(lines.some((line) => line.includes("monitoring_token.revoke") && line.includes(admin.fullName))).toBe(true);
  expect(text).not.toContain(token);
});

test("the journal ignores an invalid filter and says so", async ({ page }) => {
  await signInAs(page, demoAccount("admin").identifier);
  await page.goto("/admin/journal?du=31/02/2026&resultat=refused");
  await expect(page.getByText("Certains filtres ont été ignorés")).toBeVisible();
  await expect(page.getByText("la date de début n'est pas une date")).toBeVisible();
  await expect(page.getByLabel("Résultat")).toHaveValue("refused");
});
