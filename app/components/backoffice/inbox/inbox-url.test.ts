import { describe, expect, it } from "vitest";
import { day, inboxQuery, readInboxUrl } from "./inbox-url";

describe("inbox URL", () => {
  it("reads days typed jj/mm/aaaa or ISO, and refuses days that do not exist", () => {
    expect(day("27/03/2026")).toBe("2026-03-27");
    expect(day("7.3.2026")).toBe("2026-03-07");
    expect(day("2026-03-27")).toBe("2026-03-27");
    expect(day("31/02/2026")).toBeNull();
    expect(day("2026-13-01")).toBeNull();
    expect(day("hier")).toBeNull();
    expect(day(null)).toBeNull();
  });

  it("reads the state with defaults and ignores what it does not know", () => {
    const state = readInboxUrl(new URLSearchParams("bureau=3&onglet=nope&statut=flying&du=01/02/2026&au=x&retard=1&q=ama"));
    expect(state).toMatchObject({ officeId: 3, tab: "nouveaux", status: null, from: "2026-02-01", to: null, toTyped: "x", overdue: true, q: "ama" });
  });

  it("writes the query back without defaults, cursor only when given", () => {
    expect(inboxQuery({ officeId: 3, tab: "nouveaux" })).toBe("?bureau=3");
    expect(inboxQuery({ officeId: 3, tab: "termines", q: "TG 2026", after: "c" })).toBe("?bureau=3&onglet=termines&q=TG+2026&apres=c");
    const round = readInboxUrl(new URLSearchParams(inboxQuery({ officeId: 1, tab: "en-retard", procedureId: 2, status: "in_review", from: "2026-01-01", to: "2026-01-31", overdue: true }).slice(1)));
    expect(round).toMatchObject({ officeId: 1, tab: "en-retard", procedureId: 2, status: "in_review", from: "2026-01-01", to: "2026-01-31", overdue: true });
  });
});
