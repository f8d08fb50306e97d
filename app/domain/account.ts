import { z } from "zod";

/**
 * Account rules: what counts as an identifier (an e-mail address or a Togolese mobile number)
 * and what counts as an acceptable password. Pure: the common-password list is injected by the
 * server (it is too big for the browser bundle), the browser validates everything else.
 *
 * Error messages are i18n keys of the `auth` namespace.
 */

export type Identifier = { kind: "email"; value: string } | { kind: "phone"; value: string };

export type IdentifierResult = { ok: true; identifier: Identifier } | { ok: false; error: string };

/** Mobile prefixes of Togo's two operators (Togocom: 70, 71, 72, 79, 90–93; Moov Africa: 96–99). */
export const TOGO_MOBILE_PREFIXES = ["70", "71", "72", "79", "90", "91", "92", "93", "96", "97", "98", "99"] as const;
export const TOGO_COUNTRY_CODE = "228";

export const EMAIL_MAX_LENGTH = 254;
// Deliberately loose (one @, a dot in the domain, no spaces): the real check is the message we send.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

export function parseEmail(input: string): IdentifierResult {
  const value = input.trim().toLowerCase();
  if (value.length === 0) return { ok: false, error: "validation.identifier.required" };
  if (value.length > EMAIL_MAX_LENGTH || !EMAIL_PATTERN.test(value)) {
    return { ok: false, error: "validation.email.invalid" };
  }
  return { ok: true, identifier: { kind: "email", value } };
}

/**
 * A Togolese mobile number in any usual spelling — "90 12 34 56", "+228 90123456",
 * "0022890123456", "22890123456", "90-12-34-56" — normalised to E.164 (+22890123456).
 */
export function parsePhone(input: string): IdentifierResult {
  const compact = input.trim().replace(/[\s.\-()/]/g, "");
  if (compact.length === 0) return { ok: false, error: "validation.identifier.required" };
  if (!/^\+?\d+$/.test(compact)) return { ok: false, error: "validation.phone.invalid" };
  let national: string;
  if (compact.startsWith("+")) {
    if (!compact.startsWith(`+${TOGO_COUNTRY_CODE}`)) return { ok: false, error: "validation.phone.not_togolese" };
    national = compact.slice(1 + TOGO_COUNTRY_CODE.length);
  } else if (compact.startsWith("00")) {
    if (!compact.startsWith(`00${TOGO_COUNTRY_CODE}`)) return { ok: false, error: "validation.phone.not_togolese" };
    national = compact.slice(2 + TOGO_COUNTRY_CODE.length);
  } else if (compact.length === 8 + TOGO_COUNTRY_CODE.length && compact.startsWith(TOGO_COUNTRY_CODE)) {
    national = compact.slice(TOGO_COUNTRY_CODE.length);
  } else {
    national = compact;
  }
  if (national.length !== 8) return { ok: false, error: "validation.phone.length" };
  if (!(TOGO_MOBILE_PREFIXES as readonly string[]).includes(national.slice(0, 2))) {
    return { ok: false, error: "validation.phone.not_mobile" };
  }
  return { ok: true, identifier: { kind: "phone", value: `+${TOGO_COUNTRY_CODE}${national}` } };
}

/** An e-mail address when it contains "@", otherwise a phone number. */
export function parseIdentifier(input: string): IdentifierResult {
  const trimmed = input.trim();
  if (trimmed.length === 0) return { ok: false, error: "validation.identifier.required" };
  if (trimmed.includes("@")) return parseEmail(trimmed);
  if (/^[+\d\s.\-()/]+$/.test(trimmed)) return parsePhone(trimmed);
  return { ok: false, error: "validation.identifier.invalid" };
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export interface PasswordContext {
  /** True when the (lower-cased) password is a well-known one; only the server knows the list. */
  isCommonPassword?: (lowerCasedPassword: string) => boolean;
  /** The user's own words, refused as a password: identifiers (e-mail, phone) and full name. */
  identifiers?: ReadonlyArray<Identifier | string | null | undefined>;
  fullName?: string | null;
}

function squash(value: string): string {
  return value.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[\s._\-+@]/g, "");
}

