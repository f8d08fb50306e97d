import { and, eq, gt, inArray, isNull, lte, or, sql } from "drizzle-orm";
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

  // A site whose earlier changes still wait for the effects job (a mass change, decision 019)
  // defers this one too: the effects of one site's changes apply in their order.
  const waiting = await hasPendingEffects(tx, site.id);
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
      effectsAppliedAt: waiting ? null : at,
    })
    .returning({ id: linkStatusChanges.id });
  if (!waiting) await applyNetworkEffects(tx, { siteId: site.id, from, to: request.to, at, source: request.source });
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

async function hasPendingEffects(tx: Executor, siteId: number): Promise<boolean> {
  const rows = await tx
    .select({ id: linkStatusChanges.id })
    .from(linkStatusChanges)
    .where(and(eq(linkStatusChanges.siteId, siteId), isNull(linkStatusChanges.effectsAppliedAt)))
    .limit(1);
  return rows.length > 0;
}

/** One automatic change of a batch, with the status the caller saw (`from`). */
export interface DeferredChangeRequest {
  siteId: number;
  from: LinkStatus;
  to: LinkStatus;
  source: Exclude<LinkSource, "operator">;
  note: string | null;
  rule: CombinationRule | null;
  at: Date;
}

/** Rows per INSERT of history (10 parameters each: well under PostgreSQL's 65,535). */
const HISTORY_CHUNK = 500;

/**
 * A mass change (a probe batch that moves many sites, decision 019) in a few set-based
 * statements: the sites are locked, each change applies only if the site still has the status
 * the caller saw (an operator's change in between wins), the sites and their history are
 * written in bulk, the summary invalidated once — and the effects on offices and cases are left
 * to the link-effects job (effects_applied_at null, in this same transaction: nothing is lost).
 * Changes of one site apply in the order given. Returns the changes applied, in order.
 */
export async function changeSiteLinkStatusesDeferred(tx: Executor, requests: readonly DeferredChangeRequest[]): Promise<DeferredChangeRequest[]> {
  if (requests.length === 0) return [];
  const ids = [...new Set(requests.map((r) => r.siteId))].sort((a, b) => a - b);
  const locked = await tx.select({ id: sites.id, linkStatus: sites.linkStatus }).from(sites).where(inArray(sites.id, ids)).orderBy(sites.id).for("update");
  const current = new Map(locked.map((row) => [row.id, row.linkStatus]));
  const applied: DeferredChangeRequest[] = [];
  const last = new Map<number, DeferredChangeRequest>();
  for (const request of requests) {
    const status = current.get(request.siteId);
    if (status === undefined || status !== request.from || request.from === request.to) continue;
    if (status === "not_connected" || status === "maintenance") continue; // only an operator or the schedule moves those
    current.set(request.siteId, request.to);
    applied.push(request);
    last.set(request.siteId, request);
  }
  if (applied.length === 0) return [];
  const values = sql.join(
    [...last.values()].map((r) => sql`(${r.siteId}::integer, ${r.to}::text, ${r.at.toISOString()}::timestamptz)`),
    sql`, `,
  );
  await tx.execute(sql`
    update ${sites} set link_status = v.status, link_status_since = v.at, updated_at = v.at
    from (values ${values}) as v(id, status, at)
    where ${sites.id} = v.id`);
  for (let i = 0; i < applied.length; i += HISTORY_CHUNK) {
    await tx.insert(linkStatusChanges).values(
      applied.slice(i, i + HISTORY_CHUNK).map((r) => ({
        siteId: r.siteId,
        fromStatus: r.from,
        toStatus: r.to,
        at: r.at,
        source: r.source,
        note: r.note,
        rule: r.rule,
        effectsAppliedAt: null,
      })),
    );
  }
  await invalidateStatusSummary(tx);
  return applied;
}
