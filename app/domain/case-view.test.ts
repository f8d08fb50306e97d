import { describe, expect, it } from "vitest";
import { CASE_STATUSES, type CaseStatus } from "./constants";
import {
  canAnswerInfo,
  canWithdraw,
  canWriteToOffice,
  caseList,
  draftExpiresAt,
  durationParts,
  infoRequestOf,
  nextAction,
  statusExplanationKey,
  timelineSentence,
} from "./case-view";

const H = 3_600_000;

describe("case view for the citizen", () => {
  it.each<[CaseStatus, "pickup" | "electronic", string]>([
    ["draft", "pickup", "draft"],
    ["queued", "pickup", "in_progress"],
    ["submitted", "electronic", "in_progress"],
    ["in_review", "pickup", "in_progress"],
    ["awaiting_info", "pickup", "in_progress"],
    ["accepted", "pickup", "in_progress"],
    ["accepted", "electronic", "finished"],
    ["ready", "pickup", "in_progress"],
    ["delivered", "pickup", "finished"],
    ["rejected", "electronic", "finished"],
    ["closed", "pickup", "finished"],
    ["withdrawn", "pickup", "finished"],
  ])("%s (%s delivery) is listed under %s", (status, delivery, list) => {
    expect(caseList(status, delivery)).toBe(list);
  });

  it("explains every status, accepted by delivery mode", () => {
    for (const status of CASE_STATUSES) expect(statusExplanationKey(status, "pickup")).toMatch(/^explain\./);
    expect(statusExplanationKey("accepted", "pickup")).toBe("explain.accepted_pickup");
    expect(statusExplanationKey("accepted", "electronic")).toBe("explain.accepted_electronic");
  });

  it("tells the next action: answer before the date, pick up, download, finish the draft", () => {
    const due = new Date("2026-12-01T12:00:00Z");
    expect(nextAction({ status: "awaiting_info", delivery: "pickup", infoDueAt: due })).toEqual({ key: "answer_info", date: due });
    expect(nextAction({ status: "ready", delivery: "pickup" })).toEqual({ key: "pick_up" });
    expect(nextAction({ status: "accepted", delivery: "electronic", hasIssuedDocument: true })).toEqual({ key: "download" });
    expect(nextAction({ status: "accepted", delivery: "pickup" })).toBeNull();
    expect(nextAction({ status: "in_review", delivery: "pickup" })).toBeNull();
    const saved = new Date("2026-11-01T00:00:00Z");
    expect(nextAction({ status: "draft", delivery: "pickup", updatedAt: saved })).toEqual({ key: "complete_draft", date: draftExpiresAt(saved) });
    expect(draftExpiresAt(saved).toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });

  it("allows withdrawing only before a decision, answering only while pieces are asked", () => {
    const withdrawable = CASE_STATUSES.filter(canWithdraw);
    expect(withdrawable).toEqual(["queued", "submitted", "in_review", "awaiting_info"]);
    expect(CASE_STATUSES.filter(canAnswerInfo)).toEqual(["awaiting_info"]);
    expect(canWriteToOffice("in_review", 3)).toBe(true);
    expect(canWriteToOffice("queued", null)).toBe(false);
    expect(canWriteToOffice("withdrawn", 3)).toBe(false);
  });

  it("rounds durations for a sentence", () => {
    expect(durationParts(20 * 60_000)).toEqual({ unit: "minutes", count: 20 });
    expect(durationParts(10_000)).toEqual({ unit: "minutes", count: 1 });
    expect(durationParts(3 * H)).toEqual({ unit: "hours", count: 3 });
    expect(durationParts(47 * H)).toEqual({ unit: "hours", count: 47 });
    expect(durationParts(5 * 24 * H)).toEqual({ unit: "days", count: 5 });
  });

  it.each<[string, Record<string, unknown>, ReturnType<typeof timelineSentence>]>([
    ["submitted", { officeName: "Mairie de Golfe 1" }, { key: "submitted_to", params: { officeName: "Mairie de Golfe 1" } }],
    ["submitted", {}, { key: "submitted", params: {} }],
    ["queued", { reason: "queued_unreachable" }, { key: "queued", params: {} }],
    ["forwarded", { officeName: "Mairie de Kara" }, { key: "forwarded_to", params: { officeName: "Mairie de Kara" } }],
    ["rerouted", { officeName: "Mairie de Kara", pausedMs: H }, { key: "rerouted_to", params: { officeName: "Mairie de Kara" } }],
    ["transferred", {}, { key: "transferred", params: {} }],
    ["deadline_extended", { reason: "office_link_down", pausedMs: 3 * H }, { key: "deadline_extended_office_link_down", params: {}, duration: { unit: "hours", count: 3 } }],
    ["deadline_extended", { reason: "maintenance", pausedMs: 90 * 60_000 }, { key: "deadline_extended_maintenance", params: {}, duration: { unit: "hours", count: 2 } }],
    ["deadline_extended", { reason: "maintenance" }, { key: "deadline_extended_maintenance_short", params: {} }],
    ["taken", {}, { key: "taken", params: {} }],
    ["info_requested", { message: "Pièce illisible" }, { key: "info_requested", params: {} }],
    ["info_answered", { pausedMs: 2 * 24 * H }, { key: "info_answered_paused", params: {}, duration: { unit: "days", count: 2 } }],
    ["info_answered", {}, { key: "info_answered", params: {} }],
    ["accepted", {}, { key: "accepted", params: {} }],
    ["ready", {}, { key: "ready", params: {} }],
    ["delivered", {}, { key: "delivered", params: {} }],
    ["rejected", { reason: "Pièces non conformes" }, { key: "rejected_reason", params: { reason: "Pièces non conformes" } }],
    ["closed", { reason: "  " }, { key: "closed", params: {} }],
    ["info_request_expired", {}, { key: "info_request_expired", params: {} }],
    ["info_reminder_sent", {}, { key: "info_reminder_sent", params: {} }],
    ["reopened", { reason: "Erreur" }, { key: "reopened_reason", params: { reason: "Erreur" } }],
    ["withdrawn", {}, { key: "withdrawn", params: {} }],
    ["something_new", {}, { key: "other", params: {} }],
  ])("a %s event reads as a sentence", (type, payload, expected) => {
    expect(timelineSentence({ type, payload })).toEqual(expected);
  });

  it("reads the office's request for pieces from its event", () => {
    expect(infoRequestOf({ message: "Copie illisible", checklist: ["Acte de naissance", "", 3] })).toEqual({
      message: "Copie illisible",
      checklist: ["Acte de naissance"],
    });
    expect(infoRequestOf({})).toBeNull();
    expect(infoRequestOf(null)).toBeNull();
  });
});
