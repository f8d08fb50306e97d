import type { Database } from "../db/client";
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
  return {
    async stop() {
      await outbox.stop();
    },
  };
}
