import { createHash } from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LINK_STATUSES } from "../../app/domain/constants";
import { FIELD_TYPES, type FormField } from "../../app/domain/forms/definition";
import { verifyPassword } from "../../app/utils/password.server";
import type { DatabaseHandle } from "../client";
import { parseReference } from "../../app/domain/reference";
import { validateCaseData } from "../../app/domain/forms/schema";
import {
  agencies,
  caseEvents,
  cases,
  linkStatusChanges,
  messages,
  maintenanceWindows,
  officeRegions,
  offices,
  procedures,
  procedureVersions,
  sites,
  staffRoles,
  towns,
  users,
} from "../schema";
import { createTestDatabase } from "../testing";
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS, resolveDemoPassword } from "./accounts";
import { isDatabaseEmpty, seedDemo, type SeedSummary } from "./demo";
import { demoCaseKeys } from "./demo-cases";
import { formDefinitionProblems } from "../../app/domain/forms/checks";

const NOW = new Date("2026-03-02T10:00:00Z");
let handle: DatabaseHandle;
let summary: SeedSummary;
let emptyBefore: boolean;

beforeAll(async () => {
  handle = await createTestDatabase();
  emptyBefore = await isDatabaseEmpty(handle.db);
  summary = await seedDemo(handle.db, { demoPassword: DEFAULT_DEMO_PASSWORD, now: NOW });
}, 120_000);
afterAll(async () => {
  await handle?.close();
});

async function sitesWithTown() {
  return handle.db
    .select({ code: sites.code, name: sites.name, region: sites.regionCode, town: towns.name, status: sites.linkStatus, connectedOn: sites.connectedOn, phase: sites.phase, capacity: sites.capacityMbps, since: sites.linkStatusSince })
    .from(sites)
    .innerJoin(towns, eq(towns.id, sites.townId))
    .orderBy(asc(sites.code));
}

describe("demo seed — network", () => {
  it("connects exactly 543 sites in Lomé (2017) and 17 in Kara (2018), at 100 Mbps", async () => {
    const all = await sitesWithTown();
    const connected = all.filter((s) => s.status !== "not_connected");
    const lome = connected.filter((s) => s.town === "Lomé");
    const kara = connected.filter((s) => s.town === "Kara");
    expect(lome).toHaveLength(543);
    expect(kara).toHaveLength(17);
    expect(connected).toHaveLength(560);
    expect(lome.every((s) => s.connectedOn?.startsWith("2017") && s.phase === 1 && s.capacity === 100)).toBe(true);
    expect(kara.every((s) => s.connectedOn?.startsWith("2018") && s.phase === 1)).toBe(true);
    expect(summary.sites).toMatchObject({ connectedLome: 543, connectedKara: 17 });
  });

  it("plans not-connected sites in the four other regions", async () => {
    const planned = (await sitesWithTown()).filter((s) => s.status === "not_connected");
    for (const region of ["plateaux", "centrale", "kara", "savanes"]) {
      expect(planned.filter((s) => s.region === region).length, region).toBeGreaterThanOrEqual(3);
    }
    expect(planned.every((s) => s.connectedOn === null && s.phase === 2)).toBe(true);
  });

  it("gives unique names and short stable codes", async () => {
    const all = await sitesWithTown();
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length);
    expect(all.every((s) => /^[A-Z]{3}-\d{3}$/.test(s.code))).toBe(true);
  });

  it("shows every link status, with exactly one site in a current maintenance", async () => {
    const all = await sitesWithTown();
    for (const status of LINK_STATUSES) expect(all.some((s) => s.status === status), status).toBe(true);
    const inMaintenance = all.filter((s) => s.status === "maintenance");
    expect(inMaintenance).toHaveLength(1);
    expect(all.filter((s) => s.status === "up").length).toBeGreaterThan(all.length * 0.8);

    const windows = await handle.db.select().from(maintenanceWindows);
    const current = windows.filter((w) => w.startsAt <= NOW && w.endsAt > NOW && w.cancelledAt === null);
    expect(current).toHaveLength(1);
    const [site] = await handle.db.select({ code: sites.code }).from(sites).where(eq(sites.id, current[0]?.siteId ?? -1));
    expect(site?.code).toBe(inMaintenance[0]?.code);
    expect(windows.some((w) => w.startsAt > NOW)).toBe(true);
  });

  it("records a history per site consistent with its current status", async () => {
    const changes = await handle.db.select().from(linkStatusChanges).orderBy(asc(linkStatusChanges.siteId), asc(linkStatusChanges.at));
    const bySite = new Map<number, typeof changes>();
    for (const change of changes) bySite.set(change.siteId, [...(bySite.get(change.siteId) ?? []), change]);
    const all = await handle.db.select().from(sites);
    expect(bySite.size).toBe(all.length);
    for (const site of all) {
      const history = bySite.get(site.id) ?? [];
      expect(history[0]?.fromStatus).toBeNull();
      expect(history[0]?.source).toBe("system");
      if (site.linkStatus !== "not_connected") expect(history[0]?.note).toBe("Raccordement initial");
      const last = history.at(-1);
      expect(last?.toStatus, site.code).toBe(site.linkStatus);
      expect(last?.at.getTime()).toBe(site.linkStatusSince.getTime());
      for (let i = 1; i < history.length; i++) expect(history[i]?.fromStatus).toBe(history[i - 1]?.toStatus);
      if (site.linkStatus === "down" || site.linkStatus === "degraded") {
        expect(NOW.getTime() - site.linkStatusSince.getTime()).toBeLessThan(4 * 24 * 3600_000);
        expect(["probe", "alertmanager", "operator", "system"]).toContain(last?.source);
      }
    }
    const ninetyDaysAgo = new Date(NOW.getTime() - 90 * 24 * 3600_000);
    const incidents = changes.filter((c) => c.at > ninetyDaysAgo && c.toStatus === "down");
    expect(new Set(incidents.map((c) => c.siteId)).size).toBeGreaterThan(10);
  });
});

