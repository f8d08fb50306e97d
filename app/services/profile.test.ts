import { describe, expect, it } from "vitest";
import { checkMessageBody, MESSAGE_MAX_LENGTH } from "./case-messages.server";
import { parseProfileForm } from "./profile.server";

describe("profile form", () => {
  it("keeps the name tidy and the channels chosen", () => {
    expect(parseProfileForm({ fullName: "  Afi   Mensah ", regionCode: "kara", locale: "en", channels: ["sms"] })).toEqual({
      ok: true,
      value: { fullName: "Afi Mensah", regionCode: "kara", locale: "en", notifyByEmail: false, notifyBySms: true },
    });
    expect(parseProfileForm({ fullName: "Afi", regionCode: "", locale: "fr", channels: "email" })).toEqual({
      ok: true,
      value: { fullName: "Afi", regionCode: null, locale: "fr", notifyByEmail: true, notifyBySms: false },
    });
  });

  it("refuses an empty or overlong name, an unknown region or language", () => {
    expect(parseProfileForm({ fullName: " ", regionCode: "lome", locale: "de" })).toEqual({
      ok: false,
      errors: { fullName: "required", regionCode: "invalid", locale: "invalid" },
    });
    expect(parseProfileForm({ fullName: "A".repeat(121), locale: "fr" })).toMatchObject({ ok: false, errors: { fullName: "too_long" } });
  });
});

describe("message body", () => {
  it("must say something, within the limit", () => {
    expect(checkMessageBody(" \n ")).toBe("body_required");
    expect(checkMessageBody("x".repeat(MESSAGE_MAX_LENGTH + 1))).toBe("body_too_long");
    expect(checkMessageBody("Bonjour")).toBeNull();
  });
});
