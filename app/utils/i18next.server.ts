import { resolve } from "node:path";
import { createCookie } from "@remix-run/node";
import Backend from "i18next-fs-backend";
import { RemixI18Next } from "remix-i18next/server";
import { i18nConfig } from "./i18n";

export const LOCALES_DIR = resolve(process.cwd(), "locales");

/** Remembers the language chosen with ?lng= (a year; not a secret, readable by the page). */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: i18nConfig.supportedLngs,
    fallbackLanguage: i18nConfig.fallbackLng,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { ...i18nConfig, backend: { loadPath: resolve(LOCALES_DIR, "{{lng}}/{{ns}}.json") } },
  plugins: [Backend],
});
