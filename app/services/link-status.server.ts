import { and, eq, gt, isNull, lte, or } from "drizzle-orm";
import { linkStatusChanges, maintenanceWindows, sites, statusSummaries } from "../../db/schema";
import type { LinkSource, LinkStatus } from "~/domain/constants";
import type { CombinationRule } from "~/domain/link-combination";
import type { Executor } from "~/utils/db.server";
import { applyNetworkEffects } from "./network-effects.server";

export interface LinkStatusChangeRequest {
  siteId: number;
  to: LinkStatus;
  source: LinkSource;
  note?: string | null;
  actorId?: string | null;
  /** The combination rule that decided an automatic change, kept in the history. */
  rule?: CombinationRule | null;
  at?: Date;
}

export type LinkStatusChangeResult =
  | { changed: true; siteId: number; from: LinkStatus; to: LinkStatus; at: Date; changeId: number }
  | { changed: false; siteId: number; status: LinkStatus; reason: "same_status" | "not_connected" | "in_maintenance" | "unknown_site" };

/**
 * The one way a site's link status changes: the site row (current status, for fast reads), the
 * history row with its source, note and actor, and the consequences on offices and cases
 * (outage record, deadline pauses, notifications) — all in the caller's transaction.
 *
 * Automatic sources (probe, alertmanager, system) never move a site out of a maintenance window
 * or a not-yet-connected site: only an operator, or the maintenance schedule itself, does.
 */
export async function changeSiteLinkStatus(tx: Executor, request: LinkStatusChangeRequest): Promise<LinkStatusChangeResult> {
  const at = request.at ?? new Date();
  const [site] = await tx
    .select({ id: sites.id, linkStatus: sites.linkStatus, regionCode: sites.regionCode })
    .from(sites)
    .where(eq(sites.id, request.siteId))
    .for("update");
  if (!site) return { changed: false, siteId: request.siteId, status: request.to, reason: "unknown_site" };
  const from = site.linkStatus;
  if (from === request.to) return { changed: false, siteId: site.id, status: from, reason: "same_status" };

  const automatic = request.source !== "operator";
  if (automatic && from === "not_connected") return { changed: false, siteId: site.id, status: from, reason: "not_connected" };
  if (automatic && request.source !== "system" && (from === "maintenance" || (await inMaintenanceWindow(tx, site, at)))) {
    return { changed: false, siteId: site.id, status: from, reason: "in_maintenance" };
  }

  await tx.update(sites).set({ linkStatus: request.to, linkStatusSince: at, updatedAt: at }).where(eq(sites.id, site.id));
  const [change] = await tx
    .insert(linkStatusChanges)
    .values({
      siteId: site.id,
      fromStatus: from,
      toStatus: request.to,
      at,
      source: request.source,
      note: request.note ?? null,
      actorId: request.actorId ?? null,
      rule: request.rule ?? null,
      effectsAppliedAt: at,
    })
    .returning({ id: linkStatusChanges.id });
  await applyNetworkEffects(tx, { siteId: site.id, from, to: request.to, at, source: request.source });
  await invalidateStatusSummary(tx);
  return { changed: true, siteId: site.id, from, to: request.to, at, changeId: change!.id };
}

async function inMaintenanceWindow(tx: Executor, site: { id: number; regionCode: string }, at: Date): Promise<boolean> {
  const rows = await tx
    .select({ id: maintenanceWindows.id })
    .from(maintenanceWindows)
    .where(
      and(
        isNull(maintenanceWindows.cancelledAt),
        lte(maintenanceWindows.startsAt, at),
        gt(maintenanceWindows.endsAt, at),
        or(eq(maintenanceWindows.siteId, site.id), eq(maintenanceWindows.regionCode, site.regionCode as never)),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** The public summary is recomputed on its next read (see status-summary.server.ts). */
export async function invalidateStatusSummary(tx: Executor): Promise<void> {
  await tx.delete(statusSummaries);
}
