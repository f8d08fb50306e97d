import type { ActionFunctionArgs } from "@remix-run/node";
import { ingestHeartbeats, MAX_SAMPLES_PER_BATCH } from "~/services/ingest.server";
import { apiError, apiJson, methodNotAllowed, readJsonBody, requireMonitoringToken } from "~/utils/api.server";
import { getDb } from "~/utils/db.server";

/** Probe heartbeats: `{ samples: [{ site, at, latencyMs, lossPct }] }` or a bare array. See docs/monitoring.md. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed();
  const identity = await requireMonitoringToken(request, context);
  const body = await readJsonBody(request);
  const samples = Array.isArray(body) ? body : body && typeof body === "object" && "samples" in body ? (body as { samples: unknown }).samples : undefined;
  if (!Array.isArray(samples)) return apiError(400, "invalid_body", { message: "expected { samples: [...] } or an array of samples" });
  if (samples.length > MAX_SAMPLES_PER_BATCH) {
    return apiError(413, "too_many_samples", { message: `at most ${MAX_SAMPLES_PER_BATCH} samples per request, got ${samples.length}`, max: MAX_SAMPLES_PER_BATCH });
  }
  const result = await ingestHeartbeats(await getDb(), samples, { sourceName: identity.name });
  const { errors, ...counts } = result;
  if (errors.length > 0) return apiJson({ error: "invalid_samples", ...counts, errors }, { status: 400 });
  return apiJson(counts);
}

export function loader() {
  return methodNotAllowed();
}
