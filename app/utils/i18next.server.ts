import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createCookie } from "@remix-run/node";
import type { Resource } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { LOCALES } from "~/domain/constants";
import { i18nConfig } from "./i18n";

export const LOCALES_DIR = resolve(process.cwd(), "locales");

/** Remembers the language chosen with ?lng= (a year; not a secret, readable by the page). */
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/**
 * Every translation file, read once. Each request creates its own i18next instance (the
 * language is per request); giving it the resources in memory instead of a file backend saves
 * reading and parsing JSON files on every request. In development the files are read again
 * on each request so that edits show at once.
 */
function readAllResources(): Resource {
  const resources: Resource = {};
  for (const lng of LOCALES) {
    resources[lng] = {};
    for (const file of readdirSync(resolve(LOCALES_DIR, lng))) {
      if (!file.endsWith(".json")) continue;
      resources[lng]![file.slice(0, -".json".length)] = JSON.parse(readFileSync(resolve(LOCALES_DIR, lng, file), "utf8"));
    }
  }
  return resources;
}

const cachedResources = process.env.NODE_ENV === "production" ? readAllResources() : null;

export function translationResources(): Resource {
  return cachedResources ?? readAllResources();
}

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: i18nConfig.supportedLngs,
    fallbackLanguage: i18nConfig.fallbackLng,
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
  },
  get i18next() {
    return { ...i18nConfig, resources: translationResources() };
  },
});
