import { describe, expect, it } from "vitest";
import type { Role } from "~/domain/constants";
import { navigationFor } from "./navigation";

const paths = (roles: Role[] | null) => navigationFor(roles ? { roles } : null).map((item) => item.to);
const PUBLIC = ["/demarches", "/suivi", "/etat-des-services"];

describe("navigationFor", () => {
  it.each([
    [null, [...PUBLIC, "/connexion", "/inscription"]],
    [["citizen"], [...PUBLIC, "/mon-espace"]],
    [["agent"], [...PUBLIC, "/agent"]],
    [["agent", "supervisor"], [...PUBLIC, "/agent", "/agent/statistiques"]],
    [["supervisor"], [...PUBLIC, "/agent", "/agent/statistiques"]],
    [["operator"], [...PUBLIC, "/reseau"]],
    [["admin"], [...PUBLIC, "/admin"]],
    [["operator", "admin"], [...PUBLIC, "/reseau", "/admin"]],
  ] as [Role[] | null, string[]][])("%j → %j", (roles, expected) => {
    expect(paths(roles)).toEqual(expected);
  });
});
