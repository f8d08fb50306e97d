import { databaseOptionsFromEnv, migrateDatabase, openDatabase, type Database, type DatabaseHandle } from "../../db/client";

export type { Database, Executor, Transaction } from "../../db/client";

/**
 * One database handle per process, kept on globalThis so that dev reloads reuse it
 * (PGlite is a single connection; opening its data dir twice corrupts it).
 */
const globalForDb = globalThis as unknown as { __guichetDb?: Promise<DatabaseHandle> };

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  globalForDb.__guichetDb ??= (async () => {
    const handle = await openDatabase(databaseOptionsFromEnv());
    if (handle.driver === "pglite") await migrateDatabase(handle);
    return handle;
  })();
  return globalForDb.__guichetDb;
}

/** Replace the process database (tests and the server's start-up use this). */
export function setDatabaseHandle(handle: DatabaseHandle): void {
  globalForDb.__guichetDb = Promise.resolve(handle);
}

export async function getDb(): Promise<Database> {
  return (await getDatabaseHandle()).db;
}
