/**
 * npm run db:seed [-- --reset]
 * Fills the database (PGlite in .data/pglite, or DATABASE_URL) with the demo data.
 * --reset empties every table first (refused with NODE_ENV=production unless --force).
 * --cases N adds N generated cases and ~N/20 citizens after the demo data (db/seed/scale.ts; use PostgreSQL).
 */
import { sql } from "drizzle-orm";
import { databaseOptionsFromEnv, migrateDatabase, openDatabase, type Database } from "../client";
import { DEMO_ACCOUNTS, decideDemoPassword } from "./accounts";
import { isDatabaseEmpty, seedDemo, type SeedSummary } from "./demo";
import { seedScale } from "./scale";

const argv = process.argv.slice(2);
const args = new Set(argv);
const casesArg = argv.indexOf("--cases");
const scaleCases = casesArg >= 0 ? Number(argv[casesArg + 1]) : 0;
if (casesArg >= 0 && !(Number.isInteger(scaleCases) && scaleCases > 0)) {
  console.error("--cases needs a positive whole number, e.g. --cases 1000000");
  process.exit(1);
}

async function truncateAll(db: Database): Promise<void> {
  const tables = await db.select({ name: sql<string>`tablename` }).from(sql`pg_tables`).where(sql`schemaname = 'public'`);
  if (tables.length === 0) return;
  const list = tables.map((t) => `"public"."${t.name.replace(/"/g, '""')}"`).join(", ");
  await db.execute(sql.raw(`truncate table ${list} restart identity cascade`));
}

function printSummary(summary: SeedSummary, password: { shown: boolean }): void {
  const s = summary.sites;
  console.log(`Demo data seeded in ${(summary.durationMs / 1000).toFixed(1)} s:`);
  console.log(`  ${summary.regions} regions, ${summary.towns} towns`);
  console.log(`  ${s.total} sites — connected: ${s.connectedLome} in Lomé, ${s.connectedKara} in Kara; ${s.notConnected} planned (not connected)`);
  console.log(`  link status: ${Object.entries(s.byStatus).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  console.log(`  ${summary.linkStatusChanges} link status changes, ${summary.maintenanceWindows} maintenance windows`);
  console.log(`  ${summary.agencies} agencies, ${summary.offices} offices`);
  console.log(`  procedures: ${summary.procedures.published} published, ${summary.procedures.draft} draft, ${summary.procedures.closed} closed`);
  if (summary.accounts > 0) {
    console.log(`  ${summary.accounts} demo accounts${password.shown ? ' (password "guichet-demo")' : " (password from DEMO_PASSWORD)"}:`);
    for (const account of DEMO_ACCOUNTS) console.log(`    ${(account.email ?? account.phone ?? "").padEnd(22)} ${account.role.padEnd(10)} ${account.description}`);
  }
}

const options = databaseOptionsFromEnv();
const handle = await openDatabase(options);
try {
  await migrateDatabase(handle);
  if (args.has("--reset")) {
    if (process.env.NODE_ENV === "production" && !args.has("--force")) {
      throw new Error("--reset empties every table: refused with NODE_ENV=production (add --force if you mean it).");
    }
    await truncateAll(handle.db);
    console.log("All tables emptied.");
  }
  const decision = decideDemoPassword(process.env, handle.driver);
  if (decision.password === null) console.warn(`Warning: ${decision.reason}`);
  if (scaleCases === 0 || (await isDatabaseEmpty(handle.db))) {
    const summary = await seedDemo(handle.db, { demoPassword: decision.password, log: (msg) => console.log(`  … ${msg}`) });
    printSummary(summary, { shown: decision.password !== null && decision.source === "default" });
  }
  if (scaleCases > 0) {
    if (handle.driver !== "postgres") console.warn("Warning: the scale seed is meant for PostgreSQL (DATABASE_URL); PGlite will be slow.");
    const scale = await seedScale(handle.db, { cases: scaleCases, log: (msg) => console.log(`  … ${msg}`) });
    console.log(`Scale data seeded in ${(scale.durationMs / 1000).toFixed(1)} s: ${scale.cases.toLocaleString("fr-FR")} cases, ${scale.citizens.toLocaleString("fr-FR")} citizens, ${scale.offices} offices.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await handle.close();
}
