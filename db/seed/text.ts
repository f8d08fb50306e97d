/** Lower-case, accent-free words, as stored in `procedure.search_text`. */
export function normalizeSearchText(...parts: string[]): string {
  const words = parts
    .join(" ")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((word) => word.length > 0);
  return [...new Set(words)].join(" ");
}

/** "de Tokoin", "d'Adidogomé": French elision before a vowel. */
export function deName(name: string): string {
  return /^[aeiouyàâéèêëîïôöûüAEIOUYÀÂÉÈÊËÎÏÔÖÛÜ]/.test(name) ? `d'${name}` : `de ${name}`;
}
