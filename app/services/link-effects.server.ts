import { and, asc, inArray, isNull, sql } from "drizzle-orm";
import { linkStatusChanges, sites } from "../../db/schema";
import type { Database } from "~/utils/db.server";
import { applyNetworkEffects } from "./network-effects.server";
import type { PeriodicJob } from "./periodic-jobs.server";

/** Sites whose pending effects one transaction applies: a bounded piece of work (decision 019). */
export const LINK_EFFECTS_SITES_PER_BATCH = 25;

/**
 * Applies the effects (outages, deadline pauses, notices: network-effects.server.ts) of the link
 * changes a mass change left pending, in bounded transactions of LINK_EFFECTS_SITES_PER_BATCH
 * sites. Each transaction locks its sites (FOR UPDATE SKIP LOCKED: two servers take different
 * sites, and an inline change of a site waits for its turn), then applies every pending change of
 * those sites in their order. Returns the number of changes applied.
 */
export async function applyPendingLinkEffects(db: Database, options: { maxBatches?: number } = {}): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < (options.maxBatches ?? Number.POSITIVE_INFINITY); batch++) {
    const applied = await db.transaction(async (tx) => {
      const waiting = tx
        .selectDistinct({ siteId: linkStatusChanges.siteId })
        .from(linkStatusChanges)
        .where(isNull(linkStatusChanges.effectsAppliedAt))
        .limit(LINK_EFFECTS_SITES_PER_BATCH * 4);
      const locked = await tx
        .select({ id: sites.id })
        .from(sites)
        .where(inArray(sites.id, waiting))
        .orderBy(asc(sites.id))
        .limit(LINK_EFFECTS_SITES_PER_BATCH)
        .for("update", { skipLocked: true });
      if (locked.length === 0) return 0;
      const changes = await tx
        .select({
          id: linkStatusChanges.id,
          siteId: linkStatusChanges.siteId,
          from: linkStatusChanges.fromStatus,
          to: linkStatusChanges.toStatus,
          at: linkStatusChanges.at,
          source: linkStatusChanges.source,
        })
        .from(linkStatusChanges)
        .where(and(isNull(linkStatusChanges.effectsAppliedAt), inArray(linkStatusChanges.siteId, locked.map((s) => s.id))))
        .orderBy(asc(linkStatusChanges.id));
      for (const { from, ...change } of changes) if (from) await applyNetworkEffects(tx, { ...change, from });
      if (changes.length > 0) {
        await tx
          .update(linkStatusChanges)
          .set({ effectsAppliedAt: sql`now()` })
          .where(inArray(linkStatusChanges.id, changes.map((c) => c.id)));
      }
      return changes.length;
    });
    if (applied === 0) break;
    total += applied;
    // Let the requests waiting meanwhile be served between two pieces (PGlite runs in this thread).
    await new Promise((resolve) => setImmediate(resolve));
  }
  return total;
}

/** Every 2 s: cheap when nothing waits (the partial index on pending changes). */
export const linkEffectsJob: PeriodicJob = {
  name: "link-effects",
  intervalMs: 2_000,
  run: (db) => applyPendingLinkEffects(db),
};
