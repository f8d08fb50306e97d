import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { inject } from "vitest";
import { migrateDatabase, openDatabase, type DatabaseHandle } from "./client";

/**
 * A fresh, migrated database for one test file, copied from the run's template (db/test-template.ts).
 * TEST_DB_DRIVER=postgres (with TEST_DATABASE_URL): a new database created on that server and
 * dropped on close; otherwise an in-memory PGlite.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  if (process.env.TEST_DB_DRIVER === "postgres") {
    if (!url) throw new Error("TEST_DB_DRIVER=postgres needs TEST_DATABASE_URL");
    const name = `guichet_t_${randomBytes(6).toString("hex")}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    const template = inject("postgresTemplate");
    await admin.unsafe(template ? `create database ${name} template ${template}` : `create database ${name}`);
    // A test database need not wait for its commits to reach the disk (a crash loses only tests).
    await admin.unsafe(`alter database ${name} set synchronous_commit = off`);
    const dbUrl = new URL(url);
    dbUrl.pathname = `/${name}`;
    const handle = await openDatabase({ driver: "postgres", url: dbUrl.toString(), max: 5 });
    if (!template) await migrateDatabase(handle);
    return {
      ...handle,
      async close() {
        await handle.close();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const template = inject("pgliteTemplate");
  if (template) return openDatabase({ driver: "pglite", loadDataDir: new Blob([readFileSync(template)]) });
  const handle = await openDatabase({ driver: "pglite" });
  await migrateDatabase(handle);
  return handle;
}

export const testDriver = process.env.TEST_DB_DRIVER === "postgres" ? "postgres" : "pglite";