describe("demo seed — administrations and offices", () => {
  it("has at least 12 agencies, with parents", async () => {
    const rows = await handle.db.select().from(agencies);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    const byCode = new Map(rows.map((a) => [a.code, a]));
    expect(byCode.get("DGDN")?.parentId).toBe(byCode.get("MSPC")?.id);
    expect(rows.every((a) => a.nameFr && a.nameEn)).toBe(true);
  });

  it("houses offices in the right towns, on every kind of link state", async () => {
    const rows = await handle.db
      .select({ code: offices.code, status: sites.linkStatus, town: towns.name, national: offices.nationalCompetence, phone: offices.phone })
      .from(offices)
      .innerJoin(sites, eq(sites.id, offices.siteId))
      .innerJoin(towns, eq(towns.id, sites.townId));
    for (const status of LINK_STATUSES) expect(rows.some((o) => o.status === status), status).toBe(true);
    expect(rows.some((o) => o.town === "Lomé" && o.national)).toBe(true);
    expect(rows.some((o) => o.town === "Kara")).toBe(true);
    expect(rows.filter((o) => o.status === "not_connected").map((o) => o.town)).toEqual(expect.arrayContaining(["Atakpamé", "Sokodé", "Dapaong"]));
    expect(rows.every((o) => /^\+228 \d{2} \d{2} \d{2} \d{2}$/.test(o.phone ?? ""))).toBe(true);
    const served = await handle.db.select({ officeId: officeRegions.officeId }).from(officeRegions);
    expect(new Set(served.map((r) => r.officeId)).size).toBe(rows.length);
  });
});

