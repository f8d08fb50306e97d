import type { z } from "zod";

/**
 * Helpers of the public, read-only JSON API (/api/v1/status, /sites, /procedures).
 *
 * Rate limit: an in-process fixed window per client address. The API is read-only and served
 * from the status summary or from indexed reads; a PostgreSQL counter (rate-limit.server.ts)
 * would add a write to every request and cost more than the answer it protects. Each app server
 * counts on its own, which is what matters for its own load.
 */
export const API_RATE_LIMIT = { limit: 300, windowMs: 60_000 } as const;
const MAX_KEYS = 50_000;

const windows = new Map<string, { count: number; resetAt: number }>();

export function takeApiHit(ip: string, now: number = Date.now(), rule: { limit: number; windowMs: number } = API_RATE_LIMIT) {
  let entry = windows.get(ip);
  if (!entry || entry.resetAt <= now) {
    if (windows.size >= MAX_KEYS) {
      for (const [key, value] of windows) if (value.resetAt <= now) windows.delete(key);
      if (windows.size >= MAX_KEYS) windows.clear();
    }
    entry = { count: 0, resetAt: now + rule.windowMs };
    windows.set(ip, entry);
  }
  entry.count += 1;
  const allowed = entry.count <= rule.limit;
  return { allowed, remaining: Math.max(0, rule.limit - entry.count), retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((entry.resetAt - now) / 1000)) };
}

/** For tests. */
export function resetApiRateLimits(): void {
  windows.clear();
}

const PUBLIC_HEADERS = {
  "Content-Type": "application/json; charset=utf-8",
  "Cache-Control": "public, max-age=30",
  "Access-Control-Allow-Origin": "*",
};

export function publicJson(body: unknown, status = 200, extraHeaders: Record<string, string> = {}): Response {
  const headers = status === 200 ? PUBLIC_HEADERS : { ...PUBLIC_HEADERS, "Cache-Control": "no-store" };
  return new Response(JSON.stringify(body), { status, headers: { ...headers, ...extraHeaders } });
}

/**
 * Pagination of a list answered as a bare JSON array: the total in `X-Total-Count` and the
 * neighbouring pages in a `Link` header (RFC 8288), as GitHub's API does.
 */
export function paginationHeaders(url: URL, page: number, perPage: number, total: number): Record<string, string> {
  const last = Math.max(1, Math.ceil(total / perPage));
  const linkTo = (n: number, rel: string) => {
    const target = new URL(url);
    target.searchParams.set("page", String(n));
    target.searchParams.set("perPage", String(perPage));
    return `<${target.pathname}${target.search}>; rel="${rel}"`;
  };
  const links = [linkTo(1, "first"), linkTo(last, "last")];
  if (page > 1) links.push(linkTo(Math.min(page - 1, last), "prev"));
  if (page < last) links.push(linkTo(page + 1, "next"));
  return {
    "X-Total-Count": String(total),
    Link: links.join(", "),
    "Access-Control-Expose-Headers": "X-Total-Count, Link",
  };
}

export function apiError(status: number, error: string, details?: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(details === undefined ? { error } : { error, details }), {
    status,
    headers: { ...PUBLIC_HEADERS, "Cache-Control": "no-store", ...headers },
  });
}

/** 429 when the client went past its budget, else null. */
export function limitApi(ip: string | undefined): Response | null {
  const hit = takeApiHit(ip || "unknown");
  if (hit.allowed) return null;
  return apiError(429, "rate_limited", undefined, { "Retry-After": String(hit.retryAfterSeconds) });
}

/** Zod issues as `{ path, message }`, the `details` of a 400. */
export function issues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}
