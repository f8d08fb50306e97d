import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CASE_STATUSES, DISPLAYED_LINK_STATUSES, LOCALES } from "~/domain/constants";
import { CASE_STATUS_LOOK, LINK_STATUS_LOOK, type StatusLook } from "./status";

type Labels = { status: { case: Record<string, string>; link: Record<string, string> } };
const common = (lng: string) =>
  JSON.parse(readFileSync(new URL(`../../../locales/${lng}/common.json`, import.meta.url), "utf8")) as Labels;

const distinctIcons = (looks: Record<string, StatusLook>) => new Set(Object.values(looks).map((look) => look.icon)).size;

describe("status badges", () => {
  for (const lng of LOCALES) {
    it(`${lng}: every case and link status has a label`, () => {
      const { status } = common(lng);
      for (const value of CASE_STATUSES) expect(status.case[value], `status.case.${value}`).toBeTruthy();
      for (const value of DISPLAYED_LINK_STATUSES) expect(status.link[value], `status.link.${value}`).toBeTruthy();
    });
  }

  it("uses the French labels of the design", () => {
    expect(common("fr").status.case).toMatchObject({ awaiting_info: "Complément demandé", closed: "Classé sans suite", ready: "Prêt à retirer" });
    expect(common("fr").status.link).toMatchObject({ up: "Opérationnel", not_connected: "Non raccordé", unknown: "État inconnu" });
  });

  it("gives each status of a kind its own shape, never colour alone", () => {
    expect(distinctIcons(CASE_STATUS_LOOK)).toBe(CASE_STATUSES.length);
    expect(distinctIcons(LINK_STATUS_LOOK)).toBe(DISPLAYED_LINK_STATUSES.length);
  });
});
