import type { NextFunction, Request, Response } from "express";
import { decodedPathOrNull, queryIsClean } from "../app/domain/input";
import { EDGE_ERROR_PATH } from "../app/utils/http";

/**
 * The request edge (docs/architecture.md, "Request edge"): what no route should have to check,
 * refused before Remix sees the request — addresses too long, broken percent-encoding, control
 * characters in the path or the query, and proxy headers from a client that is not a proxy.
 * Bodies are capped and parsed where they are read (app/utils/body.server.ts).
 */

/** Longer addresses are refused with 414 (Node reads headers up to SERVER_MAX_HEADER_BYTES). */
export const MAX_URL_LENGTH = 8 * 1024;
/** Node's own limit on the request line and headers, above MAX_URL_LENGTH so that we answer 414. */
export const SERVER_MAX_HEADER_BYTES = 64 * 1024;

const API_PREFIX = "/api/";

const API_MESSAGES: Record<number, { error: string; message: string }> = {
  400: { error: "bad_request", message: "the address holds broken percent-encoding or control characters" },
  414: { error: "uri_too_long", message: `addresses are limited to ${MAX_URL_LENGTH} characters` },
};

/**
 * Refuse a request at the edge: JSON for the machine API, the portal's error page (in the
 * visitor's language, with the site's header and links) for everything else. A page request is
 * handed on to Remix as a GET of the error route; a client-side navigation's data request gets
 * the bare status.
 */
export function refuse(req: Request, res: Response, next: NextFunction, status: number): void {
  res.set("Cache-Control", "no-store");
  if (req.path.startsWith(API_PREFIX) || req.path === "/api") {
    res.status(status).json(API_MESSAGES[status] ?? { error: "bad_request", message: "bad request" });
    return;
  }
  if (req.path.endsWith(".data")) {
    // A client-side navigation's data request (Remix single fetch): the status, which Remix's
    // client turns into the error page; nothing to render here.
    res.status(status).type("text/plain; charset=utf-8").send(String(status));
    return;
  }
  // The language asked for in the refused address still chooses the page's language.
  const lng = typeof req.query.lng === "string" && /^[a-z]{2}$/.test(req.query.lng) ? `?lng=${req.query.lng}` : "";
  const target = `${EDGE_ERROR_PATH}/${status}${lng}`;
  req.method = "GET";
  req.url = target;
  req.originalUrl = target;
  delete req.headers["content-type"];
  delete req.headers["content-length"];
  next();
}

export function requestEdge() {
  return (req: Request, res: Response, next: NextFunction) => {
    // From a client that is not a trusted proxy, a forwarded host and port are the client's
    // invention (Remix's Express adapter reads the port of X-Forwarded-Host whatever "trust proxy" says).
    const trusted = req.app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;
    if (!trusted(req.socket.remoteAddress, 0)) delete req.headers["x-forwarded-host"];

    const url = req.originalUrl;
    if (url.length > MAX_URL_LENGTH) return refuse(req, res, next, 414);
    const queryAt = url.indexOf("?");
    const rawPath = queryAt === -1 ? url : url.slice(0, queryAt);
    const search = queryAt === -1 ? "" : url.slice(queryAt);
    if (decodedPathOrNull(rawPath) === null || !queryIsClean(search)) return refuse(req, res, next, 400);
    next();
  };
}
