import { describe, expect, it } from "vitest";
import { parseIdentifier, passwordProblem, signInSchema, signUpSchema } from "./account";

describe("parseIdentifier", () => {
  it.each([
    ["Awa.Mensah@Example.TG", "awa.mensah@example.tg"],
    ["  kodjo@gouv.tg  ", "kodjo@gouv.tg"],
    ["a.b+c@mail.example.com", "a.b+c@mail.example.com"],
  ])("accepts the e-mail %j as %j", (input, expected) => {
    expect(parseIdentifier(input)).toEqual({ ok: true, identifier: { kind: "email", value: expected } });
  });

  it.each([
    ["awa@", "validation.email.invalid"],
    ["@example.tg", "validation.email.invalid"],
    ["awa@example", "validation.email.invalid"],
    ["awa mensah@example.tg", "validation.email.invalid"],
    ["awa@@example.tg", "validation.email.invalid"],
    [`${"a".repeat(250)}@example.tg`, "validation.email.invalid"],
  ])("refuses the e-mail %j", (input, error) => {
    expect(parseIdentifier(input)).toEqual({ ok: false, error });
  });

  it.each([
    ["90 12 34 56", "+22890123456"],
    ["90123456", "+22890123456"],
    ["+228 90123456", "+22890123456"],
    ["+228 90 12 34 56", "+22890123456"],
    ["0022890123456", "+22890123456"],
    ["22890123456", "+22890123456"],
    ["90-12-34-56", "+22890123456"],
    ["90.12.34.56", "+22890123456"],
    ["70 00 00 01", "+22870000001"],
    ["71000001", "+22871000001"],
    ["72000001", "+22872000001"],
    ["79000001", "+22879000001"],
    ["91000001", "+22891000001"],
    ["93000001", "+22893000001"],
    ["96000001", "+22896000001"],
    ["99 99 99 99", "+22899999999"],
  ])("accepts the phone %j as %j", (input, expected) => {
    expect(parseIdentifier(input)).toEqual({ ok: true, identifier: { kind: "phone", value: expected } });
  });

  it.each([
    ["9012345", "validation.phone.length"],
    ["901234567", "validation.phone.length"],
    ["+228 9012345", "validation.phone.length"],
    ["+228 901234567", "validation.phone.length"],
    ["22 12 34 56", "validation.phone.not_mobile"], // landline (Lomé)
    ["94 12 34 56", "validation.phone.not_mobile"],
    ["95 12 34 56", "validation.phone.not_mobile"],
    ["80 12 34 56", "validation.phone.not_mobile"],
    ["73 12 34 56", "validation.phone.not_mobile"],
    ["+33 6 12 34 56 78", "validation.phone.not_togolese"],
    ["0033612345678", "validation.phone.not_togolese"],
    ["+2289012+3456", "validation.phone.invalid"],
  ])("refuses the phone %j", (input, error) => {
    expect(parseIdentifier(input)).toEqual({ ok: false, error });
  });

  it.each([
    ["", "validation.identifier.required"],
    ["   ", "validation.identifier.required"],
    ["kodjo", "validation.identifier.invalid"],
    ["90 12 34 5a", "validation.identifier.invalid"],
  ])("refuses %j", (input, error) => {
    expect(parseIdentifier(input)).toEqual({ ok: false, error });
  });
});

