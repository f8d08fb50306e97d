import { describe, expect, it } from "vitest";
import { buildContentSecurityPolicy, generateNonce, securityHeaders } from "./security";

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(";").map((d) => {
    const [name = "", ...values] = d.trim().split(/\s+/);
    return [name, values];
  }));
}

describe("buildContentSecurityPolicy", () => {
  it("allows scripts by nonce only, with strict-dynamic and no unsafe-inline", () => {
    const csp = directives(buildContentSecurityPolicy({ nonce: "abc123", dev: false }));
    expect(csp.get("script-src")).toEqual(["'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get("script-src")?.join(" ")).not.toContain("unsafe");
    expect(csp.get("script-src-attr")).toEqual(["'none'"]);
  });

  it("locks down styles, frames, forms, base and plugins in production", () => {
    const csp = directives(buildContentSecurityPolicy({ nonce: "n", dev: false }));
    expect(csp.get("style-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  it("opens the HMR socket and injected styles in dev only, never inline scripts", () => {
    const csp = directives(buildContentSecurityPolicy({ nonce: "n", dev: true }));
    expect(csp.get("connect-src")).toContain("ws:");
    expect(csp.get("style-src")).toContain("'unsafe-inline'");
    expect(csp.get("script-src")?.join(" ")).not.toContain("unsafe");
  });
});

describe("generateNonce", () => {
  it("is 128 random bits, different every time", () => {
    const a = generateNonce();
    expect(Buffer.from(a, "base64")).toHaveLength(16);
    expect(generateNonce()).not.toBe(a);
  });
});

describe("securityHeaders", () => {
  it("sends HSTS over HTTPS only", () => {
    expect(securityHeaders({ nonce: "n", dev: false, secure: true })["Strict-Transport-Security"]).toMatch(/^max-age=31536000/);
    expect(securityHeaders({ nonce: "n", dev: false, secure: false })).not.toHaveProperty("Strict-Transport-Security");
  });

  it("sets the fixed headers", () => {
    const headers = securityHeaders({ nonce: "xyz", dev: false, secure: false });
    expect(headers).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "Cross-Origin-Opener-Policy": "same-origin",
    });
    expect(headers["Content-Security-Policy"]).toContain("'nonce-xyz'");
    expect(headers["Permissions-Policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
  });
});
