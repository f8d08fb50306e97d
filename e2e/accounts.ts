import { expect, type Page } from "@playwright/test";
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "../db/seed/accounts";
import { parseIdentifier } from "../app/domain/account";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;

export function demoAccount(role: (typeof DEMO_ACCOUNTS)[number]["role"]) {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role);
  if (!account) throw new Error(`no demo account for ${role}`);
  return { ...account, identifier: account.email ?? account.phone ?? "" };
}

/** A new, unique identifier for accounts created by a test. */
export function uniqueEmail(prefix = "usager"): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}@exemple.tg`;
}

const SIGN_IN_LABELS = {
  fr: { identifier: "Adresse e-mail ou numéro de téléphone mobile", password: "Mot de passe", submit: "Se connecter" },
  en: { identifier: "E-mail address or mobile phone number", password: "Password", submit: "Sign in" },
};

export async function signIn(page: Page, identifier: string, password = DEMO_PASSWORD, path = "/connexion") {
  await page.goto(path);
  const labels = SIGN_IN_LABELS[(await page.locator("html").getAttribute("lang")) === "en" ? "en" : "fr"];
  await page.getByLabel(labels.identifier).fill(identifier);
  await page.getByLabel(labels.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: labels.submit }).click();
}

/** Fill and send the sign-up form; the page answers "Vérifiez vos messages" (decision 013). */
export async function requestSignUp(page: Page, { fullName, identifier, password }: { fullName: string; identifier: string; password: string }) {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénoms").fill(fullName);
  await page.getByLabel("Adresse e-mail ou numéro de téléphone mobile").fill(identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByLabel("Confirmez le mot de passe").fill(password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
}

/**
 * The newest link matching `pattern` in the messages sent to `identifier`, read from the
 * development outbox (the worker renders a message within a second or two).
 */
export async function linkSentTo(page: Page, identifier: string, pattern: RegExp): Promise<string> {
  const parsed = parseIdentifier(identifier);
  const recipient = parsed.ok ? parsed.identifier.value : identifier;
  let href: string | null = null;
  await expect(async () => {
    await page.goto(`/dev/boite-d-envoi?${new URLSearchParams({ destinataire: recipient })}`);
    href = await page.getByRole("link", { name: pattern }).first().getAttribute("href", { timeout: 1_000 });
    expect(href).toBeTruthy();
  }).toPass({ timeout: 15_000 });
  return href!;
}

/** A new account, as a person makes it: the form, then the link of the message, then "Activer mon compte". */
export async function signUp(page: Page, account: { fullName: string; identifier: string; password: string }) {
  await requestSignUp(page, account);
  await expect(page.getByRole("heading", { level: 1, name: "Vérifiez vos messages" })).toBeVisible();
  await page.goto(await linkSentTo(page, account.identifier, /inscription\/confirmer/));
  await page.getByRole("button", { name: "Activer mon compte" }).click();
}