describe("demo seed — catalogue", () => {
  it("publishes at least 12 procedures, plus one draft and one closed", async () => {
    const rows = await handle.db.select().from(procedures);
    expect(rows.filter((p) => p.status === "published").length).toBeGreaterThanOrEqual(12);
    expect(rows.filter((p) => p.status === "draft")).toHaveLength(1);
    expect(rows.filter((p) => p.status === "closed")).toHaveLength(1);
    for (const p of rows) {
      expect(p.searchText).toMatch(/^[a-z0-9 ]+$/);
      expect(p.targetDelayDays).toBeGreaterThan(0);
      expect(p.requiredDocuments.length).toBeGreaterThan(0);
    }
    expect(rows.find((p) => p.slug === "extrait-casier-judiciaire")?.searchText).toContain("casier judiciaire");
  });

  it("gives every procedure a valid version-1 form, using every field type", async () => {
    const rows = await handle.db
      .select({ slug: procedures.slug, status: procedures.status, requiredDocuments: procedures.requiredDocuments, version: procedureVersions.version, publishedAt: procedureVersions.publishedAt, definition: procedureVersions.definition })
      .from(procedures)
      .innerJoin(procedureVersions, eq(procedureVersions.procedureId, procedures.id));
    expect(rows).toHaveLength(14);
    const fields: FormField[] = [];
    for (const row of rows) {
      expect(row.version).toBe(1);
      expect(row.publishedAt === null).toBe(row.status === "draft");
      expect(formDefinitionProblems(row.definition, row.requiredDocuments), row.slug).toEqual([]);
      expect(row.definition.sections.length, row.slug).toBeGreaterThanOrEqual(3);
      if (row.status === "published") fields.push(...row.definition.sections.flatMap((s) => s.fields));
    }
    for (const type of FIELD_TYPES) expect(fields.some((f) => f.type === type), type).toBe(true);
    expect(fields.some((f) => f.type === "checkbox" && f.options === undefined)).toBe(true);
    expect(fields.some((f) => f.type === "checkbox" && (f.options?.length ?? 0) > 1)).toBe(true);
    expect(fields.filter((f) => f.type === "file").every((f) => f.accept.length > 0 && f.maxSizeMb > 0)).toBe(true);
    expect(fields.some((f) => f.showIf)).toBe(true);
    expect(fields.some((f) => f.hint)).toBe(true);
    expect(fields.some((f) => !f.required)).toBe(true);
  });
});

describe("demo seed — accounts", () => {
  it("creates one account per role with the demo password", async () => {
    const rows = await handle.db.select().from(users);
    expect(rows).toHaveLength(DEMO_ACCOUNTS.length);
    const roles = await handle.db.select({ role: staffRoles.role, officeId: staffRoles.officeId, email: users.email }).from(staffRoles).innerJoin(users, eq(users.id, staffRoles.userId));
    for (const role of ["agent", "supervisor", "operator", "admin"] as const) expect(roles.some((r) => r.role === role), role).toBe(true);
    expect(roles.filter((r) => r.role === "agent" || r.role === "supervisor").every((r) => r.officeId !== null)).toBe(true);
    expect(roles.filter((r) => r.role === "operator" || r.role === "admin").every((r) => r.officeId === null)).toBe(true);
    const citizen = rows.find((u) => u.email === "citoyen@demo.tg");
    const byPhone = rows.find((u) => u.phone === "+22890000001");
    expect(byPhone).toBeDefined();
    expect(await verifyPassword(citizen?.passwordHash ?? "", DEFAULT_DEMO_PASSWORD)).toBe(true);
  });

  it("never uses the default password in production on PostgreSQL", () => {
    expect(resolveDemoPassword({ NODE_ENV: "production" }, "postgres")).toBeNull();
    expect(resolveDemoPassword({ NODE_ENV: "production", DEMO_PASSWORD: "un-secret-long" }, "postgres")).toBe("un-secret-long");
    expect(resolveDemoPassword({ NODE_ENV: "production" }, "pglite")).toBe(DEFAULT_DEMO_PASSWORD);
    expect(resolveDemoPassword({ NODE_ENV: "development" }, "postgres")).toBe(DEFAULT_DEMO_PASSWORD);
    expect(() => resolveDemoPassword({ NODE_ENV: "test", DEMO_PASSWORD: "court" }, "pglite")).toThrow();
  });
});

