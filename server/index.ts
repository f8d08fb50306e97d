/**
 * The HTTP server: `npm run dev` (Vite middleware, hot reload) and `npm run serve` / `npm start`
 * (NODE_ENV=production, the build in build/). See docs/decisions/001-http-server.md.
 */
import { resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { ViteDevServer } from "vite";
import { setDatabaseHandle } from "../app/utils/db.server";
import { createApp } from "./app";
import { ConfigError, loadConfig } from "./config";
import { prepareDatabase } from "./database";
import { createHttpServer } from "./http";
import { createLogger, routeConsoleToLogger } from "./logging";
import { installShutdown } from "./shutdown";
import { startWorkers } from "./workers";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const config = (() => {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // Before the logger exists: one JSON line on stdout for log shippers, plain words on stderr for a person.
    console.log(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "config_invalid", message: error.message }));
    console.error(`\nGuichet cannot start: ${error.message}\n`);
    process.exit(1);
  }
})();
const logger = createLogger({ level: config.logLevel });
// In production every line on stdout is JSON, including Remix's console.error for a failed loader.
if (config.mode === "production") routeConsoleToLogger(logger);

process.on("unhandledRejection", (reason) => logger.error("unhandled_rejection", { error: reason }));
process.on("uncaughtException", (error) => {
  logger.error("uncaught_exception", { error });
  process.exit(1);
});

const bootStarted = Date.now();
logger.info("starting", { mode: config.mode, node: process.version, pid: process.pid });

// 1. The database, before the Remix build is loaded: the build finds this handle on globalThis
//    instead of opening a second one (PGlite is a single connection to its data dir).
const handle = await prepareDatabase(config, logger);
setDatabaseHandle(handle);
const getDb = async () => handle.db;

// 2. The app: Vite in middleware mode in dev, the built server in production.
const httpServer = createHttpServer();
let vite: ViteDevServer | undefined;
let build: ServerBuild | (() => Promise<ServerBuild>);
if (config.mode === "development") {
  const { createServer: createViteServer } = await import("vite");
  vite = await createViteServer({
    root: ROOT,
    appType: "custom",
    // HMR over the app's own port (no second port to open or to allow in the CSP).
    server: { middlewareMode: true, hmr: { server: httpServer } },
  });
  const devServer = vite;
  build = () => devServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
} else {
  const buildPath = resolve(ROOT, "build/server/index.js");
  try {
    build = (await import(pathToFileURL(buildPath).href)) as ServerBuild;
  } catch (error) {
    logger.error("build_missing", { error, hint: "run `npm run build` first (npm start does it for you)" });
    await handle.close();
    process.exit(1);
  }
}

let draining = false;
const app = createApp({
  mode: config.mode,
  build,
  getDb,
  logger,
  trustProxy: config.trustProxy,
  appOrigin: config.appOrigin,
  vite: vite?.middlewares,
  clientDir: resolve(ROOT, "build/client"),
  isDraining: () => draining,
});
httpServer.on("request", app);

// 3. Background work (notification outbox…), once the database is ready.
const workers = await startWorkers({ enabled: config.notificationWorker, getDb, logger });

// 4. Listen.
httpServer.on("error", (error: NodeJS.ErrnoException) => {
  logger.error("listen_failed", { error, port: config.port, host: config.host });
  process.exit(1);
});
httpServer.listen(config.port, config.host, () => {
  const address = httpServer.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  logger.info("listening", { url: `http://localhost:${port}`, host: config.host, port, startupMs: Date.now() - bootStarted });
});

installShutdown({
  httpServer,
  logger,
  timeoutMs: config.shutdownTimeoutMs,
  onDrain: () => {
    draining = true;
  },
  steps: [
    { name: "workers_stopped", run: () => workers.stop() },
    ...(vite ? [{ name: "vite_closed", run: () => (vite as ViteDevServer).close() }] : []),
    { name: "database_closed", run: () => handle.close() },
  ],
});
