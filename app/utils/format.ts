import type { Locale } from "~/domain/constants";

/** fr → fr-TG (Togo), en → en-GB style dates with the same time zone. */
const INTL_LOCALE: Record<Locale, string> = { fr: "fr-TG", en: "en-GB" };
/** Togo is on UTC all year. */
export const TIME_ZONE = "Africa/Lome";

export function formatDate(value: Date | string, locale: Locale, style: "long" | "short" = "long"): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: style, timeZone: TIME_ZONE }).format(new Date(value));
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }).format(new Date(value));
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale]).format(value);
}

/** An amount in FCFA (XOF, no minor unit): "5 000 FCFA". */
export function formatFcfa(amount: number, locale: Locale): string {
  return `${formatNumber(Math.round(amount), locale)}\u00a0FCFA`;
}
