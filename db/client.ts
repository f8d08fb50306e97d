import { resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { acquireDataDirLock } from "./pglite-lock";
import * as schema from "./schema";

export { DataDirLockedError } from "./pglite-lock";

export type Schema = typeof schema;
/**
 * Both drivers expose the same drizzle query API; the postgres.js type stands for both so that
 * services are written once.
 */
export type Database = PostgresJsDatabase<Schema>;
export type Transaction = PgTransaction<PostgresJsQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run a query: the database or an open transaction. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  driver: "postgres" | "pglite";
  close(): Promise<void>;
  /** PGlite only: the data directory as a tarball (the test template, db/test-template.ts). */
  dumpDataDir?: () => Promise<Blob>;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "migrations");
export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", ".data", "pglite");

export type DatabaseOptions =
  | { driver: "postgres"; url: string; max?: number; connectTimeoutSeconds?: number; statementTimeoutMs?: number }
  | {
      driver: "pglite";
      dataDir?: string /* undefined: in memory */;
      loadDataDir?: Blob /* start from a dump */;
      /** Named in the data directory's lock ("portal", "token"…): what a second process is told holds it. */
      owner?: string;
    };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.driver === "postgres") {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // A server that does not answer fails the request in seconds (a 503), not after 30 s.
      connect_timeout: options.connectTimeoutSeconds ?? 5,
      connection: { application_name: "guichet", statement_timeout: options.statementTimeoutMs ?? 30_000 },
    });
    const db = drizzlePostgres(client, { schema });
    return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  // One process per data directory (db/pglite-lock.ts): a second one throws DataDirLockedError here,
  // before PGlite reads a file. The lock also creates the directory and its parents (PGlite creates
  // only the last folder and kills the process when the parent is missing).
  const lock = options.dataDir ? acquireDataDirLock(options.dataDir, options.owner) : null;
  let client: PGlite;
  try {
    client = new PGlite({ dataDir: options.dataDir, loadDataDir: options.loadDataDir });
    await client.waitReady;
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  const close = async () => {
    try {
      if (!client.closed) await client.close();
    } finally {
      lock?.release();
    }
  };
  return { db, driver: "pglite", close, dumpDataDir: () => client.dumpDataDir("none") };
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "postgres") {
    await migratePostgres(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    await migratePglite(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** Options from the environment: DATABASE_URL → PostgreSQL, otherwise PGlite in PGLITE_DIR (./.data/pglite). */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, owner?: string): DatabaseOptions {
  if (env.DATABASE_URL) {
    return {
      driver: "postgres",
      url: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX ? Number(env.DATABASE_POOL_MAX) : 10,
      connectTimeoutSeconds: env.DATABASE_CONNECT_TIMEOUT_S ? Number(env.DATABASE_CONNECT_TIMEOUT_S) : 5,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS ? Number(env.DATABASE_STATEMENT_TIMEOUT_MS) : 30_000,
    };
  }
  if (env.PGLITE_DIR === "memory") return { driver: "pglite" };
  return { driver: "pglite", dataDir: env.PGLITE_DIR ? resolve(env.PGLITE_DIR) : DEFAULT_DATA_DIR, ...(owner ? { owner } : {}) };
}

/** postgres.js and Node codes of a server that cannot be reached or went away. */
const UNREACHABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
]);

/**
 * True when an error (or its cause: drizzle wraps the driver's error) says the database is
 * unreachable or refusing work for now — connection failures (SQLSTATE class 08), a server
 * shutting down or starting (57P01–57P03), too many connections (53300), a statement timeout
 * (57014) — rather than a bug: the portal answers 503 with Retry-After, not 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (UNREACHABLE_CODES.has(code) || code.startsWith("08") || ["57P01", "57P02", "57P03", "53300", "57014"].includes(code)) return true;
  }
  return false;
}
