import type { Database } from "../db/client";
import { runHousekeeping } from "../app/services/housekeeping.server";
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
  const housekeeping = startHousekeeping(options.getDb, options.logger);
  return {
    async stop() {
      housekeeping.stop();
      await outbox.stop();
    },
  };
}

/** Every 15 minutes (and once a minute after start), delete expired sessions, rate-limit windows and reset tokens. */
function startHousekeeping(getDb: () => Promise<Database>, logger: Logger, intervalMs = 15 * 60_000) {
  const run = async () => {
    try {
      const report = await runHousekeeping(await getDb());
      logger.debug("housekeeping", { ...report });
    } catch (error) {
      logger.warn("housekeeping_failed", { error: error instanceof Error ? error.message : String(error) });
    }
  };
  const first = setTimeout(run, 60_000);
  const timer = setInterval(run, intervalMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
