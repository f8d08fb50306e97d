import { describe, expect, it } from "vitest";
import { validateStaffAction } from "./action-form";

const choices = {
  reasons: { reject: ["not_eligible", "other"], close: ["duplicate"] },
  colleagueIds: ["u1"],
  targetOfficeIds: [7],
};

describe("validateStaffAction", () => {
  it("needs a reason code from the list and a text to refuse", () => {
    expect(validateStaffAction("reject", {}, choices)).toEqual({
      ok: false,
      errors: [
        { field: "reject-reasonCode", code: "required" },
        { field: "reject-reasonText", code: "required" },
      ],
    });
    expect(validateStaffAction("reject", { reasonCode: "duplicate", reasonText: "x" }, choices)).toEqual({
      ok: false,
      errors: [{ field: "reject-reasonCode", code: "invalid_choice" }],
    });
    expect(validateStaffAction("reject", { reasonCode: "other", reasonText: " Pièce illisible " }, choices)).toEqual({
      ok: true,
      action: {
        intent: "reject",
        reasonCode: "other",
        reasonText: "Pièce illisible",
      },
    });
  });

  it("builds the checklist from the boxes and the typed lines", () => {
    const result = validateStaffAction(
      "requestPieces",
      {
        message: "Il manque",
        checklist: ["Photo", "Acte"],
        checklistOther: "Acte\r\n\r\n Quittance ",
      },
      choices,
    );
    expect(result).toEqual({
      ok: true,
      action: {
        intent: "requestPieces",
        message: "Il manque",
        checklist: ["Photo", "Acte", "Quittance"],
      },
    });
  });

  it("only transfers to an offered office and assigns to a colleague", () => {
    expect(validateStaffAction("transfer", { toOfficeId: "8", reason: "r" }, choices)).toMatchObject({ ok: false });
    expect(validateStaffAction("transfer", { toOfficeId: "7", reason: "r" }, choices)).toEqual({
      ok: true,
      action: { intent: "transfer", toOfficeId: 7, reason: "r" },
    });
    expect(validateStaffAction("assign", { assigneeId: "u2" }, choices)).toMatchObject({ ok: false });
  });

  it("needs a text for messages, notes, reopening, handover and pickup instructions", () => {
    for (const [intent, field] of [
      ["message", "body"],
      ["note", "body"],
      ["reopen", "reason"],
      ["deliver", "identityCheck"],
      ["markReady", "instructions"],
    ] as const) {
      expect(validateStaffAction(intent, {}, choices)).toEqual({
        ok: false,
        errors: [{ field: `${intent}-${field}`, code: "required" }],
      });
    }
    expect(validateStaffAction("take", {}, choices)).toEqual({
      ok: true,
      action: { intent: "take" },
    });
  });
});
