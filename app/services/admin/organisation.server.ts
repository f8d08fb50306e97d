import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { agencies, officeRegions, offices, procedures, sites } from "../../../db/schema";
import { isAllowedParent, treeOrder } from "~/domain/agency-tree";
import { AGENCY_KINDS, REGION_CODES, type AgencyKind, type RegionCode } from "~/domain/constants";
import type { Database, Executor } from "~/utils/db.server";
import { forgetCatalogueSnapshot } from "../catalogue.server";
import { invalidateStatusSummary } from "../link-status.server";
import { forgetStatusSummaryMemo } from "../status-summary.server";
import { auditAdminChange, type AdminActor } from "./admin-audit.server";
import { integerOrNull } from "~/domain/input";

/** Codes of agencies and offices: upper-case letters, digits and hyphens (e.g. DGDN, TPI-LOM). */
export const ORG_CODE = /^[A-Z0-9][A-Z0-9-]{1,29}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]{6,20}$/;

export type FieldErrors<K extends string> = Partial<Record<K, string>>;
type Result<K extends string> = { ok: true; id: number; changed: boolean } | { ok: false; errors: FieldErrors<K> };

function checkCode(value: string, errors: FieldErrors<"code">): string {
  const code = value.trim().toUpperCase();
  if (!code) errors.code = "errors.code.required";
  else if (!ORG_CODE.test(code)) errors.code = "errors.code.orgFormat";
  return code;
}

// ─── Agencies ───────────────────────────────────────────────────────────────

export async function listAgencies(db: Executor) {
  const rows = await db
    .select({
      id: agencies.id,
      code: agencies.code,
      nameFr: agencies.nameFr,
      nameEn: agencies.nameEn,
      kind: agencies.kind,
      parentId: agencies.parentId,
      offices: sql<number>`(select count(*) from ${offices} where ${offices.agencyId} = ${agencies.id})`.mapWith(Number),
      procedures: sql<number>`(select count(*) from ${procedures} where ${procedures.agencyId} = ${agencies.id})`.mapWith(Number),
    })
    .from(agencies);
  return treeOrder(rows);
}

export async function findAgency(db: Executor, id: number) {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row ?? null;
}

export type AgencyField = "code" | "nameFr" | "nameEn" | "kind" | "parentId";
export type AgencyInput = Record<AgencyField, string>;

async function checkAgency(db: Executor, input: AgencyInput, id?: number) {
  const errors: FieldErrors<AgencyField> = {};
  const code = checkCode(input.code, errors);
  const nameFr = input.nameFr.trim();
  const nameEn = input.nameEn.trim();
  if (!nameFr) errors.nameFr = "errors.nameFr.required";
  if (!nameEn) errors.nameEn = "errors.nameEn.required";
  const kind = AGENCY_KINDS.find((k) => k === input.kind);
  if (!kind) errors.kind = "errors.agencyKind";
  const parentId = input.parentId ? Number(input.parentId) : null;
  const all = await db.select({ id: agencies.id, parentId: agencies.parentId, nameFr: agencies.nameFr, code: agencies.code }).from(agencies);
  if (parentId !== null && !all.some((a) => a.id === parentId)) errors.parentId = "errors.parent.unknown";
  else if (id !== undefined && !isAllowedParent(all, id, parentId)) errors.parentId = "errors.parent.cycle";
  if (code && !errors.code && all.some((a) => a.code === code && a.id !== id)) errors.code = "errors.code.taken";
  if (Object.keys(errors).length > 0 || !kind) return { errors };
  return { errors, values: { code, nameFr, nameEn, kind: kind as AgencyKind, parentId } };
}

