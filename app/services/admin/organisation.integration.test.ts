import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, officeRegions, statusSummaries } from "../../../db/schema";
import type { DatabaseHandle } from "../../../db/client";
import { createSiteWithOffice, createStaff } from "../../../db/seed/factories";
import { createTestDatabase } from "../../../db/testing";
import { getStatusSummary } from "../status-summary.server";
import type { AdminActor } from "./admin-audit.server";
import { findOffice, listAgencies, listOffices, saveAgency, saveOffice, type OfficeInput } from "./organisation.server";

describe("organisation administration", () => {
  let handle: DatabaseHandle;
  let actor: AdminActor;
  beforeAll(async () => {
    handle = await createTestDatabase();
    const { user } = await createStaff(handle.db, { role: "admin" });
    actor = { id: user.id, ip: "10.0.0.1", requestId: "req-1" };
  });
  afterAll(async () => handle.close());

  const entries = (action: string, targetId: string) =>
    handle.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId)));

  it("creates agencies in a tree, refuses bad codes, duplicates and cycles, and audits before/after", async () => {
    const { db } = handle;
    const parent = await saveAgency(db, actor, { code: "min-test", nameFr: "Ministère test", nameEn: "Test ministry", kind: "ministry", parentId: "" });
    expect(parent).toMatchObject({ ok: true });
    if (!parent?.ok) throw new Error("parent");
    const child = await saveAgency(db, actor, { code: "DIR-TEST", nameFr: "Direction test", nameEn: "Test directorate", kind: "direction", parentId: String(parent.id) });
    if (!child?.ok) throw new Error("child");
    const tree = await listAgencies(db);
    const i = tree.findIndex((a) => a.id === parent.id);
    expect(tree[i]).toMatchObject({ code: "MIN-TEST", depth: 0, offices: 0, procedures: 0 });
    expect(tree[i + 1]).toMatchObject({ id: child.id, depth: 1 });

    expect(await saveAgency(db, actor, { code: "é!", nameFr: "", nameEn: "x", kind: "castle", parentId: "" })).toEqual({
      ok: false,
      errors: { code: "errors.code.orgFormat", nameFr: "errors.nameFr.required", kind: "errors.agencyKind" },
    });
    expect(await saveAgency(db, actor, { code: "DIR-TEST", nameFr: "x", nameEn: "x", kind: "direction", parentId: "" })).toEqual({ ok: false, errors: { code: "errors.code.taken" } });
    const cycle = { code: "MIN-TEST", nameFr: "Ministère test", nameEn: "Test ministry", kind: "ministry", parentId: String(child.id) };
    expect(await saveAgency(db, actor, cycle, parent.id)).toEqual({ ok: false, errors: { parentId: "errors.parent.cycle" } });
    expect(await saveAgency(db, actor, { ...cycle, parentId: String(parent.id) }, parent.id)).toEqual({ ok: false, errors: { parentId: "errors.parent.cycle" } });

    expect(await saveAgency(db, actor, { ...cycle, parentId: "", nameEn: "Ministry of tests" }, parent.id)).toEqual({ ok: true, id: parent.id, changed: true });
    const [update] = await entries("admin.agency.update", String(parent.id));
    expect(update?.details).toMatchObject({ before: { nameEn: "Test ministry" }, after: { nameEn: "Ministry of tests" } });
    expect(Object.keys((update?.details as { after: object }).after)).toEqual(["nameEn"]);
    expect(update).toMatchObject({ actorId: actor.id, ip: "10.0.0.1", requestId: "req-1" });
    expect(await entries("admin.agency.create", String(child.id))).toHaveLength(1);
    expect(await saveAgency(db, actor, { ...cycle, parentId: "", nameEn: "Ministry of tests" }, parent.id)).toEqual({ ok: true, id: parent.id, changed: false });
  });

  it("creates and edits an office: site by code, at least one region, e-mail; the status summary is recomputed", async () => {
    const { db } = handle;
    const { site, agency } = await createSiteWithOffice(db, { regionCode: "maritime" });
    await createSiteWithOffice(db, { regionCode: "plateaux" });
    await createSiteWithOffice(db, { regionCode: "savanes" });
    await getStatusSummary(db, new Date());
    expect(await db.select().from(statusSummaries)).toHaveLength(1);

    const input: OfficeInput = {
      code: "bur-test",
      name: "Bureau de test",
      agencyId: String(agency.id),
      siteCode: site.code.toLowerCase(),
      regions: ["maritime", "plateaux"],
      acceptsOnline: "yes",
      nationalCompetence: "no",
      hours: "Lundi–vendredi",
      phone: "+228 22 00 00 00",
      email: "bureau@example.tg",
    };
    expect(await saveOffice(db, actor, { ...input, siteCode: "NOPE-1", regions: [], email: "pas-un-courriel", agencyId: "999999" })).toEqual({
      ok: false,
      errors: { agencyId: "errors.agency.required", siteCode: "errors.site.unknown", regions: "errors.regions.required", email: "errors.email" },
    });
    const created = await saveOffice(db, actor, input);
    if (!created?.ok) throw new Error("office");
    expect(await db.select().from(statusSummaries)).toHaveLength(0);
    const office = await findOffice(db, created.id);
    expect(office).toMatchObject({ code: "BUR-TEST", siteCode: site.code, regions: ["maritime", "plateaux"], acceptsOnline: true, nationalCompetence: false });
    expect(await saveOffice(db, actor, { ...input, name: "Autre" })).toEqual({ ok: false, errors: { code: "errors.code.taken" } });

    await saveOffice(db, actor, { ...input, regions: ["savanes"], acceptsOnline: "no" }, created.id);
    expect(await db.select().from(officeRegions).where(eq(officeRegions.officeId, created.id))).toEqual([{ officeId: created.id, regionCode: "savanes" }]);
    const [update] = await entries("admin.office.update", String(created.id));
    expect(update?.details).toMatchObject({ before: { regions: ["maritime", "plateaux"], acceptsOnline: true }, after: { regions: ["savanes"], acceptsOnline: false } });
    expect((await listOffices(db, { region: "savanes" })).map((o) => o.id)).toContain(created.id);
    expect((await listOffices(db, { region: "plateaux" })).map((o) => o.id)).not.toContain(created.id);
    await getStatusSummary(db, new Date());
    expect(await db.select().from(statusSummaries)).toHaveLength(1);
  });
});
