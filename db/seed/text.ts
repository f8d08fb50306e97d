import { textWords } from "../../app/domain/search";
/**
 * Lower-case, accent-free words, as stored in `procedure.search_text`: the very normalisation the
 * catalogue applies to what citizens type (app/domain/search.ts), so that both always agree.
 */
export function normalizeSearchText(...parts: string[]): string {
  return [...new Set(parts.flatMap((part) => textWords(part)))].join(" ");
}

/** "de Tokoin", "d'Adidogomé": French elision before a vowel. */
export function deName(name: string): string {
  return /^[aeiouyàâéèêëîïôöûüAEIOUYÀÂÉÈÊËÎÏÔÖÛÜ]/.test(name) ? `d'${name}` : `de ${name}`;
}
