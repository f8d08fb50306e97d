/**
 * Catalogue search, the pure part: a query typed on a phone ("Création d'entreprise",
 * "acte naissance", "NATIONALITE") becomes lower-case, accent-free words, each of which must start
 * a word of the procedure's `search_text` (built the same way by the seed, see
 * `searchTextOf` below). Word order does not matter; every word must match.
 */

/** Longest query kept: a search box, not a document. */
export const MAX_QUERY_LENGTH = 100;
/** More words than this are ignored (each one is a condition of the query). */
export const MAX_QUERY_WORDS = 8;

/**
 * Little words people type but that tell nothing ("extrait du casier", "copie de l'acte"):
 * dropped from the query unless it has nothing else. Elided forms ("d'", "l'") become the
 * single letters "d" and "l" once the apostrophe is gone.
 */
const STOP_WORDS: ReadonlySet<string> = new Set([
  "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "ma", "mes", "mon",
  "ou", "par", "pour", "sa", "ses", "son", "sur", "un", "une",
  "an", "and", "for", "my", "of", "the", "to",
]);

/** Lower-case, accent-free words of a text, in order, without repeats ("Œuvre d'État" → ["oeuvre", "d", "etat"]). */
export function textWords(text: string): string[] {
  const words = text
    .replace(/œ/gi, "oe")
    .replace(/æ/gi, "ae")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((word) => word.length > 0);
  return [...new Set(words)];
}

/**
 * The words a query searches for: normalized, little words dropped (unless nothing else is
 * left), and a word that is the start of another one of the query dropped too ("act acte").
 * An empty list means "no search": the whole catalogue.
 */
export function queryWords(query: string | null | undefined): string[] {
  if (!query) return [];
  const all = textWords(query.slice(0, MAX_QUERY_LENGTH));
  const meaningful = all.filter((word) => !STOP_WORDS.has(word));
  const words = meaningful.length > 0 ? meaningful : all;
  return words.filter((word, i) => !words.some((other, j) => j !== i && other.length > word.length && other.startsWith(word))).slice(0, MAX_QUERY_WORDS);
}

/** True when every query word starts some word of the search text (a normalized, space-separated string). */
export function matchesSearchText(searchText: string, words: readonly string[]): boolean {
  const haystack = ` ${searchText}`;
  return words.every((word) => haystack.includes(` ${word}`));
}

/**
 * Lower-case, accent-free words, without repeats, as stored in `procedure.search_text`: the very
 * normalisation applied to what citizens type, so that both always agree.
 */
export function searchTextOf(...parts: string[]): string {
  return [...new Set(parts.flatMap((part) => textWords(part)))].join(" ");
}

/** The words a procedure is found by: its titles in both languages and its keywords. */
export function procedureSearchText(procedure: { titleFr: string; titleEn: string; keywords: string }): string {
  return searchTextOf(procedure.titleFr, procedure.keywords, procedure.titleEn);
}
