import type { Database } from "../db/client";
import { PERIODIC_JOBS, type PeriodicJob } from "../app/services/periodic-jobs.server";
import { startNotificationWorker } from "../app/services/outbox-worker.server";
import type { Logger } from "./logging";

export interface Workers {
  stop(): Promise<void>;
}

/**
 * Background loops that run inside each app server. Safe on several servers at once: the outbox
 * worker claims rows with FOR UPDATE SKIP LOCKED.
 */
export async function startWorkers(options: {
  enabled: boolean;
  getDb: () => Promise<Database>;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}): Promise<Workers> {
  if (!options.enabled) {
    options.logger.info("workers_disabled", { hint: "NOTIFICATION_WORKER=off" });
    return { stop: async () => {} };
  }
  const outbox = startNotificationWorker(options.getDb, { env: options.env ?? process.env, log: options.logger });
  const jobs = startPeriodicJobs(options.getDb, options.logger);
  return {
    async stop() {
      jobs.stop();
      await outbox.stop();
    },
  };
}

/** Runs each periodic job on its own interval (first run soon after start), logging failures. */
function startPeriodicJobs(getDb: () => Promise<Database>, logger: Logger, jobs: readonly PeriodicJob[] = PERIODIC_JOBS) {
  const timers: NodeJS.Timeout[] = [];
  for (const job of jobs) {
    let running = false;
    const run = async () => {
      if (running) return; // a slow run is not overlapped by the next tick
      running = true;
      try {
        const result = await job.run(await getDb(), new Date());
        logger.debug("job", { job: job.name, result });
      } catch (error) {
        logger.warn("job_failed", { job: job.name, error: error instanceof Error ? error.message : String(error) });
      } finally {
        running = false;
      }
    };
    timers.push(setTimeout(run, Math.min(job.intervalMs, 5_000)), setInterval(run, job.intervalMs));
  }
  for (const timer of timers) timer.unref();
  return {
    stop() {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
