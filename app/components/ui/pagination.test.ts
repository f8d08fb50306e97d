import { describe, expect, it } from "vitest";
import { pageHref, pageItems } from "./pagination";

describe("pageHref", () => {
  it.each([
    ["/demarches", "", 2, "/demarches?page=2"],
    ["/demarches", "?q=acte&page=3", 4, "/demarches?q=acte&page=4"],
    ["/demarches", "?q=acte&page=3", 1, "/demarches?q=acte"],
    ["/agent", "?page=2", 1, "/agent"],
    // A request for "//evil.example/x" gives a link on this site, not to evil.example.
    ["//evil.example/x", "", 2, "/evil.example/x?page=2"],
  ] as const)("%s%s, page %i → %s", (pathname, search, page, expected) => {
    expect(pageHref(pathname, search, page)).toBe(expected);
  });
});

describe("pageItems", () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, "gap", 10]],
    [4, 10, [1, 2, 3, 4, 5, "gap", 10]],
    [5, 10, [1, "gap", 4, 5, 6, "gap", 10]],
    [10, 10, [1, "gap", 9, 10]],
    [3, 5, [1, 2, 3, 4, 5]],
  ] as const)("page %i of %i → %j", (current, count, expected) => {
    expect(pageItems(current, count)).toEqual(expected);
  });
});
