import { and, asc, count, eq, ilike, or, type SQL } from "drizzle-orm";
import { linkStatusChanges, regions, sites, towns } from "../../../db/schema";
import type { LinkStatus, RegionCode, SiteKind } from "~/domain/constants";
import { checkSiteFields, type RegionRef, type SiteFieldErrors, type SiteFieldsInput, type SiteValues, type TownRef } from "~/domain/sites-csv";
import type { Database, Executor } from "~/utils/db.server";
import { forgetCatalogueSnapshot } from "../catalogue.server";
import { invalidateStatusSummary } from "../link-status.server";
import { forgetStatusSummaryMemo } from "../status-summary.server";
import { auditAdminChange, type AdminActor } from "./admin-audit.server";

export const SITES_PAGE_SIZE = 50;

export interface SiteReference {
  regions: RegionRef[];
  towns: TownRef[];
}

/** Regions (south to north) and their towns: the choices of the site form and the CSV import. */
export async function siteReference(db: Executor): Promise<SiteReference> {
  const [regionRows, townRows] = await Promise.all([
    db.select({ code: regions.code, name: regions.name }).from(regions).orderBy(asc(regions.position)),
    db.select({ id: towns.id, name: towns.name, regionCode: towns.regionCode }).from(towns).orderBy(asc(towns.name)),
  ]);
  return { regions: regionRows, towns: townRows };
}

export interface SiteListQuery {
  q?: string | null;
  region?: RegionCode | null;
  page: number;
}

export async function listSites(db: Executor, query: SiteListQuery) {
  const conditions: SQL[] = [];
  const q = query.q?.trim();
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(or(ilike(sites.name, like), ilike(sites.code, like))!);
  }
  if (query.region) conditions.push(eq(sites.regionCode, query.region));
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select({ code: sites.code, name: sites.name, kind: sites.kind, region: regions.name, town: towns.name, linkStatus: sites.linkStatus, phase: sites.phase })
      .from(sites)
      .innerJoin(regions, eq(regions.code, sites.regionCode))
      .innerJoin(towns, eq(towns.id, sites.townId))
      .where(where)
      .orderBy(asc(sites.code))
      .limit(SITES_PAGE_SIZE)
      .offset((query.page - 1) * SITES_PAGE_SIZE),
    db.select({ n: count() }).from(sites).where(where),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, pageCount: Math.max(1, Math.ceil(n / SITES_PAGE_SIZE)) };
}

export interface SiteDetail extends SiteValues {
  id: number;
  townName: string;
  regionName: string;
  linkStatus: LinkStatus;
  linkStatusSince: Date;
}

export async function findSite(db: Executor, code: string): Promise<SiteDetail | null> {
  const [row] = await db
    .select({
      id: sites.id,
      code: sites.code,
      name: sites.name,
      kind: sites.kind,
      regionCode: sites.regionCode,
      townId: sites.townId,
      address: sites.address,
      lat: sites.lat,
      lng: sites.lng,
      phase: sites.phase,
      capacityMbps: sites.capacityMbps,
      connectedOn: sites.connectedOn,
      linkStatus: sites.linkStatus,
      linkStatusSince: sites.linkStatusSince,
      townName: towns.name,
      regionName: regions.name,
    })
    .from(sites)
    .innerJoin(regions, eq(regions.code, sites.regionCode))
    .innerJoin(towns, eq(towns.id, sites.townId))
    .where(eq(sites.code, code.trim().toUpperCase()));
  return row ? { ...row, phase: row.phase === 1 ? 1 : 2 } : null;
}

type SiteKey = Pick<SiteValues, keyof SiteValues>;
const snapshotOf = (row: SiteKey): SiteValues => ({
  code: row.code,
  name: row.name,
  kind: row.kind as SiteKind,
  regionCode: row.regionCode,
  townId: row.townId,
  address: row.address ?? null,
  lat: row.lat,
  lng: row.lng,
  phase: row.phase,
  capacityMbps: row.capacityMbps,
  connectedOn: row.connectedOn ?? null,
});