describe("demo seed — cases of the demo citizen", () => {
  async function demoCases() {
    return handle.db
      .select({ case: cases, definition: procedureVersions.definition })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.applicantId))
      .innerJoin(procedureVersions, eq(procedureVersions.id, cases.procedureVersionId))
      .where(eq(users.email, "citoyen@demo.tg"))
      .orderBy(asc(cases.submittedAt));
  }

  it("files one case per stage with real references, complete answers and a history for every step", async () => {
    const rows = await demoCases();
    expect(rows.map((r) => r.case.status).sort()).toEqual(["accepted", "awaiting_info", "in_review", "rejected", "submitted"]);
    // The keys end-to-end tests compute are those of the database.
    const keys = demoCaseKeys(NOW);
    expect(rows.map((r) => r.case.reference).sort()).toEqual(keys.map((k) => k.reference).sort());
    for (const key of keys) {
      const row = rows.find((r) => r.case.reference === key.reference)!.case;
      expect(row.status).toBe(key.status);
      expect(row.trackingCodeHash).toBe(createHash("sha256").update(key.trackingCode).digest("hex"));
    }
    for (const { case: c, definition } of rows) {
      expect(parseReference(c.reference), c.reference).toBe(c.reference);
      expect(c.trackingCodeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(c.officeId).not.toBeNull();
      expect(c.submittedAt!.getTime()).toBeLessThan(NOW.getTime());
      expect(c.dueAt!.getTime()).toBeGreaterThan(c.submittedAt!.getTime());
      // The answers are complete (documents aside: the demo has no files in storage).
      const fileFields = new Set(definition.sections.flatMap((s) => s.fields.filter((f) => f.type === "file").map((f) => f.name)));
      expect(validateCaseData(definition, c.data, fileFields, { today: NOW.toISOString().slice(0, 10) }), c.reference).toEqual({ ok: true });

      const events = await handle.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(asc(caseEvents.at));
      expect(events[0]).toMatchObject({ type: "submitted", fromStatus: "draft", toStatus: "submitted" });
      for (let i = 1; i < events.length; i++) expect(events[i]!.fromStatus).toBe(events[i - 1]!.toStatus);
      expect(events.at(-1)!.toStatus).toBe(c.status);
      expect(c.version).toBe(events.length);
      expect(c.statusChangedAt.getTime()).toBe(events.at(-1)!.at.getTime());
    }
  });

  it("files the newest one for her son, and explains the request for pieces and the refusal", async () => {
    const rows = await demoCases();
    expect(rows.at(-1)!.case).toMatchObject({ status: "submitted", onBehalfOf: { fullName: "Kossi Mensah", relationship: "enfant" } });
    const waiting = rows.find((r) => r.case.status === "awaiting_info")!.case;
    const [request] = await handle.db.select().from(caseEvents).where(eq(caseEvents.type, "info_requested"));
    expect(request!.caseId).toBe(waiting.id);
    expect(request!.payload).toMatchObject({ message: expect.stringContaining("certificat de nationalité"), checklist: expect.arrayContaining([expect.any(String)]) });
    expect(waiting.infoDueAt!.getTime()).toBeGreaterThan(NOW.getTime());
    const thread = await handle.db.select().from(messages).where(eq(messages.caseId, waiting.id));
    expect(thread).toHaveLength(1);
    expect(thread[0]!.fromOffice).toBe(waiting.officeId);
    const rejected = rows.find((r) => r.case.status === "rejected")!.case;
    const [refusal] = await handle.db.select().from(caseEvents).where(eq(caseEvents.type, "rejected"));
    expect(refusal).toMatchObject({ caseId: rejected.id, payload: { reason: expect.stringMatching(/.{40,}/) } });
    expect(rejected.decidedAt).not.toBeNull();
  });
});

describe("demo seed — guards and determinism", () => {
  it("was empty before, is not any more, and refuses a second seed", async () => {
    expect(emptyBefore).toBe(true);
    expect(await isDatabaseEmpty(handle.db)).toBe(false);
    await expect(seedDemo(handle.db, { demoPassword: null, now: NOW })).rejects.toThrow(/already has sites/);
  });

  it("gives the same data on a second fresh database, without accounts when there is no password", async () => {
    const other = await createTestDatabase();
    try {
      await seedDemo(other.db, { demoPassword: null, now: NOW });
      const snapshot = (db: DatabaseHandle["db"]) =>
        db.select({ code: sites.code, name: sites.name, status: sites.linkStatus, lat: sites.lat, since: sites.linkStatusSince }).from(sites).orderBy(asc(sites.code));
      expect(await snapshot(other.db)).toEqual(await snapshot(handle.db));
      const count = (db: DatabaseHandle["db"]) => db.select({ n: sql<number>`count(*)::int` }).from(linkStatusChanges);
      expect(await count(other.db)).toEqual(await count(handle.db));
      expect(await other.db.select().from(users)).toHaveLength(0);
      expect(await other.db.select().from(cases)).toHaveLength(0);
    } finally {
      await other.close();
    }
  }, 120_000);
});
