import type { Page } from "@playwright/test";
import { signInAs } from "./accounts";
import { clickAndWait, expectNoA11yViolations } from "./fixtures";
import { expect, fileCaseAtLome, STAFF, STAFF_NAMES, test } from "./staff";

/**
 * The agent inbox /agent (JS on and off): a case a new citizen just filed at TPI-LOM is found
 * in "Nouveaux" by its reference typed loosely, taken in bulk, and moves to "Mes dossiers"; the
 * Kara agent never sees it; citizens and operators get a 404; the CSV export; axe in fr and en.
 */

async function search(page: Page, typed: string) {
  await page.getByRole("searchbox", { name: "Rechercher" }).fill(typed);
  await clickAndWait(page, "Appliquer");
}

function caseRow(page: Page, reference: string) {
  return page.getByRole("row").filter({ hasText: reference });
}

test("a new case shows in Nouveaux, is taken in bulk and moves to Mes dossiers; Kara never sees it", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "extrait-casier-judiciaire", "Akossiwa Dossou");

  const agent = await signedIn(STAFF.agent);
  await agent.goto("/agent");
  await expect(agent.getByRole("heading", { level: 1, name: /Dossiers à traiter/ })).toBeVisible();
  await expect(agent.getByText("Liaison du bureau :")).toBeVisible();
  await expect(agent.getByRole("link", { name: /^Nouveaux \(/ })).toHaveAttribute("aria-current", "page");
  // Typed as people do: lower case, spaces instead of dashes.
  await search(agent, reference.toLowerCase().replace(/-/g, " "));
  await expect(agent.getByText(`Recherche de la référence ${reference}`)).toBeVisible();
  const row = caseRow(agent, reference);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Akossiwa Dossou");
  await expect(row).toContainText("Déposé");
  await expect(row).toContainText("Personne");
  await expect(row.getByRole("link", { name: reference })).toHaveAttribute("href", `/agent/dossiers/${reference}`);

  // By name too, from the same tab, filed today (typed jj/mm/aaaa).
  const today = new Date().toISOString().slice(0, 10).split("-").reverse().join("/");
  await agent.getByLabel("Déposé à partir du").fill(today);
  await search(agent, "akossiwa dossou");
  await expect(caseRow(agent, reference)).toHaveCount(1);
  await expect(agent.getByLabel("Déposé à partir du")).toHaveValue(today);
  await agent.getByLabel("Déposé à partir du").fill("31/02/2026");
  await search(agent, "akossiwa dossou");
  await expect(agent.getByText("Date non reconnue")).toBeVisible();
  await agent.getByLabel("Déposé à partir du").fill("");

  await search(agent, reference);
  await caseRow(agent, reference).getByRole("checkbox", { name: `Choisir le dossier ${reference}` }).check();
  await expect(agent.getByLabel("Attribuer à")).toHaveValue("me");
  await clickAndWait(agent, "Attribuer");
  await expect(agent.getByRole("status").filter({ hasText: `1 dossier attribué : ${reference}.` })).toBeVisible();

  // Gone from Nouveaux, in Mes dossiers, assigned to the agent.
  await agent.goto(`/agent?q=${encodeURIComponent(reference)}`);
  await expect(caseRow(agent, reference)).toHaveCount(0);
  await expect(agent.getByText("Aucun dossier ne correspond à la recherche et aux filtres.")).toBeVisible();
  await Promise.all([agent.waitForLoadState("load"), agent.getByRole("link", { name: /^Mes dossiers \(/ }).click()]);
  await expect(agent.getByRole("link", { name: /^Mes dossiers \(/ })).toHaveAttribute("aria-current", "page");
  const mine = caseRow(agent, reference);
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText("En instruction");
  await expect(mine).not.toContainText("Personne");

  // Taking it twice: the failure is listed with its reason.
  await mine.getByRole("checkbox").check();
  await clickAndWait(agent, "Attribuer");
  await expect(agent.getByText("Certains dossiers n'ont pas été attribués")).toBeVisible();
  await expect(agent.getByText(new RegExp(`${reference} : `))).toBeVisible();

  // The CSV export of the filtered list.
  const csv = await agent.request.get(`/agent/export.csv?onglet=mes-dossiers&q=${encodeURIComponent(reference)}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="dossiers-mes-dossiers-/);
  const body = await csv.body();
  expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = body.toString("utf8").slice(1).split("\r\n").filter(Boolean);
  expect(lines[0]).toMatch(/^Référence;Démarche;Demandeur;/);
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(reference);

  // The Kara agent: another office, never listed, even searched for.
  const kara = await signedIn(STAFF.karaAgent);
  for (const tab of ["", "&onglet=mes-dossiers", "&onglet=termines"]) {
    await kara.goto(`/agent?q=${encodeURIComponent(reference)}${tab}`);
    await expect(kara.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(caseRow(kara, reference)).toHaveCount(0);
  }
  const karaCsv = await kara.request.get(`/agent/export.csv?onglet=mes-dossiers&q=${encodeURIComponent(reference)}`);
  expect((await karaCsv.text()).includes(reference)).toBe(false);
});

test("the head of office assigns a new case to a colleague from the inbox", async ({ page, signedIn }) => {
  test.slow();
  const reference = await fileCaseAtLome(page, "certificat-nationalite", "Kodjo Agbeko");
  const chief = await signedIn(STAFF.supervisor);
  await chief.goto(`/agent?q=${encodeURIComponent(reference)}`);
  await caseRow(chief, reference).getByRole("checkbox", { name: `Choisir le dossier ${reference}` }).check();
  await chief.getByLabel("Attribuer à").selectOption({ label: STAFF_NAMES.agent });
  await clickAndWait(chief, "Attribuer");
  await expect(chief.getByRole("status").filter({ hasText: `1 dossier attribué : ${reference}.` })).toBeVisible();

  const agent = await signedIn(STAFF.agent);
  await agent.goto(`/agent?onglet=mes-dossiers&q=${encodeURIComponent(reference)}`);
  await expect(caseRow(agent, reference)).toContainText(STAFF_NAMES.agent);
  // An agent's select offers only himself.
  await expect(agent.getByLabel("Attribuer à").locator("option")).toHaveCount(1);
});

test("citizens and operators get a 404 on /agent and its export", async ({ page, signedIn }) => {
  await signInAs(page, "citoyen@demo.tg");
  await expect(page).not.toHaveURL(/\/connexion/);
  for (const path of ["/agent", "/agent/export.csv"]) {
    const response = await page.goto(path);
    expect(response?.status(), `${path} for a citizen`).toBe(404);
  }
  const operator = await signedIn(STAFF.operator);
  const response = await operator.goto("/agent");
  expect(response?.status()).toBe(404);
});

test("the inbox passes axe in French and English", async ({ signedIn, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "axe runs in the page: JavaScript on only");
  const agent = await signedIn(STAFF.supervisor);
  await agent.goto("/agent");
  await expect(agent.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoA11yViolations(agent);
  await agent.goto("/agent?onglet=en-retard&lng=en");
  await expect(agent.getByRole("heading", { level: 1, name: /Cases to handle/ })).toBeVisible();
  await expectNoA11yViolations(agent);
  await agent.goto("/agent?onglet=termines&q=zzzz");
  await expectNoA11yViolations(agent);
});
