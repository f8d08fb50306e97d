import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../db/client";
import { auditLog, cases, procedures, procedureVersions } from "../../../db/schema";
import { createCase, createProcedure } from "../../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../../db/seed/factories";
import { createTestDatabase } from "../../../db/testing";
import type { FormDefinition, FormField } from "~/domain/forms/definition";
import type { AdminActor } from "./admin-audit.server";
import { closeProcedure, discardWorkingForm, editWorkingForm, listVersions, loadWorkingForm, publishProcedure } from "./procedure-versions.server";

const addField = (field: FormField) => (definition: FormDefinition) => {
  definition.sections[0]!.fields.push(field);
  return { ok: true as const, definition, details: { change: "field.add", field: field.name } };
};
const textField = (name: string): FormField => ({ name, type: "text", label: { fr: name, en: name }, required: false });

describe("working copy of a procedure's form", () => {
  let handle: DatabaseHandle;
  let actor: AdminActor;
  let agencyId: number;
  beforeAll(async () => {
    handle = await createTestDatabase();
    actor = { id: (await createStaff(handle.db, { role: "admin" })).user.id, ip: "10.0.0.1", requestId: "req-test" };
    agencyId = (await createSiteWithOffice(handle.db)).agency.id;
  });
  afterAll(async () => handle.close());

  const versionsOf = async (procedureId: number) =>
    handle.db.select().from(procedureVersions).where(eq(procedureVersions.procedureId, procedureId)).orderBy(procedureVersions.version);
  const auditsOf = async (procedureId: number, action: string) =>
    handle.db.select().from(auditLog).where(and(eq(auditLog.targetId, String(procedureId)), eq(auditLog.action, action)));

  it("creates the working copy on the first edit, from the latest published version, and stacks edits", async () => {
    const { db } = handle;
    const { procedure } = await createProcedure(db, { agencyId });
    expect(await loadWorkingForm(db, procedure.id)).toMatchObject({ versionId: null, version: 2, publishedVersion: 1, hasUnpublishedChanges: false });

    const first = await editWorkingForm(db, { procedureId: procedure.id, actor, edit: addField(textField("prenom")) });
    expect(first).toMatchObject({ ok: true, version: 2 });
    const second = await editWorkingForm(db, { procedureId: procedure.id, actor, edit: addField(textField("ville")) });
    expect(second).toMatchObject({ ok: true, version: 2 });

    const working = await loadWorkingForm(db, procedure.id);
    expect(working).toMatchObject({ version: 2, publishedVersion: 1, hasUnpublishedChanges: true });
    expect(working!.definition.sections[0]!.fields.map((f) => f.name)).toEqual(["motif", "prenom", "ville"]);
    const rows = await versionsOf(procedure.id);
    expect(rows).toHaveLength(2);
    expect(rows[0]!.definition.sections[0]!.fields.map((f) => f.name)).toEqual(["motif"]);
    expect(rows[1]).toMatchObject({ version: 2, publishedAt: null, createdBy: actor.id });
    expect(await auditsOf(procedure.id, "admin.procedure.form.update")).toHaveLength(2);
  });

  it("keeps the published form when an edit is refused, and answers not_found for a missing procedure", async () => {
    const { db } = handle;
    const { procedure } = await createProcedure(db, { agencyId });
    expect(await editWorkingForm(db, { procedureId: procedure.id, actor, edit: () => ({ ok: false, error: "nope" }) })).toEqual({ ok: false, error: "nope" });
    expect(await versionsOf(procedure.id)).toHaveLength(1);
    expect(await editWorkingForm(db, { procedureId: 999_999, actor, edit: addField(textField("x")) })).toEqual({ ok: false, error: "not_found" });
    expect(await loadWorkingForm(db, 999_999)).toBeNull();
  });

  it("publishes version N+1 while a case started on version N keeps it", async () => {
    const { db } = handle;
    const { procedure, version } = await createProcedure(db, { agencyId });
    const { user: citizen } = await createCitizen(db);
    const filed = await createCase(db, { procedure, versionId: version.id, applicantId: citizen.id });
    await editWorkingForm(db, { procedureId: procedure.id, actor, edit: addField(textField("prenom")) });

    const published = await publishProcedure(db, { procedureId: procedure.id, actor });
    expect(published).toEqual({ ok: true, version: 2 });
    const [kept] = await db.select({ versionId: cases.procedureVersionId }).from(cases).where(eq(cases.id, filed.id));
    expect(kept!.versionId).toBe(version.id);
    expect((await versionsOf(procedure.id)).every((v) => v.publishedAt !== null)).toBe(true);
    expect(await loadWorkingForm(db, procedure.id)).toMatchObject({ versionId: null, version: 3, publishedVersion: 2, hasUnpublishedChanges: false });

    const listed = await listVersions(db, procedure.id);
    expect(listed.map((v) => [v.version, v.caseCount])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const [entry] = await auditsOf(procedure.id, "admin.procedure.publish");
    expect(entry!.details).toMatchObject({ before: { version: 1 }, after: { version: 2 } });
  });

  it("refuses to publish a form with problems, without a form, or with nothing new", async () => {
    const { db } = handle;
    const { procedure } = await createProcedure(db, { agencyId });
    expect(await publishProcedure(db, { procedureId: procedure.id, actor })).toEqual({ ok: false, problems: [{ code: "nothing_to_publish" }] });

    await editWorkingForm(db, { procedureId: procedure.id, actor, edit: addField(textField("motif")) });
    const refused = await publishProcedure(db, { procedureId: procedure.id, actor });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.problems).toContainEqual(expect.objectContaining({ code: "duplicate_field", field: "motif" }));
    expect((await versionsOf(procedure.id)).filter((v) => v.publishedAt === null)).toHaveLength(1);

    const [draft] = await db
      .insert(procedures)
      .values({ ...procedure, id: undefined, slug: `${procedure.slug}-brouillon`, status: "draft" })
      .returning();
    expect(await publishProcedure(db, { procedureId: draft!.id, actor })).toEqual({ ok: false, problems: [{ code: "no_form" }] });
    expect(await publishProcedure(db, { procedureId: 999_999, actor })).toMatchObject({ ok: false, notFound: true });
  });

  it("closes a published procedure, then publishes it again with the same version", async () => {
    const { db } = handle;
    const { procedure } = await createProcedure(db, { agencyId });
    expect(await closeProcedure(db, { procedureId: procedure.id, actor })).toEqual({ ok: true });
    expect(await closeProcedure(db, { procedureId: procedure.id, actor })).toEqual({ ok: false });
    const statusOf = async () => (await db.select({ s: procedures.status }).from(procedures).where(eq(procedures.id, procedure.id)))[0]!.s;
    expect(await statusOf()).toBe("closed");

    expect(await publishProcedure(db, { procedureId: procedure.id, actor })).toEqual({ ok: true, version: 1 });
    expect(await statusOf()).toBe("published");
    expect(await versionsOf(procedure.id)).toHaveLength(1);
    expect(await auditsOf(procedure.id, "admin.procedure.close")).toHaveLength(1);
  });

  it("discards the working copy: the form is the published one again", async () => {
    const { db } = handle;
    const { procedure } = await createProcedure(db, { agencyId });
    expect(await discardWorkingForm(db, { procedureId: procedure.id, actor })).toBe(false);
    await editWorkingForm(db, { procedureId: procedure.id, actor, edit: addField(textField("prenom")) });
    expect(await discardWorkingForm(db, { procedureId: procedure.id, actor })).toBe(true);
    const form = await loadWorkingForm(db, procedure.id);
    expect(form).toMatchObject({ versionId: null, version: 2, hasUnpublishedChanges: false });
    expect(form!.definition.sections[0]!.fields.map((f) => f.name)).toEqual(["motif"]);
    expect(await versionsOf(procedure.id)).toHaveLength(1);
    expect(await auditsOf(procedure.id, "admin.procedure.form.discard")).toHaveLength(1);
    // A new edit after the discard starts again from the published form, with the same number.
    expect(await editWorkingForm(db, { procedureId: procedure.id, actor, edit: addField(textField("ville")) })).toMatchObject({ ok: true, version: 2 });
  });
});
