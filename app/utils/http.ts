import type { HeadersFunction } from "@remix-run/node";
import { integerOrNull } from "~/domain/input";

/** Route `headers` for forms that may answer 429: the document response keeps the action's Retry-After. */
export const retryAfterFromAction: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

/** A numeric id from the URL (`/admin/bureaux/:id`); anything else is a page that does not exist. */
export function idParam(value: string | undefined): number {
  const id = integerOrNull(value);
  if (id === null) throw new Response("Not Found", { status: 404 });
  return id;
}

/**
 * Where the request edge (server/edge.ts) sends a refused page request to be rendered as the
 * portal's error page: `/erreur/<status>` (app/routes/erreur.$status.tsx).
 */
export const EDGE_ERROR_PATH = "/erreur";
export const EDGE_ERROR_STATUSES: readonly number[] = [400, 413, 414, 415, 431, 503];
