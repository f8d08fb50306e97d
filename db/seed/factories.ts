/**
 * Small factories for tests: real rows in the real database, unique on every call, no demo data
 * needed (regions and towns are created on demand).
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { OFFICE_ROLES, type LinkStatus, type RegionCode, type StaffRole } from "../../app/domain/constants";
import { hashPassword } from "../../app/utils/password.server";
import type { Executor } from "../client";
import { agencies, linkStatusChanges, officeRegions, offices, regions, sites, staffRoles, towns, users } from "../schema";
import { REGIONS, TOWNS } from "./data/regions";

type User = typeof users.$inferSelect;
type Site = typeof sites.$inferSelect;
type Office = typeof offices.$inferSelect;
type Agency = typeof agencies.$inferSelect;
type Town = typeof towns.$inferSelect;

let counter = 0;
/** A short token unique within the process and across processes sharing a database. */
function unique(): string {
  counter++;
  return `${counter.toString(36)}${randomBytes(3).toString("hex")}`;
}

function randomPassword(): string {
  return `mdp-${randomBytes(9).toString("base64url")}`;
}

async function ensureRegion(db: Executor, code: RegionCode): Promise<void> {
  const region = REGIONS.find((r) => r.code === code);
  if (!region) throw new Error(`Unknown region ${code}`);
  await db.insert(regions).values(region).onConflictDoNothing();
}

async function ensureTown(db: Executor, regionCode: RegionCode, name?: string): Promise<Town> {
  await ensureRegion(db, regionCode);
  const seed = TOWNS.find((t) => (name ? t.name === name : t.regionCode === regionCode));
  const townName = name ?? seed?.name ?? regionCode;
  const [existing] = await db.select().from(towns).where(and(eq(towns.regionCode, regionCode), eq(towns.name, townName))).limit(1);
  if (existing) return existing;
  const [created] = await db
    .insert(towns)
    .values({ regionCode, name: townName, lat: seed?.lat ?? 8.6, lng: seed?.lng ?? 1.1 })
    .returning();
  return created as Town;
}

export interface CitizenOverrides extends Partial<typeof users.$inferInsert> {
  /** Plain password to hash (random by default). */
  password?: string;
}

/** A citizen with an e-mail address (unless overridden) and a hashed password. */
export async function createCitizen(db: Executor, overrides: CitizenOverrides = {}): Promise<{ user: User; password: string }> {
  const { password = randomPassword(), ...values } = overrides;
  const id = unique();
  const [user] = await db
    .insert(users)
    .values({
      email: `citoyen-${id}@test.tg`,
      fullName: `Citoyen ${id}`,
      regionCode: "maritime",
      ...values,
      passwordHash: values.passwordHash ?? (await hashPassword(password)),
    })
    .returning();
  return { user: user as User, password };
}

export interface StaffOptions {
  role: StaffRole;
  /** Office of an agent or supervisor; a new office is created when missing. */
  officeId?: number;
  overrides?: CitizenOverrides;
}

/** A staff member holding one role (agent and supervisor for an office, operator and admin global). */
export async function createStaff(db: Executor, options: StaffOptions): Promise<{ user: User; password: string; officeId: number | null }> {
  const id = unique();
  const { user, password } = await createCitizen(db, {
    email: `${options.role}-${id}@test.tg`,
    fullName: `${options.role} ${id}`,
    regionCode: null,
    ...options.overrides,
  });
  const isOfficeRole = (OFFICE_ROLES as readonly StaffRole[]).includes(options.role);
  const officeId = isOfficeRole ? (options.officeId ?? (await createSiteWithOffice(db)).office.id) : null;
  await db.insert(staffRoles).values({ userId: user.id, role: options.role, officeId });
  return { user, password, officeId };
}

export interface SiteWithOfficeOptions {
  linkStatus?: LinkStatus;
  regionCode?: RegionCode;
  /** One of the towns of data/regions.ts (default: the first town of the region). */
  townName?: string;
  /** Regions the office serves (default: its own). */
  serves?: RegionCode[];
  nationalCompetence?: boolean;
  acceptsOnline?: boolean;
  /** Existing agency; a new one is created when missing. */
  agencyId?: number;
}

/** A connected building (or a planned one with linkStatus "not_connected") housing one office. */
export async function createSiteWithOffice(
  db: Executor,
  options: SiteWithOfficeOptions = {},
): Promise<{ site: Site; office: Office; agency: Agency; town: Town }> {
  const id = unique().toUpperCase();
  const regionCode = options.regionCode ?? "maritime";
  const linkStatus = options.linkStatus ?? "up";
  const town = await ensureTown(db, regionCode, options.townName);
  const [site] = await db
    .insert(sites)
    .values({
      code: `TST-${id}`,
      name: `Bâtiment de test ${id}`,
      kind: "administration",
      regionCode,
      townId: town.id,
      lat: town.lat,
      lng: town.lng,
      phase: linkStatus === "not_connected" ? 2 : 1,
      connectedOn: linkStatus === "not_connected" ? null : "2017-06-01",
      linkStatus,
    })
    .returning();
  if (!site) throw new Error("site not created");
  await db.insert(linkStatusChanges).values({
    siteId: site.id,
    fromStatus: null,
    toStatus: linkStatus,
    source: "system",
    note: linkStatus === "not_connected" ? "Site planifié" : "Raccordement initial",
    // The demo history and the factories' first statuses are past: their effects are the seed's.
    effectsAppliedAt: new Date(),
  });

  let agency: Agency | undefined;
  if (options.agencyId !== undefined) {
    [agency] = await db.select().from(agencies).where(eq(agencies.id, options.agencyId));
  } else {
    [agency] = await db
      .insert(agencies)
      .values({ code: `AG-${id}`, nameFr: `Administration de test ${id}`, nameEn: `Test agency ${id}`, kind: "direction" })
      .returning();
  }
  if (!agency) throw new Error(`agency ${options.agencyId} not found`);

  const [office] = await db
    .insert(offices)
    .values({
      code: `BUR-${id}`,
      agencyId: agency.id,
      siteId: site.id,
      name: `Bureau de test ${id}`,
      acceptsOnline: options.acceptsOnline ?? true,
      nationalCompetence: options.nationalCompetence ?? false,
      hours: "Lundi – vendredi, 7 h 30 – 17 h 30",
      phone: "+228 22 21 00 00",
      email: `bureau-${id.toLowerCase()}@test.tg`,
    })
    .returning();
  if (!office) throw new Error("office not created");
  const served = options.serves ?? [regionCode];
  for (const code of served) await ensureRegion(db, code);
  await db.insert(officeRegions).values(served.map((code) => ({ officeId: office.id, regionCode: code })));
  return { site, office, agency, town };
}
