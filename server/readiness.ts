import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { sql } from "drizzle-orm";
import { MIGRATIONS_FOLDER, type Database } from "../db/client";

export type Readiness = { ready: true } | { ready: false; reason: string; detail?: string };

interface Journal {
  entries: { idx: number; when: number; tag: string }[];
}

/** The migrations this build expects, by the timestamp drizzle records for each one. */
export function expectedMigrations(folder: string = MIGRATIONS_FOLDER): { tag: string; when: number }[] {
  const journal = JSON.parse(readFileSync(resolve(folder, "meta", "_journal.json"), "utf8")) as Journal;
  return journal.entries.map(({ tag, when }) => ({ tag, when }));
}

/** postgres.js answers an array of rows, PGlite an object with `rows`. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Ready = the database answers and every migration of this build's journal is recorded in
 * drizzle's own table (drizzle.__drizzle_migrations, created_at = the journal's "when").
 * More migrations than expected (a newer build migrated first) still counts as ready.
 */
export async function checkReadiness(
  getDb: () => Promise<Database>,
  options: { timeoutMs?: number; migrations?: { tag: string; when: number }[] } = {},
): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const expected = options.migrations ?? expectedMigrations();
  let db: Database;
  try {
    db = await withTimeout(getDb(), timeoutMs);
    await withTimeout(db.execute(sql`select 1`), timeoutMs);
  } catch (error) {
    return { ready: false, reason: "database_unreachable", detail: error instanceof Error ? error.message : String(error) };
  }
  try {
    const [table] = rowsOf<{ name: string | null }>(
      await withTimeout(db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`), timeoutMs),
    );
    if (!table?.name) return { ready: false, reason: "migrations_pending", detail: `0 of ${expected.length} applied` };
    const applied = rowsOf<{ created_at: string | number }>(
      await withTimeout(db.execute(sql`select created_at from drizzle.__drizzle_migrations`), timeoutMs),
    );
    const done = new Set(applied.map((row) => Number(row.created_at)));
    const missing = expected.filter((m) => !done.has(m.when)).map((m) => m.tag);
    if (missing.length > 0) return { ready: false, reason: "migrations_pending", detail: `missing: ${missing.join(", ")}` };
    return { ready: true };
  } catch (error) {
    return { ready: false, reason: "migration_check_failed", detail: error instanceof Error ? error.message : String(error) };
  }
}
