import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/mon-espace", "/mon-espace"],
    ["/mon-espace/dossiers/TG-2026-7K4M-Q2P9?onglet=messages#m3", "/mon-espace/dossiers/TG-2026-7K4M-Q2P9?onglet=messages#m3"],
    ["/demarches?q=casier%20judiciaire", "/demarches?q=casier%20judiciaire"],
    // Dot segments that stay on this site are resolved, as the browser would.
    ["/mon-espace/../demarches", "/demarches"],
    ["/./mon-espace", "/mon-espace"],
    ["/demarches?retour=//evil.example", "/demarches?retour=//evil.example"],
  ])("keeps the relative path %j", (input, expected) => {
    expect(safeRedirectPath(input, "/fallback")).toBe(expected);
  });

  it.each([
    [undefined],
    [""],
    ["//evil.example"],
    ["//evil.example/mon-espace"],
    ["/\\evil.example"],
    ["\\\\evil.example"],
    ["http://evil.example"],
    ["https:evil.example"],
    ["javascript:alert(1)"],
    ["mon-espace"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    [" /mon-espace"],
    // Safe as typed, protocol-relative once normalised (issue 11 item 1).
    ["/.//evil.example"],
    ["/%2e//x"],
    ["/%2E//x"],
    ["/a/..//x"],
    ["/..//x"],
    ["/%2e%2e//x"],
    ["/mon-espace/..//x"],
    ["/mon-espace/%2e%2e//evil.example/vol"],
    ["/././/x"],
    [42],
  ])("refuses %j", (input) => {
    expect(safeRedirectPath(input, "/fallback")).toBe("/fallback");
  });
});

describe("safeRedirectPath never answers a path another origin could be read from", () => {
  const prefixes = ["/", "/.", "/..", "/%2e", "/%2E", "/%2e%2e", "/a/..", "/mon-espace/..", "/./.", "/a/b/../.."];
  const middles = ["/", "//", "/./", "/../", "\\", "/%2e/", "/%2f"];
  it.each(prefixes.flatMap((p) => middles.map((m) => `${p}${m}evil.example/x`)))("%j", (input) => {
    const out = safeRedirectPath(input, "/fallback");
    expect(out.startsWith("/")).toBe(true);
    expect(out.startsWith("//")).toBe(false);
    expect(out.startsWith("/\\")).toBe(false);
    expect(new URL(out, "http://guichet.invalid").origin).toBe("http://guichet.invalid");
  });
});
