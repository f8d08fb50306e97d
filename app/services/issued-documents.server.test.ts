import { describe, expect, it } from "vitest";
import { generateVerificationCode, holderInitials, normalizeVerificationCode, verificationUrl } from "./issued-documents.server";

describe("verification codes", () => {
  it("are 10 Crockford characters in two groups", () => {
    for (let i = 0; i < 200; i++) expect(generateVerificationCode()).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    expect(generateVerificationCode(() => 31)).toBe("ZZZZZ-ZZZZZ");
  });

  it.each([
    ["7k4mq-2p9xa", "7K4MQ-2P9XA"],
    ["7K4MQ 2P9XA", "7K4MQ-2P9XA"],
    ["7K4MQ2P9XA", "7K4MQ-2P9XA"],
    ["7K4MQ-2P9XO", "7K4MQ-2P9X0"],
    ["7K4MQ-2P9XI", "7K4MQ-2P9X1"],
    ["7K4MQ-2P9XL", "7K4MQ-2P9X1"],
  ])("read %s as %s", (typed, code) => {
    expect(normalizeVerificationCode(typed)).toBe(code);
  });

  it.each(["", "abc", "7K4MQ-2P9XAB", "7K4MQ-2P9XU", "../etc/passwd", "7K4MQ-2P9X!"])("refuse %j", (typed) => {
    expect(normalizeVerificationCode(typed)).toBeNull();
  });

  it("link to the public page", () => {
    expect(verificationUrl("https://guichet.gouv.tg/", "7K4MQ-2P9XA")).toBe("https://guichet.gouv.tg/verifier/7K4MQ-2P9XA");
  });
});

describe("holder's initials", () => {
  it.each([
    ["Akouvi Mensah", "A. M."],
    ["akouvi mensah", "A. M."],
    ["  Ama   Koudjo ", "A. K."],
    ["Élodie Ablavi Mensah-Amégavi", "É. A. M."],
    ["Komla Yao Kodjo Mensah", "K. M."],
    ["Madonna", "M."],
  ])("%s → %s", (name, initials) => {
    expect(holderInitials(name)).toBe(initials);
  });
});
