/**
 * Monitoring tokens for probes and Alertmanager (see docs/monitoring.md):
 *   npm run token:create -- --name probe-lome   prints the token once
 *   npm run token:list
 *   npm run token:revoke -- --name probe-lome
 * Uses DATABASE_URL (PostgreSQL) or the PGlite data dir, like the server — stop a dev server
 * using PGlite first (one process per data dir).
 */
import { parseArgs } from "node:util";
import { databaseOptionsFromEnv, migrateDatabase, openDatabase } from "../db/client";
import { createMonitoringToken, listMonitoringTokens, MonitoringTokenError, revokeMonitoringToken } from "../app/services/monitoring-tokens.server";

const USAGE = "usage: tsx scripts/token.ts create|revoke --name NAME | list";

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { name: { type: "string" } } });
  const command = positionals[0];
  if (!command || !["create", "revoke", "list"].includes(command) || (command !== "list" && !values.name)) {
    console.error(USAGE);
    return 2;
  }
  const handle = await openDatabase(databaseOptionsFromEnv());
  try {
    await migrateDatabase(handle);
    if (command === "create") {
      const { token, record } = await createMonitoringToken(handle.db, { name: values.name! });
      process.stdout.write(`Token "${record.name}" created. Copy it now: it will not be shown again.\n\n${token}\n\n`);
      process.stdout.write(`Use it as: Authorization: Bearer ${token}\n`);
    } else if (command === "revoke") {
      const record = await revokeMonitoringToken(handle.db, { name: values.name! });
      process.stdout.write(`Token "${record.name}" revoked: requests with it are refused from now on.\n`);
    } else {
      const tokens = await listMonitoringTokens(handle.db);
      if (tokens.length === 0) process.stdout.write("No monitoring tokens.\n");
      for (const t of tokens) {
        const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : "active";
        const used = t.lastUsedAt ? `last used ${t.lastUsedAt.toISOString()}` : "never used";
        process.stdout.write(`${t.name.padEnd(24)} ${state.padEnd(34)} created ${t.createdAt.toISOString()}  ${used}\n`);
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof MonitoringTokenError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
