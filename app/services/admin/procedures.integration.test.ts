import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../db/client";
import { auditLog, procedures } from "../../../db/schema";
import { createProcedure as createPublishedProcedure } from "../../../db/seed/case-factories";
import { createSiteWithOffice, createStaff } from "../../../db/seed/factories";
import { createTestDatabase } from "../../../db/testing";
import type { ProcedureMetadata } from "~/domain/procedure-admin";
import type { AdminActor } from "./admin-audit.server";
import { editWorkingForm } from "./procedure-versions.server";
import { changeRequiredDocuments, createProcedure, listProcedures, slugEditable, updateProcedure } from "./procedures.server";

describe("procedures in the administration", () => {
  let handle: DatabaseHandle;
  let actor: AdminActor;
  let agencyId: number;
  let metadata: ProcedureMetadata;
  beforeAll(async () => {
    handle = await createTestDatabase();
    actor = { id: (await createStaff(handle.db, { role: "admin" })).user.id };
    agencyId = (await createSiteWithOffice(handle.db)).agency.id;
    metadata = {
      titleFr: "Certificat d'hérédité",
      titleEn: "Certificate of inheritance",
      summaryFr: "Résumé",
      summaryEn: "Summary",
      eligibilityFr: "Les héritiers",
      eligibilityEn: "Heirs",
      category: "justice",
      agencyId,
      feeXof: 1000,
      targetDelayDays: 10,
      infoRequestExpiryDays: 30,
      delivery: "pickup",
      keywords: "succession",
    };
  });
  afterAll(async () => handle.close());

  const load = async (id: number) => (await handle.db.select().from(procedures).where(eq(procedures.id, id)))[0]!;

  it("creates a draft with a unique address and its search text, audited", async () => {
    const { db } = handle;
    const first = await createProcedure(db, { actor, metadata });
    const second = await createProcedure(db, { actor, metadata });
    if (!first.ok || !second.ok) throw new Error("not created");
    expect(await load(first.id)).toMatchObject({ slug: "certificat-d-heredite", status: "draft", requiredDocuments: [], searchText: expect.stringContaining("succession") });
    expect((await load(second.id)).slug).toBe("certificat-d-heredite-2");
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "admin.procedure.create"), eq(auditLog.targetId, String(first.id))));
    expect(entry!.details).toMatchObject({ before: null, after: { titleFr: "Certificat d'hérédité", feeXof: 1000 } });
    expect(await createProcedure(db, { actor, metadata: { ...metadata, agencyId: 999_999 } })).toEqual({ ok: false, errors: { agencyId: "errors.agencyId.required" } });

    const listed = await listProcedures(db, { q: "hérédité", status: "draft", agencyId });
    expect(listed.map((r) => r.id)).toEqual([first.id, second.id]);
    expect(listed[0]).toMatchObject({ publishedVersion: null, hasUnpublishedChanges: false });
    expect(await listProcedures(db, { q: "hérédité", status: "published" })).toEqual([]);
  });

  it("updates the metadata, the address only while never published", async () => {
    const { db } = handle;
    const created = await createProcedure(db, { actor, metadata: { ...metadata, titleFr: "Permis de détention" } });
    if (!created.ok) throw new Error("not created");
    const update = { ...metadata, titleFr: "Permis de détention d'arme", keywords: "fusil", slug: "permis-arme" };
    expect(await updateProcedure(db, { actor, procedureId: created.id, update })).toMatchObject({ ok: true, changed: true });
    expect(await load(created.id)).toMatchObject({ slug: "permis-arme", titleFr: "Permis de détention d'arme", searchText: expect.stringContaining("fusil") });
    expect(await updateProcedure(db, { actor, procedureId: created.id, update })).toMatchObject({ ok: true, changed: false });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, "admin.procedure.update"), eq(auditLog.targetId, String(created.id))));
    expect(entry!.details).toMatchObject({ before: { slug: "permis-de-detention", keywords: "succession" }, after: { slug: "permis-arme", keywords: "fusil" } });
    expect(await updateProcedure(db, { actor, procedureId: created.id, update: { ...update, slug: "certificat-d-heredite" } })).toEqual({ ok: false, errors: { slug: "errors.slug.taken" } });

    const { procedure: published } = await createPublishedProcedure(db, { agencyId });
    expect(await slugEditable(db, published.id)).toBe(false);
    expect(await updateProcedure(db, { actor, procedureId: published.id, update: { ...update, slug: "autre-adresse" } })).toEqual({ ok: false, errors: { slug: "errors.slug.locked" } });
    expect(await updateProcedure(db, { actor, procedureId: 999_999, update })).toMatchObject({ ok: false, notFound: true });
  });

  it("adds, edits, moves and removes required documents, refusing to drop one a file field provides", async () => {
    const { db } = handle;
    const { procedure } = await createPublishedProcedure(db, { agencyId });
    const doc = (code: string) => ({ code, label: { fr: code, en: code } });
    const change = (c: Parameters<typeof changeRequiredDocuments>[1]["change"]) => changeRequiredDocuments(db, { actor, procedureId: procedure.id, change: c });
    const codes = async () => (await load(procedure.id)).requiredDocuments.map((d) => d.code);

    expect(await change({ kind: "add", document: doc("cni") })).toEqual({ ok: true });
    expect(await change({ kind: "add", document: doc("domicile") })).toEqual({ ok: true });
    expect(await change({ kind: "add", document: doc("cni") })).toEqual({ ok: false, error: "code_taken", code: "cni" });
    expect(await change({ kind: "move", code: "domicile", direction: "up" })).toEqual({ ok: true });
    expect(await codes()).toEqual(["domicile", "cni"]);
    expect(await change({ kind: "edit", code: "cni", document: { code: "cni", label: { fr: "Carte", en: "Card" }, hint: { fr: "Recto", en: "Front" } } })).toEqual({ ok: true });
    expect((await load(procedure.id)).requiredDocuments[1]).toEqual({ code: "cni", label: { fr: "Carte", en: "Card" }, hint: { fr: "Recto", en: "Front" } });

    await editWorkingForm(db, {
      procedureId: procedure.id,
      actor,
      edit: (definition) => {
        definition.sections[0]!.fields.push({ name: "scan_cni", type: "file", label: { fr: "CNI", en: "ID" }, required: true, accept: ["application/pdf"], maxSizeMb: 2, document: "cni" });
        return { ok: true, definition, details: {} };
      },
    });
    expect(await change({ kind: "remove", code: "cni" })).toEqual({ ok: false, error: "in_use", code: "cni", fields: ["scan_cni"] });
    expect(await change({ kind: "edit", code: "cni", document: doc("cni_2") })).toEqual({ ok: false, error: "in_use", code: "cni", fields: ["scan_cni"] });
    expect(await change({ kind: "remove", code: "inconnu" })).toEqual({ ok: false, error: "unknown_document" });
    expect(await change({ kind: "remove", code: "domicile" })).toEqual({ ok: true });
    expect(await codes()).toEqual(["cni"]);
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, "admin.procedure.documents.update"), eq(auditLog.targetId, String(procedure.id))));
    expect(entries).toHaveLength(5);
    expect(await changeRequiredDocuments(db, { actor, procedureId: 999_999, change: { kind: "remove", code: "x" } })).toEqual({ ok: false, error: "not_found" });
  });
});
