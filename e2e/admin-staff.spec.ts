import type { Locator, Page } from "@playwright/test";
import { signIn, signInAs, uniqueEmail } from "./accounts";
import { uniqueSuffix } from "./admin";
import { clickAndWait } from "./fixtures";
import { expect, STAFF, test } from "./staff";

/**
 * Staff accounts (/admin/comptes), in the three projects: an administrator invites a new agent,
 * the agent accepts the invitation in a browser of their own, the administrator sees the session,
 * changes the role, disables the account. Only accounts created here are changed.
 */

const AGENT_PASSWORD = "la pirogue de Aného au matin";
const OFFICE_NAME = "Greffe du tribunal de première instance de Lomé";

async function invite(admin: Page, fullName: string, identifier: { email?: string; phone?: string }, role: "Agent" | "Superviseur" = "Agent") {
  await admin.goto("/admin/comptes");
  await admin.getByRole("link", { name: "Inviter un agent" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Inviter un agent" })).toBeVisible();
  await admin.getByLabel("Nom et prénoms").fill(fullName);
  if (identifier.email) await admin.getByLabel("Adresse e-mail professionnelle").fill(identifier.email);
  if (identifier.phone) await admin.getByLabel("Numéro de téléphone mobile").fill(identifier.phone);
  await admin.getByRole("radio", { name: role, exact: true }).check();
  await admin.getByRole("checkbox", { name: /\(TPI-LOM\)/ }).check();
  await clickAndWait(admin, "Envoyer l'invitation");
  await expect(admin.getByText("L'invitation est envoyée.")).toBeVisible();
  await expect(admin).toHaveURL(/\/admin\/comptes\/[0-9a-f-]{36}\?fait=invite$/);
  return admin.url().replace(/\?.*$/, "");
}

async function invitationLink(page: Page, recipient: string): Promise<string> {
  let url: string | null = null;
  await expect(async () => {
    await page.goto("/dev/boite-d-envoi");
    const row = page.getByRole("row").filter({ hasText: recipient });
    url = await row.getByRole("link", { name: /mot-de-passe\/nouveau/ }).first().getAttribute("href", { timeout: 1_000 });
    expect(url).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  return url!;
}

/**
 * Follow a link or press a button from the keyboard. On the 360 px phone, pointer clicks on the
 * account page land on the roles section above (the wide office select); the keyboard does not aim.
 */
async function activate(control: Locator) {
  await control.focus();
  await Promise.all([control.page().waitForLoadState("load"), control.press("Enter")]);
}

type NewPage = () => Promise<Page>;

const pageTest = test.extend<{ newPage: NewPage }>({
  newPage: async ({ browser, javaScriptEnabled, viewport, isMobile, hasTouch, extraHTTPHeaders, baseURL, locale }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async () => {
      const context = await browser.newContext({ javaScriptEnabled, viewport, isMobile, hasTouch, extraHTTPHeaders, baseURL, locale });
      contexts.push(context);
      return context.newPage();
    });
    for (const context of contexts) await context.close();
  },
});

/** Accept the invitation in a new browser, then sign in there: the agent's page. */
async function accept(newPage: NewPage, link: string, identifier: string): Promise<Page> {
  const agent = await newPage();
  await agent.goto(link);
  await expect(agent.getByRole("heading", { level: 1, name: "Bienvenue sur Guichet" })).toBeVisible();
  await expect(agent.getByText("Choisissez votre mot de passe").first()).toBeVisible();
  await agent.getByLabel("Nouveau mot de passe").fill(AGENT_PASSWORD);
  await agent.getByLabel("Confirmez le mot de passe").fill(AGENT_PASSWORD);
  await clickAndWait(agent, "Activer mon compte");
  await expect(agent.getByRole("heading", { level: 1, name: "Votre compte est prêt" })).toBeVisible();
  await signIn(agent, identifier, AGENT_PASSWORD);
  await expect(agent).toHaveURL(/\/agent$/);
  return agent;
}

pageTest.describe("staff accounts", () => {
  // Two browsers, several sign-ins (argon2) and the outbox worker: slow on a busy test machine.
  pageTest.describe.configure({ timeout: 240_000 });

  pageTest("an invited agent sets a password, works at TPI-LOM, then is disabled and signed out at once", async ({ page, newPage }) => {
    await signInAs(page, STAFF.admin);
    const email = uniqueEmail("agent");
    const accountUrl = await invite(page, `Agent Invité ${uniqueSuffix()}`, { email });
    await expect(page.getByText("Invitation en attente").first()).toBeVisible();

    const agent = await accept(newPage, await invitationLink(page, email), email);
    await expect(agent.getByText(OFFICE_NAME).first()).toBeVisible();

    await page.goto(accountUrl);
    await expect(page.getByText("Actif", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: /^Fermer la session/ })).toHaveCount(1);

    await activate(page.getByRole("link", { name: "Désactiver le compte" }));
    await expect(page.getByRole("button", { name: "Confirmer la désactivation" })).toBeVisible();
    await activate(page.getByRole("button", { name: "Confirmer la désactivation" }));
    await expect(page.getByText("Le compte est désactivé et ses sessions sont fermées.")).toBeVisible();
    await expect(page.getByText("Aucune session active.")).toBeVisible();

    await agent.goto("/agent");
    await expect(agent).toHaveURL(/\/connexion/);
  });

  pageTest("an invitation by SMS reaches the outbox", async ({ page }) => {
    await signInAs(page, STAFF.admin);
    const digits = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
    await invite(page, `Superviseur Invité ${uniqueSuffix()}`, { phone: `97 ${digits}` }, "Superviseur");
    await invitationLink(page, `+22897${digits}`);
  });

  pageTest("a role changed to supervisor shows the statistics in the agent's header", async ({ page, newPage }) => {
    await signInAs(page, STAFF.admin);
    const email = uniqueEmail("agent");
    const accountUrl = await invite(page, `Agent Promu ${uniqueSuffix()}`, { email });
    const agent = await accept(newPage, await invitationLink(page, email), email);
    await expect(agent.getByRole("navigation").getByRole("link", { name: "Statistiques" })).toHaveCount(0);

    await page.goto(accountUrl);
    await activate(page.getByRole("button", { name: /^Nommer superviseur/ }));
    await expect(page.getByText("Les rôles sont enregistrés.")).toBeVisible();
    await expect(page.getByRole("button", { name: /^Repasser agent/ })).toBeVisible();

    await agent.goto("/agent");
    await expect(agent.getByRole("navigation").getByRole("link", { name: "Statistiques" })).toBeVisible();
  });
});
