import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { toLocale } from "~/utils/i18n";
import { languageHref, otherLocale } from "./languageSwitch";

/** A plain link to this page in the other language: works without JavaScript. */
export function LanguageSwitch() {
  const { i18n } = useTranslation("common");
  const { pathname, search } = useLocation();
  const target = otherLocale(toLocale(i18n.language));
  // The link names the language in that language, as the reader of that language expects.
  const name = target === "en" ? "English" : "Français";
  return (
    // A full page load: the whole page, <html lang> included, comes back in the new language.
    <a className="language-switch" href={languageHref(pathname, search, target)} hrefLang={target} lang={target}>
      {name}
    </a>
  );
}
