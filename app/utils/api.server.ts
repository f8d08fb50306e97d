import { z } from "zod";
import { DISPLAYED_LINK_STATUSES, LOCALES, REGION_CODES } from "~/domain/constants";
import { findControlCharacterPath } from "~/domain/input";
import { BodyError, readBytes } from "./body.server";
import type { RequestContext } from "./context";
import { getDb } from "./db.server";
import { refund, reserveAll } from "./rate-limit.server";
import { verifyMonitoringToken, type TokenIdentity } from "~/services/monitoring-tokens.server";

/**
 * Helpers for the machine API (/api/v1/…): JSON answers with stable English error codes, bearer
 * token guard, bounded JSON bodies. Guards throw Responses, as in the rest of the app.
 */

const NO_STORE = { "Cache-Control": "no-store" };

export function apiJson(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return Response.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

export function apiError(status: number, error: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): Response {
  return apiJson({ error, ...extra }, { status, headers });
}

/** The public read-only endpoints are readable from a page on any site, their errors included. */
export const PUBLIC_CORS = { "Access-Control-Allow-Origin": "*" } as const;

/**
 * 405 with the methods the endpoint answers: "POST" for an ingest endpoint (its GET, HEAD, PUT…),
 * "GET, HEAD" for a public read-only one (export `action = readOnlyEndpoint` from its route).
 */
export function methodNotAllowed(allow: "POST" | "GET, HEAD" = "POST"): Response {
  const cors = allow === "POST" ? {} : PUBLIC_CORS;
  return apiError(405, "method_not_allowed", { message: `this endpoint answers ${allow.replace(", ", " and ")} only` }, { Allow: allow, ...cors });
}

/** The action of every public read-only endpoint: any POST, PUT, PATCH or DELETE is a 405. */
export function readOnlyEndpoint(): Response {
  return methodNotAllowed("GET, HEAD");
}

/** `/api/v1/…` that no route serves, with any method. */
export function endpointNotFound(): Response {
  return apiError(404, "not_found", { message: "no such endpoint (see docs/api.md)" }, PUBLIC_CORS);
}

/**
 * The query parameters of the public endpoints, each defined once so that `region=` means the
 * same thing and is refused with the same words wherever it is taken. An endpoint picks the ones
 * it takes (`{ region: API_PARAMS.region.optional() }`); everything else is refused.
 */
export const API_PARAMS = {
  region: z.enum(REGION_CODES, { error: (issue) => (issue.input === undefined ? "required: a region code" : `expected one of ${REGION_CODES.join(", ")}`) }),
  /** A status as shown: `unknown` while a site's monitoring is interrupted (decision 018). */
  status: z.enum(DISPLAYED_LINK_STATUSES, { error: () => `expected one of ${DISPLAYED_LINK_STATUSES.join(", ")}` }),
  lng: z.enum(LOCALES, { error: () => `expected one of ${LOCALES.join(", ")}` }),
  page: z.coerce.number({ error: () => "expected a whole number" }).int("expected a whole number").min(1, "at least 1").max(10_000, "at most 10000"),
  perPage: z.coerce.number({ error: () => "expected a whole number" }).int("expected a whole number").min(1, "at least 1").max(200, "at most 200"),
};

export type QueryDetail = { path: string; message: string };

/**
 * The one parser of API query strings: an unknown parameter, one given twice, or a value its
 * schema refuses is `400 { error: "invalid_query", details: [{ path, message }] }`, `path`
 * naming the parameter (docs/api.md). An empty value is a value (`?region=` is refused, not ignored).
 */
export function parseApiQuery<S extends Record<string, z.ZodType>>(
  url: URL,
  params: S,
): { ok: true; data: z.output<z.ZodObject<S>> } | { ok: false; response: Response } {
  const details: QueryDetail[] = [];
  const values: Record<string, string> = {};
  for (const name of new Set(url.searchParams.keys())) {
    if (!Object.hasOwn(params, name)) details.push({ path: name, message: "unknown parameter" });
    else if (url.searchParams.getAll(name).length > 1) details.push({ path: name, message: "given more than once" });
    else values[name] = url.searchParams.get(name)!;
  }
  const parsed = z.object(params).safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.join(".");
      if (!details.some((d) => d.path === path)) details.push({ path, message: issue.message });
    }
  }
  if (details.length > 0 || !parsed.success) return { ok: false, response: apiError(400, "invalid_query", { details }, PUBLIC_CORS) };
  return { ok: true, data: parsed.data };
}

/** Failed token attempts allowed per client address and minute before 429. */
export const TOKEN_FAILURES_PER_MINUTE = 30;
const FAILURE_WINDOW_MS = 60_000;

function unauthorized(description: string): Response {
  return apiError(401, "unauthorized", { message: description }, { "WWW-Authenticate": 'Bearer realm="guichet-monitoring"' });
}

export function readBearerToken(request: Request): string | null {
  const header = request.headers.get("Authorization");
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  return match?.[1] ?? null;
}

/** The monitoring token's holder, or a thrown 401 (missing, wrong or revoked) / 429 (too many failures). */
export async function requireMonitoringToken(request: Request, context?: Partial<RequestContext>): Promise<TokenIdentity> {
  const token = readBearerToken(request);
  if (!token) throw unauthorized("Authorization: Bearer <token> is required");
  const db = await getDb();
  const key = `monitoring-token:ip:${context?.ip || "unknown"}`;
  const rule = { limit: TOKEN_FAILURES_PER_MINUTE, windowMs: FAILURE_WINDOW_MS };
  const now = new Date();
  // The hit is reserved before the check (decision 013): of concurrent wrong tokens, at most the
  // limit get a 401, the others a 429. Only failures count, and a token made by token:create is
  // served even while its address is over the limit, so that a probe sharing an address with a
  // misconfigured one is not locked out: such a token has 160 random bits, no guessing budget
  // matters. MONITORING_TOKEN, chosen by a person (16 characters at least), is not checked while
  // the address is limited: there the limit does slow guessing.
  const gate = await reserveAll(db, [{ key, rule }], now);
  const identity = await verifyMonitoringToken(db, token, gate.allowed ? {} : { env: { ...process.env, MONITORING_TOKEN: undefined } });
  if (identity) {
    if (gate.allowed) await refund(db, key, { now });
    return identity;
  }
  if (!gate.allowed) throw apiError(429, "too_many_attempts", { message: "too many failed token attempts from this address" }, { "Retry-After": String(gate.retryAfterSeconds) });
  throw unauthorized("unknown or revoked token");
}

/** Bodies above this are refused before parsing (1,000 samples take about 100 KB). */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * The request's JSON body, or a thrown 415 (not JSON), 413 (too large) or 400 (malformed, or a
 * string holding a control character: JSON bodies carry identifiers — app/domain/input.ts).
 */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) {
    throw apiError(415, "unsupported_media_type", { message: "Content-Type must be application/json" });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await readBytes(request, maxBytes));
  } catch (error) {
    if (error instanceof BodyError && error.failure === "payload_too_large") {
      throw apiError(413, "payload_too_large", { message: `at most ${maxBytes} bytes` });
    }
    throw apiError(400, "invalid_json", { message: "the body is not valid UTF-8" });
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    throw apiError(400, "invalid_json", { message: "the body is not valid JSON" });
  }
  const where = findControlCharacterPath(value);
  if (where) throw apiError(400, "invalid_json", { message: `control character in a string at ${where}` });
  return value;
}
