import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres, type PostgresJsDatabase, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import * as schema from "./schema";

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
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "migrations");
export const DEFAULT_DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", ".data", "pglite");

export type DatabaseOptions =
  | { driver: "postgres"; url: string; max?: number }
  | { driver: "pglite"; dataDir?: string /* undefined: in memory */ };

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.driver === "postgres") {
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      // Keep timestamps as strings in the driver; drizzle maps them to Date.
      connection: { application_name: "guichet" },
    });
    const db = drizzlePostgres(client, { schema });
    return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  if (options.dataDir) {
    // PGlite creates only the last folder and kills the process when the parent is missing.
    mkdirSync(dirname(options.dataDir), { recursive: true });
  }
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Database;
  return { db, driver: "pglite", close: () => client.close() };
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.driver === "postgres") {
    await migratePostgres(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    await migratePglite(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  }
}

/** Options from the environment: DATABASE_URL → PostgreSQL, otherwise PGlite in PGLITE_DIR (./.data/pglite). */
export function databaseOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseOptions {
  if (env.DATABASE_URL) {
    return { driver: "postgres", url: env.DATABASE_URL, max: env.DATABASE_POOL_MAX ? Number(env.DATABASE_POOL_MAX) : 10 };
  }
  if (env.PGLITE_DIR === "memory") return { driver: "pglite" };
  return { driver: "pglite", dataDir: env.PGLITE_DIR ? resolve(env.PGLITE_DIR) : DEFAULT_DATA_DIR };
}
