import { resolve } from "node:path";
import { createRequestHandler as createRemixHandler, type AppLoadContext, type ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type RequestHandler, type Response } from "express";
import type { Database } from "../db/client";
import { audit } from "../app/services/audit.server";
import type { RequestContext } from "../app/utils/context";
import { sessionCookieName, sessionTokenFromCookieHeader } from "../app/utils/session.server";
import { requestEdge } from "./edge";
import { healthz, readyz } from "./health";
import { requestLogging, type Logger } from "./logging";
import { originCheck } from "./origin";
import { sendFetchResponse, toFetchRequest } from "./remix";
import { securityHeadersMiddleware } from "./security";

export interface AppOptions {
  mode: "production" | "development";
  /** The Remix server build, or a loader called per request (Vite dev reloads it). */
  build: ServerBuild | (() => Promise<ServerBuild>);
  getDb: () => Promise<Database>;
  logger: Logger;
  /** Express "trust proxy": who may set X-Forwarded-For/-Proto and X-Request-Id. */
  trustProxy?: boolean | number | string;
  /** Public origin from APP_URL; null derives it from each request's Host. */
  appOrigin?: string | null;
  /** Vite's middlewares in dev; absent in production. */
  vite?: RequestHandler;
  /** The client build (production): build/client. */
  clientDir?: string;
  /** True once a graceful shutdown has begun. */
  isDraining?: () => boolean;
}

/** Compress text answers, but never event streams (each event must reach the browser at once). */
function shouldCompress(req: Request, res: Response): boolean {
  const type = String(res.getHeader("Content-Type") ?? "");
  if (type.startsWith("text/event-stream")) return false;
  return compression.filter(req, res);
}

/**
 * Two rules for every answer Remix gives (and see adjustRemixResponse):
 * - Remix's adapter *appends* each header of a route's Response, so a header this server already
 *   set (X-Content-Type-Options…) went out twice: the route's value replaces ours instead.
 * - A page seen with a session (or one that opens one) is personal: `Cache-Control: private,
 *   no-store`, whatever the route said, so that no shared cache or back button keeps it.
 */
function remixResponseHeaders(req: Request, res: Response, next: NextFunction) {
  const append = res.append.bind(res);
  res.append = (field: string, value?: string | string[]) => (field.toLowerCase() === "set-cookie" ? append(field, value) : res.set(field, value));
  const personal = sessionTokenFromCookieHeader(req.headers.cookie) !== null;
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response["writeHead"]>) {
    // A body left unread (a 413, a refused upload): close the connection rather than leave its
    // bytes where the client's next request would be read from — once the client has sent them
    // (drainUnreadBody), so that it reads this answer rather than a reset.
    if (!req.complete) {
      res.setHeader("Connection", "close");
      res.once("finish", () => drainUnreadBody(req));
    }
    const cookies = [res.getHeader("Set-Cookie") ?? []].flat().map(String);
    if (personal || cookies.some((c) => c.startsWith(`${sessionCookieName()}=`))) res.setHeader("Cache-Control", "private, no-store");
    return writeHead.apply(this, args);
  } as Response["writeHead"];
  next();
}

/** How much of an unread body is read and dropped after the answer, and for how long, at most. */
export const UNREAD_BODY_DRAIN = { bytes: 16 * 1024 * 1024, ms: 10_000 };

/** Read and drop the rest of a body nobody will read, then let the connection close. */
function drainUnreadBody(req: Request) {
  if (req.complete || req.destroyed) return;
  let left = UNREAD_BODY_DRAIN.bytes;
  const timer = setTimeout(() => req.destroy(), UNREAD_BODY_DRAIN.ms);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    left -= chunk.byteLength;
    if (left < 0) req.destroy();
  });
  req.once("close", () => clearTimeout(timer));
  req.resume();
}

/** What a client is told to wait while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 30;

/**
 * The last word on a Remix answer: a failure because the database is unreachable (marked on the
 * load context by entry.server's handleError) is a 503 with Retry-After, not a 500 — the page
 * says that nothing saved is lost; the machine API answers its failures in its JSON error shape
 * (docs/api.md), never in Remix's plain-text "Unexpected Server Error".
 */
