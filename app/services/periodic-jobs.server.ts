import type { Database } from "~/utils/db.server";
import { runHousekeeping } from "./housekeeping.server";

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
export const PERIODIC_JOBS: PeriodicJob[] = [housekeepingJob];
