/** "de Tokoin", "d'Adidogomé": French elision before a vowel. */
export function deName(name: string): string {
  return /^[aeiouyàâéèêëîïôöûüAEIOUYÀÂÉÈÊËÎÏÔÖÛÜ]/.test(name) ? `d'${name}` : `de ${name}`;
}
