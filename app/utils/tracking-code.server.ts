import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { generateTrackingCode, normalizeTrackingCode } from "~/domain/reference";
import { isSecureCookie } from "./session.server";

/**
 * Tracking codes for /suivi (DESIGN.md §3). The database keeps only the SHA-256 (hex) of the
 * normalized code; the citizen sees the code once, right after submission or after asking for a
 * new one.
 */

const secureBytes = (n: number) => new Uint8Array(randomBytes(n));

/** SHA-256 hex of the canonical form of a typed code, or null if it cannot be a code. */
export function hashTrackingCode(typed: string): string | null {
  const code = normalizeTrackingCode(typed);
  return code ? createHash("sha256").update(code).digest("hex") : null;
}

/** A new random code (XXXXX-XXXXX) and the hash to store. */
export function newTrackingCode(): { code: string; hash: string } {
  const code = generateTrackingCode(secureBytes);
  return { code, hash: hashTrackingCode(code)! };
}

/** Constant-time comparison of two hex hashes (a missing stored hash never matches). */
export function trackingHashesMatch(stored: string | null, given: string | null): boolean {
  const a = Buffer.from(stored ?? "", "utf8");
  const b = Buffer.from(given ?? "", "utf8");
  // Compare equal lengths only, but always spend the comparison.
  const same = timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
  return same && stored !== null && given !== null && stored.length > 0;
}

// ——— One-time display on the confirmation page ———

/**
 * The code travels from the submission to the confirmation page in a short-lived cookie, scoped
 * to that case's path. It needs no signature: the page shows it only if its hash is the one
 * stored for the case, so a forged value is never displayed; the page deletes the cookie when it
 * shows the code, so it is shown once.
 */
const FLASH_MAX_AGE_S = 10 * 60;

export function trackingFlashCookieName(reference: string): string {
  return `guichet_code_${reference.replace(/[^A-Z0-9]/gi, "")}`;
}

function flashPath(reference: string): string {
  return `/mon-espace/dossiers/${reference}`;
}

function attributes(reference: string): string {
  return `Path=${flashPath(reference)}; HttpOnly; SameSite=Lax${isSecureCookie() ? "; Secure" : ""}`;
}

/** Set-Cookie header carrying a freshly issued code to the confirmation page. */
export function serializeTrackingFlash(reference: string, code: string): string {
  return `${trackingFlashCookieName(reference)}=${encodeURIComponent(code)}; Max-Age=${FLASH_MAX_AGE_S}; ${attributes(reference)}`;
}

/** Set-Cookie header deleting the flash (after it was shown). */
export function clearTrackingFlash(reference: string): string {
  return `${trackingFlashCookieName(reference)}=; Max-Age=0; ${attributes(reference)}`;
}

/** The code in the flash cookie if it is the case's current code, else null. */
export function readTrackingFlash(request: Request, reference: string, storedHash: string | null): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = trackingFlashCookieName(reference);
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1 || part.slice(0, index).trim() !== name) continue;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(index + 1).trim());
    } catch {
      return null;
    }
    const code = normalizeTrackingCode(value);
    if (!code) return null;
    return trackingHashesMatch(storedHash, hashTrackingCode(code)) ? code : null;
  }
  return null;
}

/** Where the citizen lands after filing. */
export function confirmationPath(reference: string): string {
  return `${flashPath(reference)}/confirmation`;
}

/**
 * The answer of the "Envoyer ma demande" action once `submitCase` said ok: a redirect to the
 * confirmation page, carrying the new tracking code (if this request issued one) for one display.
 */
export function redirectAfterSubmission(result: { reference: string; trackingCode: string | null }): Response {
  const headers = new Headers({ Location: confirmationPath(result.reference) });
  if (result.trackingCode) headers.append("Set-Cookie", serializeTrackingFlash(result.reference, result.trackingCode));
  return new Response(null, { status: 303, headers });
}
