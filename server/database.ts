import { DataDirLockedError, databaseOptionsFromEnv, migrateDatabase, openDatabase, type DatabaseHandle } from "../db/client";
import type { ServerConfig } from "./config";
import type { Logger } from "./logging";

/** The embedded database migrates itself; a PostgreSQL server only when the operator asks. */
export function shouldMigrate(driver: DatabaseHandle["driver"], config: Pick<ServerConfig, "migrateOnStart">): boolean {
  return driver === "pglite" || config.migrateOnStart;
}

/** Demo data goes into an empty embedded database, or an empty server with SEED_ON_START=1. */
export function shouldSeed(driver: DatabaseHandle["driver"], config: Pick<ServerConfig, "seedOnStart">): boolean {
  return driver === "pglite" || config.seedOnStart;
}

/** Open the database named by the environment, migrate it and seed it as the policy says. */
export async function prepareDatabase(config: ServerConfig, logger: Logger, env: NodeJS.ProcessEnv = process.env): Promise<DatabaseHandle> {
  const options = databaseOptionsFromEnv(env, "portal");
  const started = Date.now();
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(options);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      // Another process has this embedded database open (the portal started twice, a token or
      // seed command running): refuse at once rather than share its files (db/pglite-lock.ts).
      logger.error("database_locked", {
        dataDir: error.dataDir,
        holderPid: error.holder?.pid ?? null,
        holder: error.holder?.owner ?? null,
        hint: "stop the other process, or give this one its own PGLITE_DIR (or a PostgreSQL DATABASE_URL)",
      });
      process.stderr.write(`\nGuichet cannot start: ${error.message}\n\n`);
    }
    throw error;
  }
  logger.info("database_opened", {
    driver: handle.driver,
    location: options.driver === "pglite" ? (options.dataDir ?? "memory") : redactUrl(options.url),
    durationMs: Date.now() - started,
  });
  try {
    if (shouldMigrate(handle.driver, config)) {
      const migrationStarted = Date.now();
      await migrateDatabase(handle);
      logger.info("migrations_applied", { durationMs: Date.now() - migrationStarted });
    } else {
      logger.info("migrations_skipped", { hint: "run `npm run db:migrate`, or set MIGRATE_ON_START=1" });
    }
    if (shouldSeed(handle.driver, config)) {
      // Loaded only when needed: a PostgreSQL server in production never imports the demo data.
      const { isDatabaseEmpty, seedDemo } = await import("../db/seed/demo");
      const { decideDemoPassword } = await import("../db/seed/accounts");
      if (await isDatabaseEmpty(handle.db)) {
        const password = decideDemoPassword(env, handle.driver);
        if (password.password === null) logger.warn("demo_accounts_skipped", { reason: password.reason });
        const summary = await seedDemo(handle.db, { demoPassword: password.password, log: (detail) => logger.info("seed", { detail }) });
        logger.info("demo_data_seeded", { ...summary });
      } else {
        logger.info("seed_skipped", { reason: "database not empty" });
      }
    }
  } catch (error) {
    await handle.close().catch(() => {});
    throw error;
  }
  return handle;
}

/** postgres://user:secret@host/db → postgres://user:***@host/db */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}
