import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, type BrowserContext, type Page } from "@playwright/test";
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from "../db/seed/accounts";
import { parseIdentifier } from "../app/domain/account";
import { E2E_ORIGIN } from "./fixtures";

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

/** Where the setup project (auth.setup.ts) keeps the cookies of a demo account's session. */
export function stateFileFor(identifier: string): string {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), "..", ".cache", "e2e-auth");
  mkdirSync(dir, { recursive: true });
  return resolve(dir, `${identifier.replace(/[^a-z0-9]+/gi, "_")}.json`);
}

/** The session cookies the setup project kept for a demo account, or null for any other account. */
export function storedSessionOf(identifier: string): { cookies: Parameters<BrowserContext["addCookies"]>[0] } | null {
  if (!DEMO_ACCOUNTS.some((a) => (a.email ?? a.phone) === identifier)) return null;
  const file = stateFileFor(identifier);
  if (!existsSync(file)) throw new Error(`no stored session for ${identifier}: run the "setup" project first`);
  return JSON.parse(readFileSync(file, "utf8"));
}

/**
 * Be signed in as a demo account without the form (the session the setup project opened), then
 * open its home page, as signing in does. Other accounts go through the form. The sign-in form itself is
 * tested in auth.spec.ts.
 */
export async function signInAs(page: Page, identifier: string, options: { lng?: "fr" | "en" } = {}) {
  const stored = storedSessionOf(identifier);
  if (!stored) return signIn(page, identifier, DEMO_PASSWORD, options.lng ? `/connexion?lng=${options.lng}` : "/connexion");
  await page.context().addCookies(stored.cookies);
  const home = homePathOf(identifier);
  await page.goto(options.lng ? `${home}?lng=${options.lng}` : home);
}

/** The page a demo account lands on after signing in (homePathFor in app/utils/auth.server.ts). */
export function homePathOf(identifier: string): string {
  const account = DEMO_ACCOUNTS.find((a) => (a.email ?? a.phone) === identifier);
  return account ? HOME_BY_ROLE[account.role] : "/mon-espace";
}

const HOME_BY_ROLE: Record<(typeof DEMO_ACCOUNTS)[number]["role"], string> = {
  citizen: "/mon-espace",
  agent: "/agent",
  supervisor: "/agent",
  operator: "/reseau",
  admin: "/admin",
};

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

/** The session the e2e factory answers with, put in the page's browser context. */
export async function adoptFactorySession(page: Page, session: { name: string; value: string }) {
  await page.context().addCookies([{ ...session, domain: "localhost", path: "/", httpOnly: true, sameSite: "Lax", secure: session.name.startsWith("__Host-") }]);
}

/**
 * A new citizen (an e-mail account), signed in in `page`, on Mon espace: made by the e2e factory
 * (POST /dev/fabrique) for the specs that need an account but do not test signing up — that is
 * auth.spec.ts, through the form and the message's link.
 */
export async function newCitizen(page: Page, fullName: string): Promise<{ email: string; password: string }> {
  const response = await page.request.post("/dev/fabrique", { form: { nom: fullName }, headers: { Origin: E2E_ORIGIN } });
  expect(response.status(), await response.text()).toBe(200);
  const { email, password, session } = (await response.json()) as { email: string; password: string; session: { name: string; value: string } };
  await adoptFactorySession(page, session);
  await page.goto("/mon-espace");
  return { email, password };
}

/** A new account, as a person makes it: the form, then the link of the message, then "Activer mon compte". */
export async function signUp(page: Page, account: { fullName: string; identifier: string; password: string }) {
  await requestSignUp(page, account);
  await expect(page.getByRole("heading", { level: 1, name: "Vérifiez vos messages" })).toBeVisible();
  await page.goto(await linkSentTo(page, account.identifier, /inscription\/confirmer/));
  await page.getByRole("button", { name: "Activer mon compte" }).click();
}