export async function saveAgency(db: Database, actor: AdminActor, input: AgencyInput, id?: number, now = new Date()): Promise<Result<AgencyField> | null> {
  const before = id === undefined ? null : await findAgency(db, id);
  if (id !== undefined && !before) return null;
  const { values, errors } = await checkAgency(db, input, id);
  if (!values) return { ok: false, errors };
  const snapshot = (a: typeof values) => ({ code: a.code, nameFr: a.nameFr, nameEn: a.nameEn, kind: a.kind, parentId: a.parentId });
  if (before && JSON.stringify(snapshot(before)) === JSON.stringify(snapshot(values))) return { ok: true, id: before.id, changed: false };
  const savedId = await db.transaction(async (tx) => {
    let agencyId: number;
    if (before) {
      await tx.update(agencies).set({ ...values, updatedAt: now }).where(eq(agencies.id, before.id));
      agencyId = before.id;
    } else {
      const [row] = await tx.insert(agencies).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: agencies.id });
      agencyId = row!.id;
    }
    await auditAdminChange(tx, actor, {
      action: before ? "admin.agency.update" : "admin.agency.create",
      targetType: "agency",
      targetId: agencyId,
      before: before ? snapshot(before) : null,
      after: snapshot(values),
    });
    await invalidateStatusSummary(tx);
    return agencyId;
  });
  forgetCatalogueSnapshot();
  forgetStatusSummaryMemo(db);
  return { ok: true, id: savedId, changed: true };
}

// ─── Offices ────────────────────────────────────────────────────────────────

const regionsOf = sql<string | null>`(select string_agg(${officeRegions.regionCode}, ',' order by ${officeRegions.regionCode}) from ${officeRegions} where ${officeRegions.officeId} = ${offices.id})`;
const splitRegions = (value: string | null) => (value ? value.split(",") : []) as RegionCode[];

export async function listOffices(db: Executor, filter: { agencyId?: number | null; region?: RegionCode | null }) {
  const conditions = [];
  if (filter.agencyId) conditions.push(eq(offices.agencyId, filter.agencyId));
  if (filter.region) {
    conditions.push(inArray(offices.id, db.select({ id: officeRegions.officeId }).from(officeRegions).where(eq(officeRegions.regionCode, filter.region))));
  }
  const rows = await db
    .select({
      id: offices.id,
      code: offices.code,
      name: offices.name,
      agency: agencies.nameFr,
      siteCode: sites.code,
      siteName: sites.name,
      siteStatus: sites.linkStatus,
      acceptsOnline: offices.acceptsOnline,
      regions: regionsOf,
    })
    .from(offices)
    .innerJoin(agencies, eq(agencies.id, offices.agencyId))
    .innerJoin(sites, eq(sites.id, offices.siteId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(asc(offices.code));
  return rows.map((row) => ({ ...row, regions: splitRegions(row.regions) }));
}

export async function findOffice(db: Executor, id: number) {
  const [row] = await db
    .select({
      id: offices.id,
      code: offices.code,
      name: offices.name,
      agencyId: offices.agencyId,
      siteId: offices.siteId,
      siteCode: sites.code,
      siteName: sites.name,
      siteStatus: sites.linkStatus,
      acceptsOnline: offices.acceptsOnline,
      nationalCompetence: offices.nationalCompetence,
      hours: offices.hours,
      phone: offices.phone,
      email: offices.email,
      regions: regionsOf,
    })
    .from(offices)
    .innerJoin(sites, eq(sites.id, offices.siteId))
    .where(eq(offices.id, id));
  return row ? { ...row, regions: splitRegions(row.regions) } : null;
}

export type OfficeField = "code" | "name" | "agencyId" | "siteCode" | "regions" | "acceptsOnline" | "nationalCompetence" | "hours" | "phone" | "email";
export type OfficeInput = Omit<Record<OfficeField, string>, "regions"> & { regions: string[] };

async function checkOffice(db: Executor, input: OfficeInput, id?: number) {
  const errors: FieldErrors<OfficeField> = {};
  const code = checkCode(input.code, errors);
  const name = input.name.trim();
  if (!name) errors.name = "errors.name.required";
  const agencyId = integerOrNull(String(input.agencyId ?? "")) ?? 0;
  const [agency] = agencyId > 0 ? await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.id, agencyId)) : [];
  if (!agency) errors.agencyId = "errors.agency.required";
  const siteCode = input.siteCode.trim().toUpperCase();
  const [site] = siteCode ? await db.select({ id: sites.id }).from(sites).where(eq(sites.code, siteCode)) : [];
  if (!siteCode) errors.siteCode = "errors.site.required";
  else if (!site) errors.siteCode = "errors.site.unknown";
  const regions = REGION_CODES.filter((r) => input.regions.includes(r));
  if (regions.length === 0) errors.regions = "errors.regions.required";
  if (input.acceptsOnline !== "yes" && input.acceptsOnline !== "no") errors.acceptsOnline = "errors.yesNo";
  if (input.nationalCompetence !== "yes" && input.nationalCompetence !== "no") errors.nationalCompetence = "errors.yesNo";
  const email = input.email.trim();
  if (email && !EMAIL.test(email)) errors.email = "errors.email";
  const phone = input.phone.trim();
  if (phone && !PHONE.test(phone)) errors.phone = "errors.phone";
  if (code && !errors.code) {
    const [taken] = await db.select({ id: offices.id }).from(offices).where(eq(offices.code, code));
    if (taken && taken.id !== id) errors.code = "errors.code.taken";
  }
  if (Object.keys(errors).length > 0 || !site) return { errors };
  const values = {
    code,
    name,
    agencyId,
    siteId: site.id,
    acceptsOnline: input.acceptsOnline === "yes",
    nationalCompetence: input.nationalCompetence === "yes",
    hours: input.hours.trim() || null,
    phone: phone || null,
    email: email || null,
  };
  return { errors, values, regions };
}

