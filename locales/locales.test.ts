import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = new URL(".", import.meta.url).pathname;
const files = (lng: string) => readdirSync(join(root, lng)).filter((f) => f.endsWith(".json")).sort();
const load = (lng: string, file: string) => JSON.parse(readFileSync(join(root, lng, file), "utf8")) as unknown;

/** Every leaf key of a translation file, as dotted paths. */
function keys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
  }
  return [prefix];
}

function emptyKeys(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => emptyKeys(v, prefix ? `${prefix}.${k}` : k));
  }
  return typeof value === "string" && value.trim() === "" ? [prefix] : [];
}

describe("translations", () => {
  it("English has the same files as French (the source)", () => {
    expect(files("en")).toEqual(files("fr"));
  });

  for (const file of files("fr")) {
    it(`${file}: English mirrors every French key and no other`, () => {
      const fr = keys(load("fr", file)).sort();
      const en = keys(load("en", file)).sort();
      expect({ missingInEnglish: fr.filter((k) => !en.includes(k)), extraInEnglish: en.filter((k) => !fr.includes(k)) }).toEqual({
        missingInEnglish: [],
        extraInEnglish: [],
      });
    });

    it(`${file}: no empty text in either language`, () => {
      expect([...emptyKeys(load("fr", file)), ...emptyKeys(load("en", file))]).toEqual([]);
    });
  }
});
