/**
 * Vitest global setup: one migrated database per run, copied by every test file
 * (createTestDatabase in db/testing.ts) instead of migrating once per file.
 * PGlite: a dump of a migrated in-memory database, loaded by each file (loadDataDir).
 * PostgreSQL: a template database, copied by CREATE DATABASE … TEMPLATE and dropped at the end.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "./client";

declare module "vitest" {
  export interface ProvidedContext {
    /** A tarball of a migrated PGlite data directory. */
    pgliteTemplate: string;
    /** The name of a migrated template database on TEST_DATABASE_URL's server. */
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_DB_DRIVER === "postgres" && process.env.TEST_DATABASE_URL) {
    const url = new URL(process.env.TEST_DATABASE_URL);
    const name = `guichet_tpl_${randomBytes(6).toString("hex")}`;
    const admin = postgres(url.toString(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ driver: "postgres", url: url.toString(), max: 1 });
    await migrateDatabase(handle);
    await handle.close();
    project.provide("postgresTemplate", name);
    return async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  }
  const handle = await openDatabase({ driver: "pglite" });
  await migrateDatabase(handle);
  const dump = await handle.dumpDataDir!();
  const dir = resolve(".cache");
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `pglite-template-${process.pid}.tar`);
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
  project.provide("pgliteTemplate", file);
  return () => rmSync(file, { force: true });
}
