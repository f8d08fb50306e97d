import { describe, expect, it } from "vitest";
import { cleanText, decodedPathOrNull, findControlCharacterPath, hasControlCharacter, INTEGER_MAX, integerOrNull, queryIsClean } from "./input";

describe("cleanText", () => {
  it("removes NUL and the other control characters, keeps tabs, line breaks and every letter", () => {
    expect(cleanText("Ko\u0000ffi\u0007 \u001b[31mAma\u007f")).toBe("Koffi [31mAma");
    expect(cleanText("ligne 1\r\nligne 2\tfin")).toBe("ligne 1\r\nligne 2\tfin");
    expect(cleanText("Kɔku Ɖogbe — Éloïse Améyo 🇹🇬")).toBe("Kɔku Ɖogbe — Éloïse Améyo 🇹🇬");
    // Twice in a row: the rule keeps no state between calls.
    expect(cleanText("a\u0000b")).toBe("ab");
    expect(cleanText("a\u0000b")).toBe("ab");
  });
});

describe("identifiers", () => {
  it("flags any control character, tabs and line breaks included", () => {
    expect(hasControlCharacter("LOME-0001")).toBe(false);
    expect(hasControlCharacter("LOME\t0001")).toBe(true);
    expect(hasControlCharacter("x\u0000y")).toBe(true);
  });

  it("decodes a path, or refuses broken escapes and control characters", () => {
    expect(decodedPathOrNull("/demarches/acte-de-naissance")).toBe("/demarches/acte-de-naissance");
    expect(decodedPathOrNull("/demarches/%C3%A9tat")).toBe("/demarches/état");
    expect(decodedPathOrNull("/%")).toBeNull();
    expect(decodedPathOrNull("/%E9")).toBeNull();
    expect(decodedPathOrNull("/demarches/x%00y")).toBeNull();
    expect(decodedPathOrNull("/a%0Ab")).toBeNull();
  });

  it("checks query values once decoded", () => {
    expect(queryIsClean("?q=casier%20judiciaire&page=2")).toBe(true);
    expect(queryIsClean("?q=%")).toBe(true);
    expect(queryIsClean("?q=a%00b")).toBe(false);
    expect(queryIsClean("?a%01=b")).toBe(false);
  });

  it("finds the first string of a JSON value that holds a control character", () => {
    expect(findControlCharacterPath({ samples: [{ site: "LOME-0001", up: true }] })).toBeNull();
    expect(findControlCharacterPath({ samples: [{ site: "LOME-0001" }, { site: "LO\u0000ME" }] })).toBe("$.samples[1].site");
    expect(findControlCharacterPath({ "k\u0000": 1 })).toBe("$");
    expect(findControlCharacterPath({ note: "deux\nlignes" })).toBeNull();
  });

  it("reads whole numbers that fit an integer column, and nothing else", () => {
    expect(integerOrNull("12")).toBe(12);
    expect(integerOrNull(" 7 ")).toBe(7);
    expect(integerOrNull("2147483647")).toBe(INTEGER_MAX);
    for (const value of ["2147483648", "99999999999999999999999", "0", "-3", "1e3", "1.5", "", null, undefined, "12abc", "0x10"]) expect(integerOrNull(value), String(value)).toBeNull();
    expect(integerOrNull("0", 0)).toBe(0);
  });
});