/** The words of the user that cannot be the password (compared squashed: case, accents, spaces). */
function personalWords(context: PasswordContext): string[] {
  const words: string[] = [];
  for (const identifier of context.identifiers ?? []) {
    if (!identifier) continue;
    const value = typeof identifier === "string" ? identifier : identifier.value;
    words.push(value);
    if (value.includes("@")) words.push(value.slice(0, value.indexOf("@")));
    const digits = value.replace(/\D/g, "");
    if (digits.startsWith(TOGO_COUNTRY_CODE) && digits.length === 11) words.push(digits, digits.slice(3));
  }
  if (context.fullName) {
    words.push(context.fullName);
    for (const part of context.fullName.split(/\s+/)) if (part.length >= 4) words.push(part);
  }
  return words.map(squash).filter((w) => w.length > 0);
}

/**
 * The one problem with a password, or null. Length counts characters (not bytes); no composition
 * rules (NIST SP 800-63B): long passphrases are welcome, well-known passwords are not.
 */
export function passwordProblem(password: string, context: PasswordContext = {}): string | null {
  const length = [...password].length;
  if (length === 0) return "validation.password.required";
  if (length < PASSWORD_MIN_LENGTH) return "validation.password.too_short";
  if (length > PASSWORD_MAX_LENGTH) return "validation.password.too_long";
  if (context.isCommonPassword?.(password.toLowerCase())) return "validation.password.common";
  const squashed = squash(password);
  if (personalWords(context).includes(squashed)) return "validation.password.personal";
  return null;
}

// ——— Form schemas (conform + zod 4). Empty fields arrive as undefined. ———

const requiredString = (error: string) => z.string({ error }).trim().min(1, { error, abort: true });

const identifierField = requiredString("validation.identifier.required").transform((value, ctx) => {
  const result = parseIdentifier(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  }
  return result.identifier;
});

export const FULL_NAME_MAX_LENGTH = 120;

export interface SchemaOptions {
  /** Given on the server only (the list stays out of the browser bundle). */
  isCommonPassword?: (lowerCasedPassword: string) => boolean;
  /**
   * In the browser, without the list: the message of an issue that says "the server must decide"
   * (conform's VALIDATION_UNDEFINED), added when the password passes every rule the browser
   * knows. The form is then sent and the server answers with all the errors at once.
   */
  deferredPasswordCheck?: string;
}

/** A new password on its own: length and the common list (or, in the browser, the deferral). */
function newPasswordField(options: SchemaOptions) {
  return z.string({ error: "validation.password.required" }).superRefine((password, ctx) => {
    const problem = passwordProblem(password, { isCommonPassword: options.isCommonPassword });
    if (problem) ctx.addIssue({ code: "custom", message: problem });
    else if (!options.isCommonPassword && options.deferredPasswordCheck) {
      ctx.addIssue({ code: "custom", message: options.deferredPasswordCheck });
    }
  });
}

/**
 * Rules across fields. Zod runs them once no field failed to parse (refinement issues do not
 * stop them), so the length rules already reported by the field are not repeated here.
 */
function checkAgainstOtherFields(
  value: { password: string; passwordConfirmation: string },
  context: PasswordContext,
  ctx: z.RefinementCtx,
) {
  if (passwordProblem(value.password)) return;
  const problem = passwordProblem(value.password, context);
  if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  else if (value.password !== value.passwordConfirmation) {
    ctx.addIssue({ code: "custom", path: ["passwordConfirmation"], message: "validation.password_confirmation.mismatch" });
  }
}

export function signUpSchema(options: SchemaOptions = {}) {
  return z
    .object({
      fullName: requiredString("validation.full_name.required")
        .min(2, { error: "validation.full_name.too_short" })
        .max(FULL_NAME_MAX_LENGTH, { error: "validation.full_name.too_long" }),
      identifier: identifierField,
      password: newPasswordField(options),
      passwordConfirmation: z.string({ error: "validation.password_confirmation.required" }),
    })
    .superRefine((value, ctx) => checkAgainstOtherFields(value, { identifiers: [value.identifier], fullName: value.fullName }, ctx));
}

export const signInSchema = z.object({
  identifier: identifierField,
  // No rules at sign-in beyond presence: the stored hash decides.
  password: z.string({ error: "validation.password.required" }).max(1024, { error: "validation.password.too_long" }),
  redirectTo: z.string().optional(),
});

export const passwordResetRequestSchema = z.object({
  identifier: identifierField,
});

export function newPasswordSchema(options: SchemaOptions = {}) {
  return z
    .object({
      token: z.string({ error: "reset.invalid_token" }).min(1, { error: "reset.invalid_token" }).max(200),
      password: newPasswordField(options),
      passwordConfirmation: z.string({ error: "validation.password_confirmation.required" }),
    })
    .superRefine((value, ctx) => checkAgainstOtherFields(value, {}, ctx));
}