describe("passwordProblem", () => {
  const common = new Set(["password", "azertyuiop", "motdepasse"]);
  const isCommonPassword = (p: string) => common.has(p);

  it.each([
    ["", "validation.password.required"],
    ["court", "validation.password.too_short"],
    ["1234567", "validation.password.too_short"],
    ["x".repeat(129), "validation.password.too_long"],
    ["password", "validation.password.common"],
    ["AzertyUIOP", "validation.password.common"],
  ])("refuses %j", (password, error) => {
    expect(passwordProblem(password, { isCommonPassword })).toBe(error);
  });

  it("counts characters, not bytes", () => {
    expect(passwordProblem("éèàçùêîô", { isCommonPassword })).toBeNull();
    expect(passwordProblem("😀😀😀😀😀😀😀", { isCommonPassword })).toBe("validation.password.too_short");
  });

  it("refuses the user's own identifier and name", () => {
    const email = { kind: "email", value: "kossi.agbeko@example.tg" } as const;
    const phone = { kind: "phone", value: "+22890123456" } as const;
    expect(passwordProblem("kossi.agbeko@example.tg", { identifiers: [email] })).toBe("validation.password.personal");
    expect(passwordProblem("Kossi.Agbeko", { identifiers: [email] })).toBe("validation.password.personal");
    expect(passwordProblem("90123456", { identifiers: [phone] })).toBe("validation.password.personal");
    expect(passwordProblem("+228 90 12 34 56", { identifiers: [phone] })).toBe("validation.password.personal");
    expect(passwordProblem("Kossi Agbéko", { fullName: "Kossi Agbeko" })).toBe("validation.password.personal");
    expect(passwordProblem("agbekoagbeko", { fullName: "Kossi Agbeko" })).toBeNull();
  });

  it("accepts a long passphrase without any composition rule", () => {
    expect(passwordProblem("le fleuve mono coule vers la mer", { isCommonPassword })).toBeNull();
    expect(passwordProblem("x".repeat(128), { isCommonPassword })).toBeNull();
    expect(passwordProblem("tousenminuscules", { isCommonPassword })).toBeNull();
  });
});

describe("form schemas", () => {
  it("sign-up: normalises the identifier, checks the confirmation", () => {
    const schema = signUpSchema({ isCommonPassword: (p) => p === "password" });
    const ok = schema.safeParse({ fullName: " Afi Lawson ", identifier: "+228 90 12 34 56", password: "baobab de kpalime", passwordConfirmation: "baobab de kpalime" });
    expect(ok.success && ok.data).toEqual({
      fullName: "Afi Lawson",
      identifier: { kind: "phone", value: "+22890123456" },
      password: "baobab de kpalime",
      passwordConfirmation: "baobab de kpalime",
    });
    const mismatch = schema.safeParse({ fullName: "Afi Lawson", identifier: "afi@example.tg", password: "baobab de kpalime", passwordConfirmation: "baobab" });
    expect(mismatch.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["passwordConfirmation", "validation.password_confirmation.mismatch"]]);
    const commonPw = schema.safeParse({ fullName: "Afi Lawson", identifier: "afi@example.tg", password: "password", passwordConfirmation: "password" });
    expect(commonPw.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["password", "validation.password.common"]]);
  });

  it("sign-up: a bad identifier and a common password are both reported", () => {
    const result = signUpSchema({ isCommonPassword: (p) => p === "password" }).safeParse({ fullName: "Edem Lawson", identifier: "80 12 34 56", password: "password", passwordConfirmation: "password" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["identifier", "validation.phone.not_mobile"],
      ["password", "validation.password.common"],
    ]);
  });

  it("sign-up in the browser: a password that passes the known rules is left to the server", () => {
    const schema = signUpSchema({ deferredPasswordCheck: "__undefined__" });
    const deferred = schema.safeParse({ fullName: "Edem Lawson", identifier: "80 12 34 56", password: "password", passwordConfirmation: "password" });
    expect(deferred.error?.issues.map((i) => i.message)).toContain("__undefined__");
    const tooShort = schema.safeParse({ fullName: "Edem Lawson", identifier: "edem@example.tg", password: "court", passwordConfirmation: "court" });
    expect(tooShort.error?.issues.map((i) => i.message)).toEqual(["validation.password.too_short"]);
  });

  it("sign-up: missing fields give i18n keys", () => {
    const result = signUpSchema().safeParse({});
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["fullName", "validation.full_name.required"],
      ["identifier", "validation.identifier.required"],
      ["password", "validation.password.required"],
      ["passwordConfirmation", "validation.password_confirmation.required"],
    ]);
  });

  it("sign-in: a bad phone number is a field error", () => {
    const result = signInSchema.safeParse({ identifier: "22 12 34 56", password: "x" });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["identifier", "validation.phone.not_mobile"]]);
  });
});
