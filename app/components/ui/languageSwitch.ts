import type { Locale } from "~/domain/constants";
import { samePagePath } from "~/domain/redirect";

/** The other language of the portal (there are two). */
export function otherLocale(locale: Locale): Locale {
  return locale === "fr" ? "en" : "fr";
}

/**
 * The current page in another language: same path, same query (search terms, page…), with
 * `lng` set. A plain link, so the switch works without JavaScript; the root loader stores the
 * choice in a cookie.
 */
export function languageHref(pathname: string, search: string, lng: Locale): string {
  const params = new URLSearchParams(search);
  params.set("lng", lng);
  return `${samePagePath(pathname)}?${params.toString()}`;
}
