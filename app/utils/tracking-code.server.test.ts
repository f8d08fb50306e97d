import { describe, expect, it } from "vitest";
import {
  clearTrackingFlash,
  hashTrackingCode,
  newTrackingCode,
  readTrackingFlash,
  redirectAfterSubmission,
  serializeTrackingFlash,
  trackingHashesMatch,
} from "./tracking-code.server";

const REFERENCE = "TG-2026-7K4M-Q2P9";
const withCookie = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });
const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;

describe("tracking codes", () => {
  it("hashes the canonical code, whatever the way it is typed", () => {
    const { code, hash } = newTrackingCode();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hashTrackingCode(code.toLowerCase().replace("-", " "))).toBe(hash);
    expect(hashTrackingCode("trop court")).toBeNull();
    expect(trackingHashesMatch(hash, hashTrackingCode(code))).toBe(true);
    expect(trackingHashesMatch(hash, hashTrackingCode("AAAAA-AAAAA"))).toBe(false);
    expect(trackingHashesMatch(null, null)).toBe(false);
    expect(trackingHashesMatch(hash, null)).toBe(false);
  });

  it("carries a new code to the confirmation page once, and only the case's current code", () => {
    const { code, hash } = newTrackingCode();
    const response = redirectAfterSubmission({ reference: REFERENCE, trackingCode: code });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe(`/mon-espace/dossiers/${REFERENCE}/confirmation`);
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toContain(`Path=/mon-espace/dossiers/${REFERENCE}`);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toMatch(/Max-Age=600/);
    expect(readTrackingFlash(withCookie(`other=1; ${cookiePair(setCookie)}`), REFERENCE, hash)).toBe(code);
    // A forged or outdated value is never shown.
    expect(readTrackingFlash(withCookie(cookiePair(serializeTrackingFlash(REFERENCE, "AAAAA-AAAAA"))), REFERENCE, hash)).toBeNull();
    expect(readTrackingFlash(withCookie(cookiePair(setCookie)), REFERENCE, hashTrackingCode("BBBBB-BBBBB"))).toBeNull();
    expect(readTrackingFlash(withCookie(cookiePair(setCookie)), "TG-2026-AAAA-AAAA", hash)).toBeNull();
    expect(clearTrackingFlash(REFERENCE)).toMatch(/Max-Age=0/);
    // A replayed submission (no new code) sets no cookie.
    expect(redirectAfterSubmission({ reference: REFERENCE, trackingCode: null }).headers.get("Set-Cookie")).toBeNull();
  });
});
