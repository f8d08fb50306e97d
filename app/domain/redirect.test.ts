import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "./redirect";

describe("safeRedirectPath", () => {
  it.each([
    ["/mon-espace", "/mon-espace"],
    ["/mon-espace/dossiers/TG-2026-7K4M-Q2P9?onglet=messages#m3", "/mon-espace/dossiers/TG-2026-7K4M-Q2P9?onglet=messages#m3"],
    ["/demarches?q=casier%20judiciaire", "/demarches?q=casier%20judiciaire"],
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
  ])("refuses %j", (input) => {
    expect(safeRedirectPath(input, "/fallback")).toBe("/fallback");
  });
});
