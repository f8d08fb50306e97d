import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInstance, type i18n as I18n, type Resource } from "i18next";
import { LOCALES, type Locale } from "~/domain/constants";
import { LOCALES_DIR } from "~/utils/i18next.server";
import { PermanentNotificationError, type DeliveryChannel } from "./types";

/**
 * Notification texts are i18n keys in locales/<lng>/notifications.json: one object per template
 * with `subject` and `body` (e-mail, plain text) and `sms` (under 160 GSM characters).
 * Variables come from the row's payload: {{url}}, {{name}}…
 */
export const NOTIFICATIONS_NS = "notifications";
type TemplatePart = "subject" | "body" | "sms";

export interface RenderedNotification {
  subject: string | null;
  text: string;
  html: string | null;
}

let instance: I18n | null = null;

/** A standalone i18next, loaded once from the JSON files (not the request's instance). */
function getI18n(): I18n {
  if (instance) return instance;
  const resources: Resource = {};
  for (const lng of LOCALES) {
    const file = resolve(LOCALES_DIR, lng, `${NOTIFICATIONS_NS}.json`);
    resources[lng] = { [NOTIFICATIONS_NS]: JSON.parse(readFileSync(file, "utf8")) };
  }
  const created = createInstance();
  // With `resources` given and initImmediate off, init is synchronous.
  void created.init({
    resources,
    lng: "fr",
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    ns: [NOTIFICATIONS_NS],
    defaultNS: NOTIFICATIONS_NS,
    initImmediate: false,
    // Plain text out; the HTML version escapes it itself. Variables are never re-interpolated or nested.
    interpolation: { escapeValue: false, skipOnVariables: true },
    returnNull: false,
  });
  instance = created;
  return created;
}

/** Template names present in the French (source) file. */
export function listTemplates(): string[] {
  const fr = getI18n().getResourceBundle("fr", NOTIFICATIONS_NS) as Record<string, unknown>;
  return Object.entries(fr)
    .filter(([, value]) => value !== null && typeof value === "object")
    .map(([name]) => name);
}

function rawText(locale: Locale, template: string, part: TemplatePart): string {
  const value = getI18n().getResource(locale, NOTIFICATIONS_NS, `${template}.${part}`) as unknown;
  if (typeof value !== "string" || value.trim() === "") {
    throw new PermanentNotificationError(`unknown notification template "${template}.${part}" (${locale})`);
  }
  return value;
}

/** Names of the {{variables}} a text uses. */
export function templateVariables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((m) => m[1] as string);
}

function interpolate(locale: Locale, template: string, part: TemplatePart, payload: Record<string, unknown>): string {
  const missing = templateVariables(rawText(locale, template, part)).filter((name) => payload[name] === undefined || payload[name] === null);
  if (missing.length > 0) {
    throw new PermanentNotificationError(`template "${template}" needs ${missing.map((m) => `{{${m}}}`).join(", ")} in its payload`);
  }
  // `replace` keeps payload keys from colliding with i18next's own options (lng, ns…).
  return getI18n().t(`${template}.${part}`, { lng: locale, replace: payload });
}

export function renderNotification(
  template: string,
  locale: Locale,
  channel: DeliveryChannel,
  payload: Record<string, unknown> = {},
): RenderedNotification {
  if (channel === "sms") {
    return { subject: null, text: toGsm7(interpolate(locale, template, "sms", payload)), html: null };
  }
  const subject = interpolate(locale, template, "subject", payload);
  const signature = getI18n().t("signature", { lng: locale });
  const text = `${interpolate(locale, template, "body", payload)}\n\n${signature}`;
  return { subject, text, html: textToHtml(text, subject, locale) };
}

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/** A minimal HTML alternative: paragraphs, line breaks and clickable links, nothing remote. */
export function textToHtml(text: string, title: string, locale: Locale): string {
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => {
      let html = "";
      let last = 0;
      for (const match of paragraph.matchAll(URL_PATTERN)) {
        const url = match[0];
        html += escapeHtml(paragraph.slice(last, match.index));
        html += `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
        last = (match.index ?? 0) + url.length;
      }
      html += escapeHtml(paragraph.slice(last));
      return `<p>${html.replace(/\n/g, "<br>")}</p>`;
    })
    .join("\n");
  return `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>\n<body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:40em">\n${paragraphs}\n</body></html>`;
}

// GSM 03.38: the default alphabet, and the extension table (each costs two characters).
const GSM7_BASIC = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const GSM7_EXTENDED = new Set("^{}\\[~]|€\f");
const GSM7_REPLACEMENTS: Record<string, string> = { "’": "'", "‘": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-", "…": "...", "\u00a0": " ", "\u202f": " ", ç: "c", œ: "oe", Œ: "OE" };

/** Length of a text in GSM-7 septets, or null when it needs UCS-2 (70 characters a segment). */
export function gsm7Length(text: string): number | null {
  let length = 0;
  for (const char of text) {
    if (GSM7_BASIC.has(char)) length += 1;
    else if (GSM7_EXTENDED.has(char)) length += 2;
    else return null;
  }
  return length;
}

/**
 * Keeps an SMS in the GSM alphabet (160 characters a segment instead of 70): typographic quotes
 * and accents the alphabet lacks (ê, ô, ç…) become their plain forms; anything else becomes "?".
 */
export function toGsm7(text: string): string {
  let out = "";
  for (const char of text) {
    if (GSM7_BASIC.has(char) || GSM7_EXTENDED.has(char)) out += char;
    else if (GSM7_REPLACEMENTS[char] !== undefined) out += GSM7_REPLACEMENTS[char];
    else {
      const stripped = char.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      out += [...stripped].every((c) => GSM7_BASIC.has(c)) && stripped !== "" ? stripped : "?";
    }
  }
  return out;
}
