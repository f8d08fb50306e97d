import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CROCKFORD_ALPHABET, checkCharacter, generateReference, generateTrackingCode, normalizeTrackingCode, parseReference } from "./reference";

const bytes = (n: number) => new Uint8Array(randomBytes(n));

describe("case references", () => {
  it("look like TG-2026-XXXX-XXXX in the Crockford alphabet and parse back to themselves", () => {
    for (let i = 0; i < 200; i++) {
      const reference = generateReference(2026, bytes);
      expect(reference).toMatch(/^TG-2026-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
      expect(parseReference(reference)).toBe(reference);
    }
  });

  it("read what people type: lower case, spaces, no dashes, i/l for 1 and o for 0", () => {
    const body = "1K4M0Q2";
    const reference = `TG-2026-${body.slice(0, 4)}-${body.slice(4)}${checkCharacter(body)}`;
    const typed = reference.toLowerCase().replace(/-/g, " ").replace("1", "l").replace("0", "o");
    expect(parseReference(typed)).toBe(reference);
    expect(parseReference(reference.replace(/-/g, ""))).toBe(reference);
  });

  it.each(["0000000", "0G00000", "ZZZZZZZ", "7K4MQ2P", "G0G0G0G"])("refuse every single mistyped character and every swap of neighbours (%s)", (body) => {
    const code = body + checkCharacter(body);
    for (let i = 0; i < 8; i++) {
      for (const c of CROCKFORD_ALPHABET) {
        if (c === code[i]) continue;
        const wrong = code.slice(0, i) + c + code.slice(i + 1);
        expect(parseReference(`TG-2026-${wrong}`), `${wrong} instead of ${code}`).toBeNull();
      }
    }
    for (let i = 0; i < 7; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(parseReference(`TG-2026-${swapped}`)).toBeNull();
    }
  });

  it("refuse other shapes", () => {
    expect(parseReference("")).toBeNull();
    expect(parseReference("TG-2026-7K4M")).toBeNull();
    expect(parseReference("XX-2026-7K4M-Q2P9")).toBeNull();
    expect(parseReference("TG-2026-7K4M-Q2P9-0")).toBeNull();
    expect(parseReference("TG-2026-7K4M-Q2U9")).toBeNull();
  });
});

describe("tracking codes", () => {
  it("are ten Crockford characters and normalise what people type", () => {
    const code = generateTrackingCode(bytes);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(normalizeTrackingCode(code.toLowerCase().replace("-", " "))).toBe(code);
    expect(normalizeTrackingCode("ABCDE")).toBeNull();
    expect(normalizeTrackingCode("ABCDE-FGHUK")).toBeNull();
  });
});
