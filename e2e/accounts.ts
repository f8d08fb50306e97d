import type { Page } from "@playwright/test";
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "../db/seed/accounts";

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

export async function signUp(page: Page, { fullName, identifier, password }: { fullName: string; identifier: string; password: string }) {
  await page.goto("/inscription");
  await page.getByLabel("Nom et prénoms").fill(fullName);
  await page.getByLabel("Adresse e-mail ou numéro de téléphone mobile").fill(identifier);
  await page.getByLabel("Mot de passe", { exact: true }).fill(password);
  await page.getByLabel("Confirmez le mot de passe").fill(password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
}
