import { describe, expect, it } from "vitest";
import { decideOrigin, type OriginCheckInput } from "./origin";

const SELF = "https://guichet.gouv.tg";
const base: OriginCheckInput = { method: "POST", path: "/connexion", expectedOrigin: SELF };

describe("decideOrigin", () => {
  it.each<[string, Partial<OriginCheckInput>, boolean, string]>([
    ["same Origin", { origin: SELF }, true, "same_origin"],
    ["same Origin with explicit default port", { origin: "https://guichet.gouv.tg:443" }, true, "same_origin"],
    ["same Origin and Sec-Fetch-Site same-origin", { origin: SELF, secFetchSite: "same-origin" }, true, "same_origin"],
    ["Sec-Fetch-Site same-origin alone", { secFetchSite: "same-origin" }, true, "same_origin"],
    ["foreign Origin", { origin: "https://evil.example" }, false, "foreign_origin"],
    ["other scheme", { origin: "http://guichet.gouv.tg" }, false, "foreign_origin"],
    ["other port", { origin: "https://guichet.gouv.tg:8443" }, false, "foreign_origin"],
    ["opaque Origin", { origin: "null" }, false, "opaque_origin"],
    ["Sec-Fetch-Site cross-site alone", { secFetchSite: "cross-site" }, false, "cross_site"],
    ["Sec-Fetch-Site cross-site even with our Origin", { secFetchSite: "cross-site", origin: SELF }, false, "cross_site"],
    ["Sec-Fetch-Site same-site from a sibling", { secFetchSite: "same-site", origin: "https://autre.gouv.tg" }, false, "same_site_other_origin"],
    ["Sec-Fetch-Site same-site without Origin", { secFetchSite: "same-site" }, false, "same_site_other_origin"],
    ["no Origin, no Sec-Fetch-Site (curl)", {}, true, "no_browser_headers"],
    ["GET from a foreign site", { method: "GET", origin: "https://evil.example", secFetchSite: "cross-site" }, true, "safe_method"],
    ["HEAD from a foreign site", { method: "HEAD", secFetchSite: "cross-site" }, true, "safe_method"],
    ["OPTIONS from a foreign site", { method: "OPTIONS", secFetchSite: "cross-site" }, true, "safe_method"],
    ["PUT from a foreign site", { method: "PUT", origin: "https://evil.example" }, false, "foreign_origin"],
    ["DELETE cross-site", { method: "delete", secFetchSite: "cross-site" }, false, "cross_site"],
    ["/api/ with a bearer token", { path: "/api/v1/sites/heartbeats", origin: "https://probe.example", authorization: "Bearer abc" }, true, "bearer_api"],
    ["/api/ without a token is checked", { path: "/api/v1/sites/heartbeats", origin: "https://evil.example" }, false, "foreign_origin"],
    ["bearer token outside /api/ is checked", { path: "/connexion", secFetchSite: "cross-site", authorization: "Bearer abc" }, false, "cross_site"],
  ])("%s", (_name, input, allowed, reason) => {
    expect(decideOrigin({ ...base, ...input })).toEqual({ allowed, reason });
  });
});
