import { describe, expect, it } from "vitest";
import { actionFamilies, actionLabelKey, auditFilterQuery, detailView, foldText, parseAuditFilters, visibleDetails } from "./audit-log";

describe("audit log filters", () => {
  it("reads every filter and makes the last day inclusive", () => {
    const { filters, problems } = parseAuditFilters(
      new URLSearchParams("acteur=Éléonore&action=admin.*&resultat=refused&cible=case&identifiant=TG-1&du=01/11/2026&au=2026-11-02"),
    );
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      actor: "Éléonore",
      action: "admin.*",
      outcome: "refused",
      targetType: "case",
      targetId: "TG-1",
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-11-03T00:00:00Z"),
    });
  });
  it("ignores invalid values and names them", () => {
    const { filters, problems, values } = parseAuditFilters(new URLSearchParams("action=DROP TABLE&resultat=maybe&du=31/02/2026&au=x&cible=Bad Type"));
    expect(filters).toEqual({});
    expect(problems).toEqual(["action", "outcome", "targetType", "from", "to"]);
    expect(values.from).toBe("31/02/2026");
  });
  it("refuses a period that ends before it starts", () => {
    const { filters, problems } = parseAuditFilters(new URLSearchParams("du=05/11/2026&au=01/11/2026"));
    expect(problems).toEqual(["range"]);
    expect(filters.from).toBeUndefined();
  });
  it("writes the filters back as a query string", () => {
    const { values } = parseAuditFilters(new URLSearchParams("action=auth.*&apres=12"));
    expect(auditFilterQuery(values).get("action")).toBe("auth.*");
    expect(auditFilterQuery(values).has("apres")).toBe(false);
  });
});

describe("labels and families", () => {
  it("folds accents and case", () => expect(foldText("ÉLÉONORE Adjoa")).toBe("eleonore adjoa"));
  it("offers one family per prefix", () =>
    expect(actionFamilies(["admin.office.update", "auth.login", "admin.site.create", "x"])).toEqual(["admin.*", "auth.*"]));
  it("keys an action's label", () => expect(actionLabelKey("monitoring_token.create")).toBe("actions.monitoring_token_create"));
});

describe("what an administrator sees of the details", () => {
  it("keeps only the state of a case, never what people wrote", () => {
    const details = {
      from: "in_review",
      to: "rejected",
      reasonCode: "incomplete",
      reasonText: "Votre acte est faux",
      message: "…",
      identityCheck: "CNI 123",
      documentCode: "ABCDE-12345",
    };
    expect(visibleDetails("case", details)).toEqual({
      from: "in_review",
      to: "rejected",
      reasonCode: "incomplete",
      documentCode: "ABCDE-12345",
    });
  });
  it("leaves other entries alone", () => {
    expect(visibleDetails("office", { name: "x" })).toEqual({ name: "x" });
    expect(visibleDetails(null, { path: "/a" })).toEqual({ path: "/a" });
  });
  it("shows an admin change as before → after", () => {
    expect(
      detailView({
        before: { name: "A", open: true },
        after: { name: "B", open: true },
        note: 1,
      }),
    ).toEqual({
      kind: "change",
      rows: [
        { key: "name", before: "A", after: "B" },
        { key: "open", before: "true", after: "true" },
      ],
      other: [{ key: "note", value: "1" }],
    });
    expect(detailView({ before: null, after: { name: "B" } })).toMatchObject({
      kind: "change",
      rows: [{ key: "name", before: "—", after: "B" }],
    });
    expect(detailView({ name: "probe" })).toEqual({
      kind: "plain",
      rows: [{ key: "name", value: "probe" }],
    });
  });
});
