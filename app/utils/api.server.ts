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

/** For the GET of a POST-only endpoint. */
export function methodNotAllowed(allow = "POST"): Response {
  return apiError(405, "method_not_allowed", {}, { Allow: allow });
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
  // The hit is reserved before the check (decision 013): concurrent attempts cannot all pass.
  const gate = await reserveAll(db, [{ key, rule }], now);
  if (!gate.allowed) throw apiError(429, "too_many_attempts", {}, { "Retry-After": String(gate.retryAfterSeconds) });
  const identity = await verifyMonitoringToken(db, token);
  if (!identity) throw unauthorized("unknown or revoked token");
  await refund(db, key, { now });
  return identity;
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
