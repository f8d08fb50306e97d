import type { Database } from "~/utils/db.server";
import { dispatcherJob, rerouteJob } from "./dispatcher.server";
import { runHousekeeping } from "./housekeeping.server";
import { infoRequestJob } from "./info-requests.server";
import { linkEffectsJob } from "./link-effects.server";
import { staleHeartbeatJob } from "./ingest.server";
import { maintenanceJob } from "./maintenance.server";

/**
 * A loop every app server runs. Jobs must be safe when several servers run them at once
 * (claim rows with FOR UPDATE SKIP LOCKED, or make the work idempotent).
 */
export interface PeriodicJob {
  name: string;
  intervalMs: number;
  run(db: Database, now: Date): Promise<unknown>;
}

export const housekeepingJob: PeriodicJob = {
  name: "housekeeping",
  intervalMs: 15 * 60_000,
  run: (db, now) => runHousekeeping(db, now),
};

/** Every periodic job of the portal; server/workers.ts runs them. */
export const PERIODIC_JOBS: PeriodicJob[] = [
  maintenanceJob, // every minute: windows start and end
  staleHeartbeatJob, // every minute: silent probes → down
  linkEffectsJob, // every 2 s: outages, paused deadlines and notices of a mass link change (decision 019)
  dispatcherJob, // every 30 s: queued cases to offices that came back
  rerouteJob, // every 5 min: unclaimed cases at offices down past the grace period
  infoRequestJob, // every 10 min: reminders 7 days before a request for pieces lapses, closing when it lapses
  housekeepingJob, // every 15 min: expired sessions, rate-limit windows, reset tokens, drafts untouched for 30 days, files of deleted documents, unconfirmed subscriptions, temporary files of interrupted uploads
];
