import { eq } from "drizzle-orm";
import { procedures } from "../../../db/schema";
import { formDefinitionProblems, type DefinitionProblem } from "~/domain/forms/checks";
import type { FormDefinition, RequiredDocument } from "~/domain/forms/definition";
import type { EditError, Edited } from "~/domain/forms/editing";
import type { Database, Executor } from "~/utils/db.server";
import type { AdminActor } from "./admin-audit.server";
import { editWorkingForm, loadWorkingForm, type WorkingForm } from "./procedure-versions.server";

/** What the form editor's pages show: the procedure, its working form and what keeps it from being published. */
export interface FormEditorState {
  procedure: { id: number; titleFr: string; titleEn: string; status: string; requiredDocuments: RequiredDocument[] };
  form: WorkingForm;
  problems: DefinitionProblem[];
}

/** The procedure's form as an administrator edits it; null when the procedure does not exist. */
export async function loadFormEditor(db: Executor, procedureId: number): Promise<FormEditorState | null> {
  if (!Number.isSafeInteger(procedureId) || procedureId <= 0) return null;
  const [procedure] = await db
    .select({ id: procedures.id, titleFr: procedures.titleFr, titleEn: procedures.titleEn, status: procedures.status, requiredDocuments: procedures.requiredDocuments })
    .from(procedures)
    .where(eq(procedures.id, procedureId));
  if (!procedure) return null;
  const form = await loadWorkingForm(db, procedureId);
  if (!form) return null;
  return { procedure, form, problems: formDefinitionProblems(form.definition, procedure.requiredDocuments) };
}

export type FormEditorChange =
  | "section.add"
  | "section.update"
  | "section.move"
  | "section.remove"
  | "field.add"
  | "field.update"
  | "field.move"
  | "field.remove";

export type AppliedEdit = { ok: true; definition: FormDefinition; version: number } | { ok: false; error: EditError | "procedure_not_found"; names?: string[] };

/**
 * Apply one editing operation to the procedure's working form (audited by `editWorkingForm` as
 * admin.procedure.form.update, with `{ change, section, field }` in its details).
 */
export async function applyFormEdit(
  db: Database,
  input: { procedureId: number; actor: AdminActor; change: FormEditorChange; section?: string; field?: string; edit: (definition: FormDefinition) => Edited },
): Promise<AppliedEdit> {
  let refusal: Extract<Edited, { ok: false }> | null = null;
  const result = await editWorkingForm(db, {
    procedureId: input.procedureId,
    actor: input.actor,
    edit: (definition) => {
      const edited = input.edit(definition);
      if (!edited.ok) {
        refusal = edited;
        return { ok: false, error: edited.error };
      }
      const details: Record<string, unknown> = { change: input.change };
      if (input.section) details.section = input.section;
      if (input.field) details.field = input.field;
      return { ok: true, definition: edited.definition, details };
    },
  });
  if (result.ok) return result;
  const refused = refusal as Extract<Edited, { ok: false }> | null;
  if (refused) return { ok: false, error: refused.error, ...(refused.names ? { names: refused.names } : {}) };
  return { ok: false, error: "procedure_not_found" };
}
