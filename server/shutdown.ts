import type { Server } from "node:http";
import type { Logger } from "./logging";

export interface ShutdownStep {
  /** Logged once the step is done, e.g. "database_closed". */
  name: string;
  run: () => Promise<unknown>;
}

/**
 * SIGTERM / SIGINT: stop accepting connections, let in-flight requests finish (up to timeoutMs,
 * then cut the remaining connections), run the steps in order, exit 0.
 * A repeated signal more than a second later (an impatient Ctrl+C) exits at once; a duplicate
 * within that second (the terminal signals both `npm start` and the server) is ignored.
 */
export function installShutdown(options: {
  httpServer: Server;
  logger: Logger;
  timeoutMs: number;
  onDrain: () => void;
  steps: ShutdownStep[];
  exit?: (code: number) => void;
  /** Signals to listen to; tests pass [] and call the returned function. */
  signals?: NodeJS.Signals[];
}): (signal: string) => Promise<void> {
  const { httpServer, logger } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let startedAt: number | null = null;

  const shutdown = async (signal: string) => {
    if (startedAt !== null) {
      if (Date.now() - startedAt > 1_000) {
        logger.warn("shutdown_forced", { signal });
        exit(1);
      }
      return;
    }
    startedAt = Date.now();
    logger.info("shutdown_started", { signal, timeoutMs: options.timeoutMs });
    options.onDrain();

    const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
    // Keep-alive connections that finish their last response while we drain go too.
    httpServer.closeIdleConnections();
    const sweep = setInterval(() => httpServer.closeIdleConnections(), 100);
    const cut = setTimeout(() => {
      logger.warn("shutdown_timeout", { detail: "closing the connections still open" });
      httpServer.closeAllConnections();
    }, options.timeoutMs);
    // Whatever hangs after that (a stuck driver), the process still ends.
    const deadline = setTimeout(() => {
      logger.error("shutdown_deadline_exceeded");
      exit(1);
    }, options.timeoutMs + 5_000);
    deadline.unref();

    await closed;
    clearInterval(sweep);
    clearTimeout(cut);
    logger.info("http_closed", { durationMs: Date.now() - startedAt });

    let code = 0;
    for (const step of options.steps) {
      try {
        await step.run();
        logger.info(step.name);
      } catch (error) {
        code = 1;
        logger.error(`${step.name}_failed`, { error });
      }
    }
    logger.info("shutdown_complete", { durationMs: Date.now() - startedAt, exitCode: code });
    clearTimeout(deadline);
    exit(code);
  };

  for (const signal of options.signals ?? ["SIGTERM", "SIGINT"]) process.on(signal, () => void shutdown(signal));
  return shutdown;
}
