import { procedureSearchText } from "../../app/domain/search";
import type { LinkStatus, ProcedureStatus } from "../../app/domain/constants";
import { hashPassword } from "../../app/utils/password.server";
import type { Database, Executor } from "../client";
import {
  agencies,
  linkStatusChanges,
  maintenanceWindows,
  officeRegions,
  offices,
  procedures,
  procedureVersions,
  regions,
  sites,
  staffRoles,
  towns,
  users,
} from "../schema";
import { DEMO_ACCOUNTS } from "./accounts";
import { seedDemoCases } from "./demo-cases";
import { AGENCIES } from "./data/agencies";
import { buildNetwork } from "./data/network";
import { OFFICES } from "./data/offices";
import { PROCEDURES } from "./data/procedures";
import { REGIONS, TOWNS } from "./data/regions";
import { buildSites } from "./data/sites";
import { describeProblem, formDefinitionProblems } from "../../app/domain/forms/checks";
import { DEMO_SEED, createRandom } from "./random";

export interface SeedOptions {
  /** Password of the demo accounts; null skips them (see resolveDemoPassword). */
  demoPassword: string | null;
  log?: (msg: string) => void;
  /** Clock of the demo (statuses, incidents and maintenance windows are relative to it). */
  now?: Date;
  /** PRNG seed; the same seed gives the same data. */
  seed?: number;
}

export interface SeedSummary {
  regions: number;
  towns: number;
  sites: { total: number; connectedLome: number; connectedKara: number; notConnected: number; byStatus: Record<LinkStatus, number> };
  linkStatusChanges: number;
  maintenanceWindows: number;
  agencies: number;
  offices: number;
  procedures: Record<ProcedureStatus, number>;
  accounts: number;
  durationMs: number;
}

/** Buildings housing offices must be those of the demo; planned ones stay not connected. */
const PAST_MAINTENANCE_SITE = "CHU Sylvanus Olympio";
const FUTURE_MAINTENANCE_SITE = "CHU Kara";

/** True when the database holds no demo or user data (a fresh install). */
export async function isDatabaseEmpty(db: Executor): Promise<boolean> {
  const probes = await Promise.all([
    db.select({ id: regions.code }).from(regions).limit(1),
    db.select({ id: sites.id }).from(sites).limit(1),
    db.select({ id: agencies.id }).from(agencies).limit(1),
    db.select({ id: procedures.id }).from(procedures).limit(1),
    db.select({ id: users.id }).from(users).limit(1),
  ]);
  return probes.every((rows) => rows.length === 0);
}

async function insertChunked<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

function mapBy<T, K>(items: readonly T[], key: (item: T) => K, what: string): (k: K) => T {
  const map = new Map(items.map((item) => [key(item), item]));
  return (k) => {
    const found = map.get(k);
    if (found === undefined) throw new Error(`Unknown ${what}: ${String(k)}`);
    return found;
  };
}

/**
 * Fills an empty, migrated database with the demo data of DESIGN.md §8, in one transaction.
 * Throws when the database already has sites.
 */
