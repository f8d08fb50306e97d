import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Issue 11 item 24c: the home page promised paying the fees online while the check page said
 * "à régler au bureau". There is no online payment yet: no text promises one, and every text that
 * says how fees are paid says the same thing.
 */
const root = new URL(".", import.meta.url).pathname;

function texts(lng: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === "string") out.push([path, value]);
    else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, path ? `${path}.${k}` : k);
  };
  for (const file of readdirSync(join(root, lng)).filter((f) => f.endsWith(".json"))) {
    walk(JSON.parse(readFileSync(join(root, lng, file), "utf8")), file.replace(/\.json$/, ""));
  }
  return out;
}

const PROMISE = { fr: /pay(ez|er)\s+(les|vos)\s+frais|paiement en ligne/i, en: /pay\s+(the|your)\s+fees?|online payment|pay online/i };
/** What says it is not there yet ("pas encore", "not yet") is no promise. */
const NOT_YET = /pas encore|\byet\b/i;
const WHERE = { fr: "au bureau", en: "at the office" };
const HOW_FEES_ARE_PAID = ["pages.home.lead", "catalogue.start.fee", "forms.review.fee", "receipt.receipt.feeNote"];

describe.each(["fr", "en"] as const)("fees (%s)", (lng) => {
  const all = texts(lng);
  it("no text promises paying online", () => {
    expect(all.filter(([, text]) => PROMISE[lng].test(text) && !NOT_YET.test(text)).map(([path]) => path)).toEqual([]);
  });

  it("the home page, the start page, the check page and the receipt all say the fees are paid at the office", () => {
    const found = Object.fromEntries(all);
    for (const path of HOW_FEES_ARE_PAID) expect(found[path], path).toContain(WHERE[lng]);
  });
});
