import { describe, expect, it } from "vitest";
import { languageHref, otherLocale } from "./languageSwitch";

describe("languageHref", () => {
  it.each([
    ["/", "", "en", "/?lng=en"],
    ["/demarches", "?q=casier&page=2", "en", "/demarches?q=casier&page=2&lng=en"],
    ["/demarches", "?lng=en&q=passeport", "fr", "/demarches?lng=fr&q=passeport"],
    ["/suivi", "?", "fr", "/suivi?lng=fr"],
    ["/demarches", "?q=acte+de+naissance", "en", "/demarches?q=acte+de+naissance&lng=en"],
    // A request for "//evil.example/x" gives a link on this site, not to evil.example.
    ["//evil.example/x", "", "en", "/evil.example/x?lng=en"],
    ["/\\evil.example/x", "", "en", "/evil.example/x?lng=en"],
  ] as const)("%s%s → %s", (pathname, search, lng, expected) => {
    expect(languageHref(pathname, search, lng)).toBe(expected);
  });

  it("offers the other language", () => {
    expect(otherLocale("fr")).toBe("en");
    expect(otherLocale("en")).toBe("fr");
  });
});
