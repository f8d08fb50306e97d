/**
 * Case references and tracking codes (DESIGN.md §3): short, unambiguous, typed from a phone.
 *
 * A reference reads `TG-2026-7K4M-Q2P9`: the year of filing, then eight Crockford base32
 * characters — seven random ones (35 bits: not guessable in sequence) and a check character
 * that catches any single mistyped character and any swap of two neighbours (a weighted sum in
 * the field GF(32): a plain sum modulo 32 cannot catch both). The alphabet has no I, L, O or U; what people type for them (i, l → 1,
 * o → 0) is read back.
 */
export const CROCKFORD_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

const RANDOM_CHARS = 7;

function valueOf(char: string): number {
  return CROCKFORD_ALPHABET.indexOf(char);
}

/** Multiplication in GF(32) = GF(2)[x] / (x⁵ + x² + 1). */
function gfMultiply(a: number, b: number): number {
  let product = 0;
  for (let i = 0; i < 5; i++) {
    if (b & 1) product ^= a;
    b >>= 1;
    a <<= 1;
    if (a & 32) a ^= 0b100101;
  }
  return product;
}

/** Weight of position i: αⁱ⁺¹ (α = x), distinct for the seven positions and different from 1. */
const WEIGHTS = Array.from({ length: RANDOM_CHARS }, (_, i) => {
  let w = 1;
  for (let k = 0; k <= i; k++) w = gfMultiply(w, 2);
  return w;
});

/**
 * The check character c of the random part, such that Σ wᵢ·vᵢ + c = 0 in GF(32): changing one
 * character changes the sum by wᵢ·(a + b) ≠ 0; swapping neighbours by (wᵢ + wᵢ₊₁)·(a + b) ≠ 0.
 */
export function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum ^= gfMultiply(WEIGHTS[i]!, valueOf(body[i]!));
  return CROCKFORD_ALPHABET[sum]!;
}

/** Random Crockford characters from a source of random bytes (crypto.getRandomValues). */
function randomChars(count: number, randomBytes: (n: number) => Uint8Array): string {
  return Array.from(randomBytes(count), (b) => CROCKFORD_ALPHABET[b & 31]).join("");
}

/** A new reference for a case filed in `year`. */
export function generateReference(year: number, randomBytes: (n: number) => Uint8Array): string {
  const body = randomChars(RANDOM_CHARS, randomBytes);
  const code = body + checkCharacter(body);
  return `TG-${year}-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** Upper-case, read i/l as 1 and o as 0, drop spaces and dashes. */
function canonical(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-_.]/g, "")
    .replace(/[IL]/g, "1")
    .replace(/O/g, "0");
}

/**
 * The reference a person meant, or null if what they typed cannot be one (wrong shape or wrong
 * check character). Accepts "tg 2026 7k4m q2p9", "TG20267K4MQ2P9", "7K4M-Q2P9" is not enough.
 */
export function parseReference(input: string): string | null {
  const raw = canonical(input);
  const match = /^TG(\d{4})([0-9A-Z]{8})$/.exec(raw);
  if (!match) return null;
  const [, year, code] = match as unknown as [string, string, string];
  if ([...code].some((c) => valueOf(c) < 0)) return null;
  if (checkCharacter(code.slice(0, RANDOM_CHARS)) !== code[RANDOM_CHARS]) return null;
  return `TG-${year}-${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A tracking code for /suivi: 10 random Crockford characters (50 bits), shown as XXXXX-XXXXX. */
export function generateTrackingCode(randomBytes: (n: number) => Uint8Array): string {
  const code = randomChars(10, randomBytes);
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** The canonical form of a typed tracking code (for hashing), or null if it cannot be one. */
export function normalizeTrackingCode(input: string): string | null {
  const raw = canonical(input);
  if (!/^[0-9A-Z]{10}$/.test(raw) || [...raw].some((c) => valueOf(c) < 0)) return null;
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}
