import type { Request, Response } from "express";
import type { Database } from "../db/client";
import type { Logger } from "./logging";
import { countSitesUnknown } from "../app/services/link-evidence.server";
import { checkReadiness } from "./readiness";

/**
 * Served by Express before Remix: probes must stay cheap and must not depend on the app build,
 * the session or the translations.
 */
export function healthz(_req: Request, res: Response) {
  res.set("Cache-Control", "no-store").json({ status: "ok" });
}

export function readyz(options: { getDb: () => Promise<Database>; logger: Logger; isDraining: () => boolean }) {
  return async (_req: Request, res: Response) => {
    res.set("Cache-Control", "no-store");
    // During a graceful shutdown the load balancer should stop sending new requests here.
    if (options.isDraining()) return void res.status(503).json({ status: "unavailable", reason: "shutting_down" });
    const readiness = await checkReadiness(options.getDb);
    if (readiness.ready) {
      // Ready either way (the portal serves; pulling it would not bring the monitor back), but
      // an interrupted monitoring is reported for the operator's checks (docs/monitoring.md).
      const sitesUnknown = await countSitesUnknown(await options.getDb()).catch(() => null);
      if (sitesUnknown === null) return void res.json({ status: "ready" });
      return void res.json({ status: "ready", monitoring: sitesUnknown > 0 ? "interrupted" : "live", sitesUnknown });
    }
    options.logger.warn("not_ready", { reason: readiness.reason, detail: readiness.detail });
    // Driver errors may name internal hosts: only the migration detail is public.
    const body = readiness.reason === "migrations_pending" ? { status: "unavailable", reason: readiness.reason, detail: readiness.detail } : { status: "unavailable", reason: readiness.reason };
    res.status(503).json(body);
  };
}
