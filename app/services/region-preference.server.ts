import { createCookie } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { users } from "../../db/schema";
import { REGION_CODES, type RegionCode } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";

/** Where availability is shown for when nothing else is known: Lomé's region, most of the network. */
export const DEFAULT_REGION: RegionCode = "maritime";

/** The region a signed-out visitor last chose (a year; not a secret, never read by scripts). */
export const regionCookie = createCookie("region", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export function isRegion(value: unknown): value is RegionCode {
  return typeof value === "string" && (REGION_CODES as readonly string[]).includes(value);
}

export interface RegionChoice {
  region: RegionCode;
  /** A Set-Cookie header to send when a signed-out visitor chose another region. */
  setCookie: string | null;
}

/**
 * The citizen's region for availability, remembered: `?region=` when given (and then stored —
 * in the profile of a signed-in user, in a cookie otherwise), else the profile's region, else the
 * cookie, else Maritime. A GET that writes, but only the visitor's own preference, as a language
 * switch does.
 */
export async function resolveRegion(executor: Executor, request: Request, userId: string | null): Promise<RegionChoice> {
  const asked = new URL(request.url).searchParams.get("region");
  const cookieRegion = await readRegionCookie(request);
  if (userId) {
    const [row] = await executor.select({ region: users.regionCode }).from(users).where(eq(users.id, userId));
    if (isRegion(asked)) {
      if (row && row.region !== asked) await executor.update(users).set({ regionCode: asked, updatedAt: new Date() }).where(eq(users.id, userId));
      return { region: asked, setCookie: null };
    }
    return { region: isRegion(row?.region) ? row.region : (cookieRegion ?? DEFAULT_REGION), setCookie: null };
  }
  if (isRegion(asked)) return { region: asked, setCookie: asked === cookieRegion ? null : await regionCookie.serialize(asked) };
  return { region: cookieRegion ?? DEFAULT_REGION, setCookie: null };
}

async function readRegionCookie(request: Request): Promise<RegionCode | null> {
  const header = request.headers.get("Cookie");
  if (!header || !header.includes("region=")) return null;
  const value: unknown = await regionCookie.parse(header);
  return isRegion(value) ? value : null;
}
