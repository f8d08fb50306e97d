import { describe, expect, it } from "vitest";
import { CASE_STATUSES, type CaseStatus } from "./constants";
import { availableTransitions, checkTransition, TRANSITIONS, type Actor, type TransitionName } from "./lifecycle";

/** DESIGN.md §4 written out: transition, actor, from → to. Everything not listed is refused. */
const ALLOWED: [TransitionName, Actor, CaseStatus, CaseStatus | CaseStatus[]][] = [
  ["submit", "citizen", "draft", ["submitted", "queued"]],
  ["dispatch", "system", "queued", "submitted"],
  ["take", "agent", "submitted", "in_review"],
  ["take", "supervisor", "submitted", "in_review"],
  ["requestInfo", "agent", "in_review", "awaiting_info"],
  ["answerInfo", "citizen", "awaiting_info", "in_review"],
  ["accept", "agent", "in_review", "accepted"],
  ["markReady", "agent", "accepted", "ready"],
  ["deliver", "agent", "ready", "delivered"],
  ["reject", "agent", "in_review", "rejected"],
  ["close", "agent", "in_review", "closed"],
  ["close", "agent", "awaiting_info", "closed"],
  ["expireInfoRequest", "system", "awaiting_info", "closed"],
  ["reopen", "supervisor", "rejected", "in_review"],
  ["reopen", "supervisor", "closed", "in_review"],
  ["transfer", "agent", "submitted", "submitted"],
  ["transfer", "agent", "in_review", "submitted"],
  ["withdraw", "citizen", "queued", "withdrawn"],
  ["withdraw", "citizen", "submitted", "withdrawn"],
  ["withdraw", "citizen", "in_review", "withdrawn"],
  ["withdraw", "citizen", "awaiting_info", "withdrawn"],
];

const given = { reason: "Motif", message: "Message" };
const ACTORS: Actor[] = ["citizen", "agent", "supervisor", "system"];

describe("case lifecycle", () => {
  it.each(ALLOWED)("%s by %s from %s", (name, actor, from, to) => {
    expect(checkTransition(name, from, actor, given)).toEqual({ ok: true, to });
  });

  it("refuses every other status for each transition", () => {
    for (const name of Object.keys(TRANSITIONS) as TransitionName[]) {
      for (const status of CASE_STATUSES) {
        const listed = ALLOWED.some(([n, , from]) => n === name && from === status);
        const actor = TRANSITIONS[name].actors[0];
        const result = checkTransition(name, status, actor, given);
        expect(result.ok, `${name} from ${status}`).toBe(listed);
        if (!listed) expect(result).toEqual({ ok: false, error: "wrong_status" });
      }
    }
  });

  it("refuses actors who may not make the transition", () => {
    expect(checkTransition("reopen", "rejected", "agent", given)).toEqual({ ok: false, error: "not_allowed" });
    expect(checkTransition("accept", "in_review", "citizen", given)).toEqual({ ok: false, error: "not_allowed" });
    expect(checkTransition("withdraw", "submitted", "agent", given)).toEqual({ ok: false, error: "not_allowed" });
    expect(checkTransition("dispatch", "queued", "agent", given)).toEqual({ ok: false, error: "not_allowed" });
  });

  it("requires a reason to refuse, close, reopen or transfer, and a message to ask for or give pieces", () => {
    expect(checkTransition("reject", "in_review", "agent", { reason: " " })).toEqual({ ok: false, error: "reason_required" });
    expect(checkTransition("close", "in_review", "agent", {})).toEqual({ ok: false, error: "reason_required" });
    expect(checkTransition("reopen", "closed", "supervisor", {})).toEqual({ ok: false, error: "reason_required" });
    expect(checkTransition("transfer", "submitted", "agent", {})).toEqual({ ok: false, error: "reason_required" });
    expect(checkTransition("requestInfo", "in_review", "agent", {})).toEqual({ ok: false, error: "message_required" });
    expect(checkTransition("answerInfo", "awaiting_info", "citizen", { message: "" })).toEqual({ ok: false, error: "message_required" });
  });

  it("lists what a citizen can do with his case", () => {
    expect(availableTransitions("awaiting_info", "citizen")).toEqual(["answerInfo", "withdraw"]);
    expect(availableTransitions("submitted", "citizen")).toEqual(["withdraw"]);
    expect(availableTransitions("accepted", "citizen")).toEqual([]);
    for (const actor of ACTORS) expect(availableTransitions("delivered", actor)).toEqual([]);
  });
});