export function adjustRemixResponse(response: globalThis.Response, options: { api: boolean; databaseUnavailable: boolean }): globalThis.Response {
  if (response.status < 500) return response;
  const unavailable = options.databaseUnavailable && response.status === 500;
  const status = unavailable ? 503 : response.status;
  const headers = new Headers(response.headers);
  if (unavailable) headers.set("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
  if (options.api && !(headers.get("Content-Type") ?? "").includes("json")) {
    headers.set("Content-Type", "application/json; charset=utf-8");
    headers.set("Cache-Control", "no-store");
    headers.delete("Content-Length");
    const body = unavailable ? { error: "service_unavailable", message: "the database is unreachable; retry later" } : { error: "internal_error", message: "internal server error" };
    return new globalThis.Response(JSON.stringify(body), { status, headers });
  }
  if (!unavailable) return response;
  return new globalThis.Response(response.body, { status, headers });
}

export function createApp(options: AppOptions): express.Express {
  const { logger } = options;
  const dev = options.mode === "development";
  const isDraining = options.isDraining ?? (() => false);
  const app = express();

  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);

  app.use(
    requestLogging(logger, {
      trustRequestIdHeader: Boolean(options.trustProxy),
      // In dev each page pulls dozens of modules from Vite: keep them out of the info log.
      quiet: dev ? (path) => /^\/(@|app\/|node_modules\/)/.test(path) : undefined,
    }),
  );
  app.use(securityHeadersMiddleware({ dev }));
  app.use((_req, res, next) => {
    // Let keep-alive clients reconnect elsewhere while we drain.
    if (isDraining()) res.set("Connection", "close");
    next();
  });
  app.use(compression({ filter: shouldCompress }));
  app.use(requestEdge());

  app.get("/healthz", healthz);
  app.get("/readyz", readyz({ getDb: options.getDb, logger, isDraining }));

  app.use(
    originCheck({
      appOrigin: options.appOrigin ?? null,
      logger,
      onRefused: async (refusal) => {
        await audit(await options.getDb(), {
          action: "request.origin_refused",
          outcome: "refused",
          ip: refusal.ip || null,
          requestId: refusal.requestId || null,
          details: { reason: refusal.reason, method: refusal.method, path: refusal.path, origin: refusal.origin, secFetchSite: refusal.secFetchSite },
        });
      },
    }),
  );

  if (options.vite) {
    app.use(options.vite);
  } else if (options.clientDir) {
    // File names under assets/ carry a content hash: cache them for good.
    app.use("/assets", express.static(resolve(options.clientDir, "assets"), { immutable: true, maxAge: "1y", index: false }));
    // A missing hashed asset is a 404, not a page for Remix to render.
    app.use("/assets", (_req, res) => void res.status(404).type("text/plain").send("Not found"));
    app.use(express.static(options.clientDir, { maxAge: "1h", index: false }));
  }

  app.use(remixResponseHeaders);
  const handleRemix = createRemixHandler(options.build, options.mode);
  app.all("*", async (req, res, next) => {
    try {
      const context: RequestContext = {
        cspNonce: String(res.locals.cspNonce),
        requestId: String(res.locals.requestId),
        ip: req.ip ?? "",
      };
      // The same object reaches handleError, which marks database failures on it.
      const response = await handleRemix(toFetchRequest(req, res), context as AppLoadContext);
      await sendFetchResponse(res, adjustRemixResponse(response, { api: req.path.startsWith("/api/"), databaseUnavailable: !!context.databaseUnavailable }));
    } catch (error) {
      next(error);
    }
  });

  // Errors Remix did not turn into a page (a build that fails to load, a broken stream).
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    logger.error("unhandled_error", { error });
    if (res.headersSent) return next(error);
    res
      .status(500)
      .set("Cache-Control", "no-store")
      .type("text/plain; charset=utf-8")
      .send("Erreur interne du serveur. Veuillez réessayer plus tard.");
  });

  return app;
}
