import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../db/client";
import { auditLog, procedureVersions } from "../../../db/schema";
import { createProcedure } from "../../../db/seed/case-factories";
import { createSiteWithOffice, createStaff } from "../../../db/seed/factories";
import { createTestDatabase } from "../../../db/testing";
import { addField, addSection, newField, removeField, updateField } from "~/domain/forms/editing";
import type { AdminActor } from "./admin-audit.server";
import { applyFormEdit, loadFormEditor } from "./form-editor.server";

describe("form editor service", () => {
  let handle: DatabaseHandle;
  let actor: AdminActor;
  let agencyId: number;
  beforeAll(async () => {
    handle = await createTestDatabase();
    actor = { id: (await createStaff(handle.db, { role: "admin" })).user.id, ip: "10.0.0.2", requestId: "req-editor" };
    agencyId = (await createSiteWithOffice(handle.db)).agency.id;
  });
  afterAll(async () => handle.close());

  it("edits the working copy only, audits each change with its details, and refuses a removal others depend on", async () => {
    const { db } = handle;
    const { procedure } = await createProcedure(db, { agencyId });
    const before = await loadFormEditor(db, procedure.id);
    expect(before).toMatchObject({ procedure: { id: procedure.id }, form: { hasUnpublishedChanges: false } });
    const publishedDefinition = before!.form.definition;

    const label = (fr: string) => ({ fr, en: fr });
    expect(await applyFormEdit(db, { procedureId: procedure.id, actor, change: "section.add", section: "situation", edit: (d) => addSection(d, { id: "situation", title: label("Situation") }) })).toMatchObject({ ok: true });
    const radio = { ...newField("radio", "marie", label("Marié")), options: [{ value: "oui", label: label("Oui") }, { value: "non", label: label("Non") }] } as ReturnType<typeof newField>;
    await applyFormEdit(db, { procedureId: procedure.id, actor, change: "field.add", section: "situation", field: "marie", edit: (d) => addField(d, "situation", radio) });
    await applyFormEdit(db, { procedureId: procedure.id, actor, change: "field.add", section: "situation", field: "conjoint", edit: (d) => addField(d, "situation", { ...newField("text", "conjoint", label("Conjoint")), showIf: { field: "marie", in: ["oui"] } }) });

    const refused = await applyFormEdit(db, { procedureId: procedure.id, actor, change: "field.remove", section: "situation", field: "marie", edit: (d) => removeField(d, "marie") });
    expect(refused).toEqual({ ok: false, error: "has_dependents", names: ["conjoint"] });
    const stale = await applyFormEdit(db, { procedureId: procedure.id, actor, change: "field.update", field: "gone", edit: (d) => updateField(d, "gone", radio) });
    expect(stale).toEqual({ ok: false, error: "not_found" });
    expect(await applyFormEdit(db, { procedureId: 999_999, actor, change: "section.add", edit: (d) => addSection(d, { id: "x", title: label("X") }) })).toEqual({ ok: false, error: "procedure_not_found" });

    const after = await loadFormEditor(db, procedure.id);
    expect(after!.form).toMatchObject({ hasUnpublishedChanges: true });
    expect(after!.form.definition.sections.map((s) => s.id)).toContain("situation");
    expect(after!.problems).toEqual([]);
    const rows = await db.select().from(procedureVersions).where(eq(procedureVersions.procedureId, procedure.id)).orderBy(procedureVersions.version);
    expect(rows[0]!.definition).toEqual(publishedDefinition);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.targetId, String(procedure.id)), eq(auditLog.action, "admin.procedure.form.update")));
    expect(audits.map((a) => a.details)).toEqual(
      expect.arrayContaining([expect.objectContaining({ change: "field.add", section: "situation", field: "conjoint" }), expect.objectContaining({ change: "section.add", section: "situation" })]),
    );
    expect(audits).toHaveLength(3);
  });

  it("answers null for an unknown procedure", async () => {
    expect(await loadFormEditor(handle.db, 999_999)).toBeNull();
    expect(await loadFormEditor(handle.db, Number.NaN)).toBeNull();
  });
});