/** Insert a site with its first link status (no outage effect: nothing depended on it yet). */
export async function insertSite(tx: Executor, actor: AdminActor, values: SiteValues, now: Date, details?: Record<string, unknown>): Promise<number> {
  const linkStatus: LinkStatus = values.connectedOn ? "up" : "not_connected";
  const [site] = await tx
    .insert(sites)
    .values({ ...values, linkStatus, linkStatusSince: now, createdAt: now, updatedAt: now })
    .returning({ id: sites.id });
  await tx.insert(linkStatusChanges).values({
    siteId: site!.id,
    fromStatus: null,
    toStatus: linkStatus,
    at: now,
    source: "system",
    note: "Site créé par un administrateur",
    actorId: actor.id,
    // A new site has no offices yet: its first status has no effects to apply.
    effectsAppliedAt: now,
  });
  await auditAdminChange(tx, actor, { action: "admin.site.create", targetType: "site", targetId: values.code, before: null, after: { ...snapshotOf(values), linkStatus }, details });
  return site!.id;
}

/** Update a site's fields (never its link status); false when nothing changed. */
export async function updateSiteRow(tx: Executor, actor: AdminActor, before: SiteValues & { id: number }, values: SiteValues, now: Date, details?: Record<string, unknown>): Promise<boolean> {
  const old = snapshotOf(before);
  if (JSON.stringify(old) === JSON.stringify(snapshotOf(values))) return false;
  await tx.update(sites).set({ ...values, updatedAt: now }).where(eq(sites.id, before.id));
  await auditAdminChange(tx, actor, { action: "admin.site.update", targetType: "site", targetId: values.code, before: { ...old }, after: { ...snapshotOf(values) }, details });
  return true;
}

/** The public pages read sites through memos: let them see the change. */
export async function afterSitesChange(tx: Executor): Promise<void> {
  await invalidateStatusSummary(tx);
}
export function forgetSiteMemos(db: Executor): void {
  forgetCatalogueSnapshot();
  forgetStatusSummaryMemo(db);
}

export type SaveSiteResult = { ok: true; code: string; changed: boolean } | { ok: false; errors: SiteFieldErrors };

async function codeTaken(db: Executor, code: string, exceptId?: number): Promise<boolean> {
  const [row] = await db.select({ id: sites.id }).from(sites).where(eq(sites.code, code));
  return !!row && row.id !== exceptId;
}

export async function createSite(db: Database, actor: AdminActor, input: SiteFieldsInput, now = new Date()): Promise<SaveSiteResult> {
  const checked = checkSiteFields(input, await siteReference(db));
  if (!checked.values) return { ok: false, errors: checked.errors };
  const values = checked.values;
  if (await codeTaken(db, values.code)) return { ok: false, errors: { code: "errors.code.taken" } };
  await db.transaction(async (tx) => {
    await insertSite(tx, actor, values, now);
    await afterSitesChange(tx);
  });
  forgetSiteMemos(db);
  return { ok: true, code: values.code, changed: true };
}

export async function updateSite(db: Database, actor: AdminActor, code: string, input: SiteFieldsInput, now = new Date()): Promise<SaveSiteResult | null> {
  const current = await findSite(db, code);
  if (!current) return null;
  const checked = checkSiteFields(input, await siteReference(db));
  if (!checked.values) return { ok: false, errors: checked.errors };
  const values = checked.values;
  if (await codeTaken(db, values.code, current.id)) return { ok: false, errors: { code: "errors.code.taken" } };
  const changed = await db.transaction(async (tx) => {
    const done = await updateSiteRow(tx, actor, current, values, now);
    if (done) await afterSitesChange(tx);
    return done;
  });
  if (changed) forgetSiteMemos(db);
  return { ok: true, code: values.code, changed };
}

/** The form's text values of a site (French decimal comma, jj/mm/aaaa). */
export function siteFormValues(site: SiteDetail): SiteFieldsInput {
  const decimal = (n: number) => String(n).replace(".", ",");
  const [y, m, d] = site.connectedOn ? site.connectedOn.split("-") : [];
  return {
    code: site.code,
    name: site.name,
    kind: site.kind,
    region: site.regionCode,
    town: String(site.townId),
    address: site.address ?? "",
    lat: decimal(site.lat),
    lng: decimal(site.lng),
    phase: String(site.phase),
    capacityMbps: String(site.capacityMbps),
    connectedOn: site.connectedOn ? `${d}/${m}/${y}` : "",
  };
}

export const SITE_FIELD_NAMES: readonly (keyof SiteFieldsInput)[] = ["code", "name", "kind", "region", "town", "address", "lat", "lng", "phase", "capacityMbps", "connectedOn"];

export function siteInputFrom(formData: FormData): SiteFieldsInput {
  return Object.fromEntries(SITE_FIELD_NAMES.map((name) => [name, String(formData.get(name) ?? "")])) as unknown as SiteFieldsInput;
}
