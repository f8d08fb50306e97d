/**
 * What the portal accepts as text from outside (forms, JSON bodies, URLs): one rule for every
 * input edge (docs/architecture.md, "Request edge").
 *
 * - Text typed by a person keeps tabs and line breaks; every other control character (NUL, the
 *   C0 range, DEL) is removed: no keyboard types them, PostgreSQL refuses NUL in text, and they
 *   would hide in names and references.
 * - An identifier (a path segment, a query value, a code in a JSON body) holding a control
 *   character is not an identifier at all: the request is refused with a 400.
 */

// eslint-disable-next-line no-control-regex -- the control characters are the point
const TEXT_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const TEXT_CONTROL_ALL = new RegExp(TEXT_CONTROL.source, "g");
// eslint-disable-next-line no-control-regex -- the control characters are the point
const ANY_CONTROL = /[\u0000-\u001F\u007F]/;

/** The text without the control characters a person cannot type (tab, CR and LF are kept). */
export function cleanText(value: string): string {
  return TEXT_CONTROL.test(value) ? value.replace(TEXT_CONTROL_ALL, "") : value;
}

/** True when the value holds any control character, tab and line breaks included. */
export function hasControlCharacter(value: string): boolean {
  return ANY_CONTROL.test(value);
}

/**
 * Where in a JSON value a string (or a key) holds a control character other than tab, CR and LF
 * ("$.samples[3].site"), or null when there is none: the caller answers 400.
 */
export function findControlCharacterPath(value: unknown, path = "$"): string | null {
  if (typeof value === "string") return cleanText(value) === value ? null : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findControlCharacterPath(item, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (cleanText(key) !== key) return path;
      const found = findControlCharacterPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The path of a URL decoded, or null when its percent-encoding is broken ("/%", "/%E9" alone)
 * or when it holds a control character once decoded ("/demarches/x%00y").
 */
export function decodedPathOrNull(rawPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  return hasControlCharacter(decoded) ? null : decoded;
}

/**
 * False when a query name or value holds a control character once decoded (URLSearchParams
 * itself never throws: a broken escape stays as typed).
 */
export function queryIsClean(search: string): boolean {
  if (!search) return true;
  for (const [key, value] of new URLSearchParams(search)) {
    if (hasControlCharacter(key) || hasControlCharacter(value)) return false;
  }
  return true;
}

/** The largest value of a PostgreSQL `integer` (ids, versions, counts in the schema). */
export const INTEGER_MAX = 2_147_483_647;

/**
 * A whole number from outside (`"12"` in a URL or a form) that fits the database's `integer`
 * columns, from `min` (1: an id; 0: a version) — else null. Bigger numbers are not an id that
 * exists (and PostgreSQL would refuse them with an error rather than find nothing).
 */
export function integerOrNull(value: string | null | undefined, min = 1): number | null {
  if (!value || !/^\d{1,10}$/.test(value.trim())) return null;
  const n = Number(value.trim());
  return n >= min && n <= INTEGER_MAX ? n : null;
}
