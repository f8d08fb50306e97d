import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { LOCALES, REGION_CODES, type Locale, type RegionCode } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";

export interface Profile {
  fullName: string;
  email: string | null;
  phone: string | null;
  regionCode: RegionCode | null;
  locale: Locale;
  notifyByEmail: boolean;
  notifyBySms: boolean;
}

export async function getProfile(executor: Executor, userId: string): Promise<Profile | null> {
  const [row] = await executor
    .select({
      fullName: users.fullName,
      email: users.email,
      phone: users.phone,
      regionCode: users.regionCode,
      locale: users.locale,
      notifyByEmail: users.notifyByEmail,
      notifyBySms: users.notifyBySms,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export type ProfileInput = Pick<Profile, "fullName" | "regionCode" | "locale" | "notifyByEmail" | "notifyBySms">;
export type ProfileErrors = Partial<Record<"fullName" | "regionCode" | "locale", "required" | "too_long" | "invalid">>;

export const FULL_NAME_MAX = 120;

/** Raw form values (`channels`: the checked ones among email, sms) → a profile, or the errors by field. Channels are the citizen's choice; in-portal notices always stay on. */
export function parseProfileForm(raw: Record<string, unknown>): { ok: true; value: ProfileInput } | { ok: false; errors: ProfileErrors } {
  const errors: ProfileErrors = {};
  const fullName = typeof raw.fullName === "string" ? raw.fullName.trim().replace(/\s+/g, " ") : "";
  if (fullName === "") errors.fullName = "required";
  else if (fullName.length > FULL_NAME_MAX) errors.fullName = "too_long";
  const region = typeof raw.regionCode === "string" ? raw.regionCode : "";
  if (region !== "" && !(REGION_CODES as readonly string[]).includes(region)) errors.regionCode = "invalid";
  const locale = typeof raw.locale === "string" ? raw.locale : "";
  if (!(LOCALES as readonly string[]).includes(locale)) errors.locale = "invalid";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const channels = Array.isArray(raw.channels) ? raw.channels : typeof raw.channels === "string" ? [raw.channels] : [];
  return {
    ok: true,
    value: {
      fullName,
      regionCode: region === "" ? null : (region as RegionCode),
      locale: locale as Locale,
      notifyByEmail: channels.includes("email"),
      notifyBySms: channels.includes("sms"),
    },
  };
}

export async function updateProfile(executor: Executor, userId: string, input: ProfileInput, now = new Date()): Promise<void> {
  await executor
    .update(users)
    .set({ ...input, updatedAt: now })
    .where(eq(users.id, userId));
}
