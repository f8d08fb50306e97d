import { describe, expect, it } from "vitest";
import { clockPauses, staffActions, staffTimelineSentence } from "./case-view";

describe("staffActions", () => {
  it.each([
    ["submitted", "agent", "electronic", ["take", "transfer"]],
    ["submitted", "supervisor", "electronic", ["take", "assign", "transfer"]],
    ["in_review", "agent", "electronic", ["requestPieces", "accept", "reject", "close", "transfer"]],
    ["in_review", "supervisor", "pickup", ["assign", "requestPieces", "accept", "reject", "close", "transfer"]],
    ["awaiting_info", "agent", "pickup", ["close"]],
    ["accepted", "agent", "pickup", ["markReady"]],
    ["accepted", "agent", "electronic", []],
    ["ready", "agent", "pickup", ["deliver"]],
    ["delivered", "supervisor", "pickup", []],
    ["rejected", "agent", "electronic", []],
    ["rejected", "supervisor", "electronic", ["reopen"]],
    ["closed", "supervisor", "pickup", ["reopen"]],
    ["withdrawn", "supervisor", "pickup", []],
  ] as const)("%s for a %s (%s): %j", (status, role, delivery, expected) => {
    expect(staffActions(status, role, delivery)).toEqual(expected);
  });
});

describe("clockPauses", () => {
  const now = new Date("2026-03-10T12:00:00Z");
  it("adds outages and answered waits, and counts the wait under way", () => {
    const events = [
      { type: "deadline_extended", payload: { pausedMs: 3_600_000 } },
      { type: "deadline_extended", payload: { pausedMs: 1_800_000 } },
      { type: "info_answered", payload: { pausedMs: 86_400_000 } },
      { type: "taken", payload: {} },
    ];
    expect(clockPauses(events, "awaiting_info", new Date("2026-03-10T10:00:00Z"), now)).toEqual({
      outageMs: 5_400_000,
      waitingMs: 86_400_000,
      ongoingWaitMs: 7_200_000,
    });
    expect(clockPauses(events, "in_review", new Date("2026-03-10T10:00:00Z"), now).ongoingWaitMs).toBe(0);
  });
});

describe("staffTimelineSentence", () => {
  const at = new Date();
  it("names who did what", () => {
    expect(
      staffTimelineSentence({
        type: "taken",
        at,
        payload: {},
        actorName: "Yawa Amégah",
      }),
    ).toEqual({ key: "taken", params: { actor: "Yawa Amégah" } });
    expect(
      staffTimelineSentence({
        type: "taken",
        at,
        payload: { assigneeName: "Yawa Amégah" },
        actorName: "Komi Adjévi",
      }),
    ).toEqual({
      key: "assigned",
      params: { actor: "Komi Adjévi", assignee: "Yawa Amégah" },
    });
  });
  it("keeps the reason code and its text", () => {
    expect(
      staffTimelineSentence({
        type: "rejected",
        at,
        payload: { reason: "Pièce illisible", reasonCode: "invalid_documents" },
        actorName: "A",
      }),
    ).toEqual({
      key: "rejected",
      params: { actor: "A" },
      reason: { code: "invalid_documents", text: "Pièce illisible" },
    });
  });
  it("shows the request for pieces with its checklist", () => {
    expect(staffTimelineSentence({ type: "info_requested", at, payload: { message: "Il manque", checklist: ["Photo", ""] }, actorName: "A" }).detail).toBe(
      "Il manque\n\n• Photo",
    );
  });
  it("gives the pause of an outage or an answer", () => {
    expect(
      staffTimelineSentence({
        type: "deadline_extended",
        at,
        payload: { pausedMs: 7_200_000 },
        actorName: null,
      }),
    ).toEqual({
      key: "deadline_extended_outage",
      params: {},
      duration: { unit: "hours", count: 2 },
    });
    expect(
      staffTimelineSentence({
        type: "mystery",
        at,
        payload: {},
        actorName: null,
      }).key,
    ).toBe("other");
  });
});
