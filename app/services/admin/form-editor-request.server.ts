import type { Params } from "@remix-run/react";
import { requireRole, requestMetaFor } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { idParam } from "~/utils/http";
import type { RequestContext } from "~/utils/context";
import type { AdminActor } from "./admin-audit.server";
import { loadFormEditor } from "./form-editor.server";
import { readForm } from "~/utils/body.server";

/** Every form editor page and action: an administrator, the procedure (404 otherwise), the audit actor. */
export async function formEditorRequest(request: Request, params: Params, context?: unknown) {
  const ctx = context as Partial<RequestContext> | undefined;
  const user = await requireRole(request, "admin", ctx);
  const db = await getDb();
  const state = await loadFormEditor(db, idParam(params.id));
  if (!state) throw new Response(null, { status: 404 });
  const meta = requestMetaFor(request, ctx);
  const actor: AdminActor = { id: user.id, ip: meta.ip, requestId: meta.requestId };
  return { user, db, state, actor };
}

/** A form's values as editor values (repeated names become lists). */
export async function formValues(request: Request): Promise<Record<string, string | string[]>> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of (await readForm(request)).entries()) {
    if (typeof value !== "string") continue;
    const current = values[key];
    values[key] = current === undefined ? value : [...(Array.isArray(current) ? current : [current]), value];
  }
  return values;
}
