import { LOCALES, type Locale } from "~/domain/constants";

/** Shared i18next options (server and browser). French is the source language. */
export const i18nConfig = {
  supportedLngs: [...LOCALES] as string[],
  fallbackLng: "fr" satisfies Locale,
  defaultNS: "common",
  ns: ["common"],
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
};

export function toLocale(lng: string | undefined | null): Locale {
  return lng === "en" ? "en" : "fr";
}
