import type { ActionFunctionArgs } from "@remix-run/node";
import { alertmanagerPayloadSchema, applyAlertmanagerPayload } from "~/services/ingest.server";
import { apiError, apiJson, methodNotAllowed, readJsonBody, requireMonitoringToken } from "~/utils/api.server";
import { getDb } from "~/utils/db.server";

/** Prometheus Alertmanager webhook receiver (payload version 4). See docs/alertmanager.yml. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const identity = await requireMonitoringToken(request, context);
  const parsed = alertmanagerPayloadSchema.safeParse(await readJsonBody(request));
  if (!parsed.success) {
    return apiError(400, "invalid_payload", {
      errors: parsed.error.issues.slice(0, 20).map((i) => ({ path: i.path.join("."), reason: i.message })),
    });
  }
  return apiJson(await applyAlertmanagerPayload(await getDb(), parsed.data, { sourceName: identity.name }));
}

export function loader() {
  return methodNotAllowed();
}
