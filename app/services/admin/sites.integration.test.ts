import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, linkStatusChanges, sites } from "../../../db/schema";
import type { DatabaseHandle } from "../../../db/client";
import { createSiteWithOffice, createStaff } from "../../../db/seed/factories";
import { createTestDatabase } from "../../../db/testing";
import type { AdminActor } from "./admin-audit.server";
import { importSites, previewSitesImport } from "./sites-import.server";
import { createSite, findSite, listSites, siteReference, updateSite } from "./sites.server";

describe("sites administration", () => {
  let handle: DatabaseHandle;
  let actor: AdminActor;
  let lomeId: number;
  beforeAll(async () => {
    handle = await createTestDatabase();
    const { user } = await createStaff(handle.db, { role: "admin" });
    actor = { id: user.id };
    await createSiteWithOffice(handle.db, { regionCode: "maritime", townName: "Lomé" });
    await createSiteWithOffice(handle.db, { regionCode: "kara", townName: "Kara" });
    lomeId = (await siteReference(handle.db)).towns.find((t) => t.name === "Lomé")!.id;
  });
  afterAll(async () => handle.close());

  const form = () => ({ code: "lom-0900", name: "Lycée de test", kind: "lycee", region: "maritime", town: String(lomeId), address: "Bè", lat: "6,14", lng: "1,23", phase: "1", capacityMbps: "", connectedOn: "" });

  it("creates a site not yet connected, with its first status change and an audit entry, and refuses a duplicate code", async () => {
    const { db } = handle;
    expect(await createSite(db, actor, { ...form(), town: "999999", lat: "12" })).toEqual({ ok: false, errors: { town: "errors.town.notInRegion", lat: "errors.lat.outOfTogo" } });
    expect(await createSite(db, actor, form())).toEqual({ ok: true, code: "LOM-0900", changed: true });
    const site = await findSite(db, "LOM-0900");
    expect(site).toMatchObject({ linkStatus: "not_connected", capacityMbps: 100, lat: 6.14, townName: "Lomé" });
    const history = await db.select().from(linkStatusChanges).where(eq(linkStatusChanges.siteId, site!.id));
    expect(history).toMatchObject([{ fromStatus: null, toStatus: "not_connected", source: "system", note: "Site créé par un administrateur", actorId: actor.id }]);
    expect(await createSite(db, actor, form())).toEqual({ ok: false, errors: { code: "errors.code.taken" } });

    expect(await createSite(db, actor, { ...form(), code: "LOM-0901", connectedOn: "01/02/2020" })).toMatchObject({ ok: true });
    expect(await findSite(db, "LOM-0901")).toMatchObject({ linkStatus: "up", connectedOn: "2020-02-01" });
    expect((await listSites(db, { q: "lom-09", page: 1 })).rows.map((r) => r.code)).toEqual(["LOM-0900", "LOM-0901"]);
    expect((await listSites(db, { q: "lom-09", region: "kara", page: 1 })).total).toBe(0);
  });

  it("updates a site's fields but never its link status, with before/after in the audit", async () => {
    const { db } = handle;
    expect(await updateSite(db, actor, "LOM-0900", { ...form(), name: "Lycée renommé", capacityMbps: "200" })).toEqual({ ok: true, code: "LOM-0900", changed: true });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "admin.site.update"), eq(auditLog.targetId, "LOM-0900")));
    expect(entry?.details).toEqual({ before: { name: "Lycée de test", capacityMbps: 100 }, after: { name: "Lycée renommé", capacityMbps: 200 } });
    expect(await findSite(db, "LOM-0900")).toMatchObject({ linkStatus: "not_connected" });
    expect(await updateSite(db, actor, "LOM-0900", { ...form(), name: "Lycée renommé", capacityMbps: "200" })).toMatchObject({ changed: false });
    expect(await updateSite(db, actor, "NOPE-404", form())).toBeNull();
  });

  it("imports all or nothing: a bad line writes nothing; a good file creates and updates in one go", async () => {
    const { db } = handle;
    const header = "code;nom;type;region;ville;adresse;latitude;longitude;phase;capacite_mbps;raccorde_le";
    const bad = [header, "KAR-0950;CHU annexe;hospital;kara;Kara;;9,55;1,19;2;;", "KAR-0951;Mairie;town_hall;kara;Kara;;99;1,19;2;;"].join("\n");
    const preview = await previewSitesImport(db, bad);
    expect(preview.errors).toEqual([{ line: 3, column: "latitude", key: "errors.lat.outOfTogo", value: "99" }]);
    expect(await importSites(db, actor, bad)).toMatchObject({ ok: false });
    expect(await db.select().from(sites).where(like(sites.code, "KAR-095%"))).toHaveLength(0);

    const good = [
      header,
      "KAR-0950;CHU annexe;hospital;kara;Kara;;9,55;1,19;2;;",
      "KAR-0951;Mairie;town_hall;Kara;kara;;9,56;1,19;2;;15/06/2021",
      "LOM-0900;Lycée renommé;lycee;maritime;Lomé;Bè;6,14;1,23;1;200;",
      "LOM-0901;Lycée de test;lycee;maritime;Lomé;Tokoin;6,14;1,23;1;100;01/02/2020",
    ].join("\n");
    expect((await previewSitesImport(db, good)).lines.map((l) => [l.code, l.state, l.changes])).toEqual([
      ["KAR-0950", "new", []],
      ["KAR-0951", "new", []],
      ["LOM-0900", "unchanged", []],
      ["LOM-0901", "modified", ["address"]],
    ]);
    expect(await importSites(db, actor, good)).toEqual({ ok: true, counts: { new: 2, modified: 1, unchanged: 1 } });
    expect(await findSite(db, "KAR-0951")).toMatchObject({ linkStatus: "up", connectedOn: "2021-06-15" });
    expect(await findSite(db, "LOM-0901")).toMatchObject({ address: "Tokoin" });
    const [summary] = await db.select().from(auditLog).where(eq(auditLog.action, "admin.site.import"));
    expect(summary?.details).toMatchObject({ counts: { new: 2, modified: 1, unchanged: 1 }, created: ["KAR-0950", "KAR-0951"], updated: ["LOM-0901"] });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, "admin.site.create"), eq(auditLog.targetId, "KAR-0950")))).toHaveLength(1);
  });
});
