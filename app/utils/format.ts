import type { Locale } from "~/domain/constants";

/** fr → fr-TG (Togo), en → en-GB style dates with the same time zone. */
const INTL_LOCALE: Record<Locale, string> = { fr: "fr-TG", en: "en-GB" };
/** Togo is on UTC all year. */
export const TIME_ZONE = "Africa/Lome";

/**
 * Intl formatters are built once per locale and style: building one costs ~0.7 ms, and a page
 * such as the status page formats a hundred dates (measured with `npm run bench`).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

export function formatDate(value: Date | string, locale: Locale, style: "long" | "short" = "long"): string {
  return cached(`date:${locale}:${style}`, () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: style, timeZone: TIME_ZONE })).format(
    new Date(value),
  );
}

export function formatDateTime(value: Date | string, locale: Locale): string {
  return cached(
    `datetime:${locale}`,
    () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { dateStyle: "long", timeStyle: "short", timeZone: TIME_ZONE }),
  ).format(new Date(value));
}

export function formatNumber(value: number, locale: Locale): string {
  return cached(`number:${locale}`, () => new Intl.NumberFormat(INTL_LOCALE[locale])).format(value);
}

/** An amount in FCFA (XOF, no minor unit): "5 000 FCFA". */
export function formatFcfa(amount: number, locale: Locale): string {
  return `${formatNumber(Math.round(amount), locale)}\u00a0FCFA`;
}
