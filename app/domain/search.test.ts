import { describe, expect, it } from "vitest";
import { matchesSearchText, MAX_QUERY_WORDS, queryWords, searchTextOf, textWords } from "./search";

describe("queryWords", () => {
  it.each([
    ["acte naissance", ["acte", "naissance"]],
    ["  Acte   de NAISSANCE ", ["acte", "naissance"]],
    ["nationalité", ["nationalite"]],
    ["Création d'entreprise", ["creation", "entreprise"]],
    ["création d’entreprise", ["creation", "entreprise"]],
    ["extrait du casier", ["extrait", "casier"]],
    ["Légalisation", ["legalisation"]],
    ["carte d'identité", ["carte", "identite"]],
    ["œuvre", ["oeuvre"]],
    ["casier casier", ["casier"]],
    ["act acte", ["acte"]],
    ["bulletin n° 3", ["bulletin", "n", "3"]],
  ])("%j → %j", (query, words) => {
    expect(queryWords(query)).toEqual(words);
  });

  it("keeps little words when the query has nothing else", () => {
    expect(queryWords("de la")).toEqual(["de", "la"]);
  });

  it.each([null, undefined, "", "   ", "!!! ???", "'"])("%j searches nothing (the whole catalogue)", (query) => {
    expect(queryWords(query)).toEqual([]);
  });

  it("keeps at most MAX_QUERY_WORDS words", () => {
    const words = queryWords("un deux trois quatre cinq six sept huit neuf dix onze");
    expect(words).toHaveLength(MAX_QUERY_WORDS);
  });

  it("produces only [a-z0-9] words", () => {
    for (const w of queryWords("Ça <script>alert(1)</script> % _ 100% l'État")) expect(w).toMatch(/^[a-z0-9]+$/);
  });
});

describe("textWords", () => {
  it("normalizes like the seed's search_text", () => {
    const title = "Copie intégrale ou extrait d'acte de naissance";
    expect(textWords(title).join(" ")).toBe(searchTextOf(title));
  });
});

describe("matchesSearchText", () => {
  const birth = searchTextOf("Copie intégrale ou extrait d'acte de naissance", "acte", "naissance", "etat civil", "Birth certificate");
  const business = searchTextOf("Création d'entreprise (immatriculation au RCCM)", "entreprise", "creation", "société");
  const nationality = searchTextOf("Certificat de nationalité togolaise", "nationalite", "Certificate of Togolese nationality");

  it.each([
    ["acte naissance", birth, true],
    ["naissance acte", birth, true],
    ["naiss", birth, true],
    ["Acte de Naissance", birth, true],
    ["birth", birth, true],
    ["acte mariage", birth, false],
    ["aissance", birth, false],
    ["creation entreprise", business, true],
    ["création d'entreprise", business, true],
    ["entreprise", nationality, false],
    ["nationalité", nationality, true],
    ["NATIONALITE", nationality, true],
    ["national", nationality, true],
  ])("%j in %j → %s", (query, text, expected) => {
    expect(matchesSearchText(text, queryWords(query))).toBe(expected);
  });

  it("matches everything with no words", () => {
    expect(matchesSearchText(birth, [])).toBe(true);
  });
});
