import type { NextFunction, Request, Response } from "express";
import type { Logger } from "./logging";

export interface OriginCheckInput {
  method: string;
  path: string;
  /** The Origin header, if any. */
  origin?: string | null;
  /** The Sec-Fetch-Site header, if any. */
  secFetchSite?: string | null;
  /** The Authorization header, if any. */
  authorization?: string | null;
  /** scheme://host[:port] this server answers on. */
  expectedOrigin: string;
}

export type OriginDecision =
  | { allowed: true; reason: "safe_method" | "bearer_api" | "same_origin" | "no_browser_headers" }
  | { allowed: false; reason: "cross_site" | "same_site_other_origin" | "foreign_origin" | "opaque_origin" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

/**
 * Cross-site request forgery defence for state-changing requests. Browsers send Sec-Fetch-Site
 * and/or Origin on every POST; when both are missing the client is not a modern browser (curl,
 * a probe) or a very old one, and the SameSite=Lax session cookie already keeps it from riding a
 * session.
 */
export function decideOrigin(input: OriginCheckInput): OriginDecision {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return { allowed: true, reason: "safe_method" };
  // Machine endpoints authenticate with a bearer token and use no cookies: nothing to forge.
  if (input.path.startsWith("/api/") && /^Bearer\s+\S/i.test(input.authorization ?? "")) {
    return { allowed: true, reason: "bearer_api" };
  }
  const site = input.secFetchSite?.toLowerCase();
  const origin = input.origin;
  if (site === "cross-site") return { allowed: false, reason: "cross_site" };
  if (site === "same-site" && !(origin && sameOrigin(origin, input.expectedOrigin))) {
    return { allowed: false, reason: "same_site_other_origin" };
  }
  if (origin) {
    // "null": sandboxed frame, data: URL or a cross-origin redirect — never one of our forms.
    if (origin === "null") return { allowed: false, reason: "opaque_origin" };
    if (!sameOrigin(origin, input.expectedOrigin)) return { allowed: false, reason: "foreign_origin" };
    return { allowed: true, reason: "same_origin" };
  }
  if (site === "same-origin" || site === "none") return { allowed: true, reason: "same_origin" };
  return { allowed: true, reason: "no_browser_headers" };
}

/** APP_URL's origin when configured, else what the request says it was sent to. */
export function expectedOriginOf(req: Request, appOrigin: string | null): string {
  return appOrigin ?? `${req.protocol}://${req.get("host") ?? "localhost"}`;
}

export const ORIGIN_REFUSED_MESSAGE = "Requête refusée : origine non autorisée.";

export interface OriginRefusal {
  reason: string;
  method: string;
  path: string;
  origin: string | null;
  secFetchSite: string | null;
  ip: string;
  requestId: string;
}

export function originCheck(options: {
  appOrigin: string | null;
  logger: Logger;
  /** Writes the refusal to the audit log; errors are logged, never shown to the client. */
  onRefused?: (refusal: OriginRefusal) => Promise<void>;
}) {
  return (req: Request, res: Response, next: NextFunction) => {
    const decision = decideOrigin({
      method: req.method,
      path: req.path,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      authorization: req.get("authorization"),
      expectedOrigin: expectedOriginOf(req, options.appOrigin),
    });
    if (decision.allowed) return next();

    const refusal: OriginRefusal = {
      reason: decision.reason,
      method: req.method,
      path: req.path,
      origin: req.get("origin") ?? null,
      secFetchSite: req.get("sec-fetch-site") ?? null,
      ip: req.ip ?? "",
      requestId: String(res.locals.requestId ?? ""),
    };
    options.logger.warn("origin_refused", { ...refusal });
    options.onRefused?.(refusal).catch((error: unknown) => options.logger.error("audit_write_failed", { error, action: "request.origin_refused" }));

    res.status(403).set("Cache-Control", "no-store");
    if (req.path.startsWith("/api/")) {
      // The machine API answers in its JSON error shape (docs/api.md), never with a page.
      res.json({ error: "forbidden_origin", message: "a browser request from another site needs a bearer token here" });
    } else if (req.accepts(["text/plain", "text/html"]) === "text/html") {
      res.type("html").send(
        `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Requête refusée</title></head>` +
          `<body><h1>${ORIGIN_REFUSED_MESSAGE}</h1><p><a href="/">Retour à l’accueil</a></p></body></html>`,
      );
    } else {
      res.type("text/plain; charset=utf-8").send(ORIGIN_REFUSED_MESSAGE);
    }
  };
}