export async function saveOffice(db: Database, actor: AdminActor, input: OfficeInput, id?: number, now = new Date()): Promise<Result<OfficeField> | null> {
  const before = id === undefined ? null : await findOffice(db, id);
  if (id !== undefined && !before) return null;
  const { values, regions, errors } = await checkOffice(db, input, id);
  if (!values || !regions) return { ok: false, errors };
  const snapshot = (o: typeof values & { regions: readonly string[] }) => ({
    code: o.code,
    name: o.name,
    agencyId: o.agencyId,
    siteId: o.siteId,
    regions: [...o.regions].sort(),
    acceptsOnline: o.acceptsOnline,
    nationalCompetence: o.nationalCompetence,
    hours: o.hours,
    phone: o.phone,
    email: o.email,
  });
  const after = snapshot({ ...values, regions });
  if (before && JSON.stringify(snapshot(before)) === JSON.stringify(after)) return { ok: true, id: before.id, changed: false };
  const savedId = await db.transaction(async (tx) => {
    let officeId: number;
    if (before) {
      await tx.update(offices).set({ ...values, updatedAt: now }).where(eq(offices.id, before.id));
      await tx.delete(officeRegions).where(eq(officeRegions.officeId, before.id));
      officeId = before.id;
    } else {
      const [row] = await tx.insert(offices).values({ ...values, createdAt: now, updatedAt: now }).returning({ id: offices.id });
      officeId = row!.id;
    }
    await tx.insert(officeRegions).values(regions.map((regionCode) => ({ officeId, regionCode })));
    await auditAdminChange(tx, actor, {
      action: before ? "admin.office.update" : "admin.office.create",
      targetType: "office",
      targetId: officeId,
      before: before ? snapshot(before) : null,
      after,
    });
    // The public status page lists offices: recompute its stored summary on the next read.
    await invalidateStatusSummary(tx);
    return officeId;
  });
  forgetCatalogueSnapshot();
  forgetStatusSummaryMemo(db);
  return { ok: true, id: savedId, changed: true };
}

/** The agencies, by French name (selects of the office pages). */
export async function agencyChoices(db: Executor) {
  return db.select({ id: agencies.id, nameFr: agencies.nameFr }).from(agencies).orderBy(asc(agencies.nameFr));
}

export function officeInputFrom(formData: FormData): OfficeInput {
  const text = (name: string) => String(formData.get(name) ?? "");
  return {
    code: text("code"),
    name: text("name"),
    agencyId: text("agencyId"),
    siteCode: text("siteCode"),
    regions: formData.getAll("regions").map(String),
    acceptsOnline: text("acceptsOnline"),
    nationalCompetence: text("nationalCompetence"),
    hours: text("hours"),
    phone: text("phone"),
    email: text("email"),
  };
}