export async function seedDemo(db: Database, options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? DEMO_SEED);

  for (const procedure of PROCEDURES) {
    const problems = formDefinitionProblems(procedure.definition, procedure.requiredDocuments);
    if (problems.length > 0) throw new Error(`Form of ${procedure.slug} is invalid: ${problems.map(describeProblem).join("; ")}`);
  }

  const siteSeeds = buildSites(random);
  const siteByName = mapBy(siteSeeds, (s) => s.name, "site name");
  const forced = new Map<string, Exclude<LinkStatus, "not_connected">>();
  for (const office of OFFICES) {
    const site = siteByName(office.siteName);
    if (site.connectedOn === null) {
      if (office.siteStatus) throw new Error(`${office.code}: a planned building cannot be ${office.siteStatus}`);
      continue;
    }
    forced.set(site.code, office.siteStatus ?? "up");
  }
  const network = buildNetwork(siteSeeds, forced, siteByName(PAST_MAINTENANCE_SITE).code, siteByName(FUTURE_MAINTENANCE_SITE).code, random, now);

  // Hash outside the transaction: argon2 is the slow part.
  const accounts = options.demoPassword === null ? [] : await Promise.all(DEMO_ACCOUNTS.map(async (account) => ({ account, passwordHash: await hashPassword(options.demoPassword as string) })));
  if (options.demoPassword === null) log("Demo accounts skipped: no demo password.");

  await db.transaction(async (tx) => {
    const existing = await tx.select({ id: sites.id }).from(sites).limit(1);
    if (existing.length > 0) throw new Error("The database already has sites: refusing to seed demo data (use --reset).");

    await tx.insert(regions).values([...REGIONS]);
    const townRows = await tx.insert(towns).values(TOWNS.map(({ sitePrefix: _prefix, ...town }) => town)).returning({ id: towns.id, name: towns.name });
    const townId = mapBy(townRows, (t) => t.name, "town");
    log(`${REGIONS.length} regions, ${townRows.length} towns`);

    const siteRows: { id: number; code: string }[] = [];
    await insertChunked(siteSeeds, async (chunk) => {
      const rows = await tx
        .insert(sites)
        .values(
          chunk.map((site) => {
            const state = network.status.get(site.code);
            if (!state) throw new Error(`No status for ${site.code}`);
            return {
              code: site.code,
              name: site.name,
              kind: site.kind,
              regionCode: site.regionCode,
              townId: townId(site.townName).id,
              address: site.address,
              lat: site.lat,
              lng: site.lng,
              phase: site.phase,
              capacityMbps: 100,
              connectedOn: site.connectedOn,
              linkStatus: state.linkStatus,
              linkStatusSince: state.since,
            };
          }),
        )
        .returning({ id: sites.id, code: sites.code });
      siteRows.push(...rows);
    });
    const siteId = mapBy(siteRows, (s) => s.code, "site code");
    log(`${siteRows.length} sites`);

    const agencyIds = new Map<string, number>();
    let pending = [...AGENCIES];
    while (pending.length > 0) {
      const ready = pending.filter((a) => a.parentCode === null || agencyIds.has(a.parentCode));
      if (ready.length === 0) throw new Error("Agencies with unknown parents");
      const rows = await tx
        .insert(agencies)
        .values(ready.map((a) => ({ code: a.code, nameFr: a.nameFr, nameEn: a.nameEn, kind: a.kind, parentId: a.parentCode === null ? null : agencyIds.get(a.parentCode) })))
        .returning({ id: agencies.id, code: agencies.code });
      for (const row of rows) agencyIds.set(row.code, row.id);
      pending = pending.filter((a) => !agencyIds.has(a.code));
    }
    const agencyId = (code: string) => {
      const id = agencyIds.get(code);
      if (id === undefined) throw new Error(`Unknown agency ${code}`);
      return id;
    };

    const officeRows = await tx
      .insert(offices)
      .values(
        OFFICES.map((o) => ({
          code: o.code,
          agencyId: agencyId(o.agencyCode),
          siteId: siteId(siteByName(o.siteName).code).id,
          name: o.name,
          acceptsOnline: true,
          nationalCompetence: o.nationalCompetence,
          hours: o.hours,
          phone: o.phone,
          email: o.email,
        })),
      )
      .returning({ id: offices.id, code: offices.code });
    const officeId = mapBy(officeRows, (o) => o.code, "office");
    await tx.insert(officeRegions).values(OFFICES.flatMap((o) => o.regions.map((regionCode) => ({ officeId: officeId(o.code).id, regionCode }))));
    log(`${agencyIds.size} agencies, ${officeRows.length} offices`);

    let operatorId: string | null = null;
    let adminId: string | null = null;
    if (accounts.length > 0) {
      const userRows = await tx
        .insert(users)
        .values(accounts.map(({ account, passwordHash }) => ({ email: account.email, phone: account.phone, passwordHash, fullName: account.fullName, regionCode: account.regionCode })))
        .returning({ id: users.id });
      const staff = accounts.flatMap(({ account }, i) => {
        const userId = userRows[i]?.id as string;
        if (account.role === "operator") operatorId = userId;
        if (account.role === "admin") adminId = userId;
        if (account.role === "citizen") return [];
        return [{ userId, role: account.role, officeId: account.officeCode === null ? null : officeId(account.officeCode).id }];
      });
      await tx.insert(staffRoles).values(staff);
      log(`${userRows.length} demo accounts`);
    }

    await insertChunked(network.changes, (chunk) =>
      tx.insert(linkStatusChanges).values(
        chunk.map((c) => ({ siteId: siteId(c.siteCode).id, fromStatus: c.fromStatus, toStatus: c.toStatus, at: c.at, source: c.source, note: c.note, actorId: c.byOperator ? operatorId : null, effectsAppliedAt: c.at })),
      ),
    );
    await tx.insert(maintenanceWindows).values(
      network.maintenanceWindows.map((w) => ({ siteId: siteId(w.siteCode).id, startsAt: w.startsAt, endsAt: w.endsAt, reason: w.reason, createdBy: operatorId })),
    );
    log(`${network.changes.length} link status changes, ${network.maintenanceWindows.length} maintenance windows`);

    const procedureRows = await tx
      .insert(procedures)
      .values(
        PROCEDURES.map((p) => ({
          slug: p.slug,
          titleFr: p.titleFr,
          titleEn: p.titleEn,
          summaryFr: p.summaryFr,
          summaryEn: p.summaryEn,
          eligibilityFr: p.eligibilityFr,
          eligibilityEn: p.eligibilityEn,
          category: p.category,
          agencyId: agencyId(p.agencyCode),
          feeXof: p.feeXof,
          targetDelayDays: p.targetDelayDays,
          infoRequestExpiryDays: p.infoRequestExpiryDays ?? 30,
          delivery: p.delivery,
          requiredDocuments: p.requiredDocuments,
          status: p.status,
          keywords: p.keywords.join(", "),
          searchText: procedureSearchText({ titleFr: p.titleFr, titleEn: p.titleEn, keywords: p.keywords.join(" ") }),
        })),
      )
      .returning({ id: procedures.id, slug: procedures.slug });
    const procedureId = mapBy(procedureRows, (p) => p.slug, "procedure");
    await tx.insert(procedureVersions).values(
      PROCEDURES.map((p) => ({
        procedureId: procedureId(p.slug).id,
        version: 1,
        definition: p.definition,
        publishedAt: p.publishedAt === null ? null : new Date(p.publishedAt),
        createdBy: adminId,
      })),
    );
    log(`${procedureRows.length} procedures`);

    const demoCases = await seedDemoCases(tx, { now, seed: options.seed ?? DEMO_SEED });
    if (demoCases.length > 0) log(`${demoCases.length} demo cases`);
  });

  const byStatus = { up: 0, degraded: 0, down: 0, maintenance: 0, not_connected: 0 } satisfies Record<LinkStatus, number>;
  for (const state of network.status.values()) byStatus[state.linkStatus]++;
  const byProcedureStatus = { draft: 0, published: 0, closed: 0 } satisfies Record<ProcedureStatus, number>;
  for (const p of PROCEDURES) byProcedureStatus[p.status]++;
  return {
    regions: REGIONS.length,
    towns: TOWNS.length,
    sites: {
      total: siteSeeds.length,
      connectedLome: siteSeeds.filter((s) => s.townName === "Lomé" && s.connectedOn !== null).length,
      connectedKara: siteSeeds.filter((s) => s.townName === "Kara" && s.connectedOn !== null).length,
      notConnected: byStatus.not_connected,
      byStatus,
    },
    linkStatusChanges: network.changes.length,
    maintenanceWindows: network.maintenanceWindows.length,
    agencies: AGENCIES.length,
    offices: OFFICES.length,
    procedures: byProcedureStatus,
    accounts: accounts.length,
    durationMs: Date.now() - started,
  };
}
