/**
 * Jetons de supervision des sondes et d'Alertmanager (docs/monitoring.md) :
 *   npm run token:create -- --name probe-lome   affiche le jeton une seule fois
 *   npm run token:list
 *   npm run token:revoke -- --name probe-lome
 * Utilise DATABASE_URL (PostgreSQL) ou le répertoire PGlite (PGLITE_DIR), comme le serveur. Sur
 * PostgreSQL, la commande marche à côté du portail et prend effet à la requête suivante. Sur la
 * base embarquée, un seul processus à la fois (db/pglite-lock.ts) : si le portail tourne, la
 * commande refuse aussitôt et renvoie à /admin/jetons, qui prend effet tout de suite.
 * Messages in French; the README gives them in English.
 */
import { parseArgs } from "node:util";
import { DataDirLockedError, databaseOptionsFromEnv, migrateDatabase, openDatabase, type DatabaseHandle } from "../db/client";
import { createMonitoringToken, listMonitoringTokens, MonitoringTokenError, revokeMonitoringToken } from "../app/services/monitoring-tokens.server";

const USAGE = "usage : npm run token:create -- --name NOM | npm run token:revoke -- --name NOM | npm run token:list";

type Command = "create" | "revoke" | "list";

/** What to tell the operator when another process holds the embedded database. */
export function lockedMessage(error: DataDirLockedError, command: Command): string {
  const pid = error.holder?.pid ?? "?";
  const where = `Base embarquée : ${error.dataDir}`;
  if (error.holder?.owner === "portal") {
    const what = command === "list" ? "consultez les jetons" : "créez ou révoquez le jeton";
    return `Le portail tourne sur cette base embarquée (pid ${pid}) : ${what} dans /admin/jetons, ou arrêtez le portail.\n${where}`;
  }
  const who = error.holder ? `le processus ${pid} (${error.holder.owner})` : "un autre processus";
  return `Cette base embarquée est ouverte par ${who} : attendez qu'il se termine ou arrêtez-le, puis relancez la commande.\n${where}`;
}

function tokenErrorMessage(error: MonitoringTokenError, name: string): string {
  switch (error.code) {
    case "name_taken":
      return `Un jeton nommé « ${name} » existe déjà : révoquez-le ou choisissez un autre nom.`;
    case "not_found":
      return `Aucun jeton actif nommé « ${name} ».`;
    case "invalid_name":
      return "Nom invalide : lettres, chiffres, « . », « _ » ou « - » (63 caractères au plus).";
  }
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { name: { type: "string" } } });
  } catch {
    console.error(USAGE);
    return 2;
  }
  const { positionals, values } = parsed;
  const command = positionals[0] as Command | undefined;
  if (!command || !["create", "revoke", "list"].includes(command) || (command !== "list" && !values.name)) {
    console.error(USAGE);
    return 2;
  }
  const name = values.name ?? "";
  let handle: DatabaseHandle;
  try {
    handle = await openDatabase(databaseOptionsFromEnv(process.env, "token"));
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(lockedMessage(error, command));
      return 1;
    }
    throw error;
  }
  try {
    await migrateDatabase(handle);
    if (command === "create") {
      const { token, record } = await createMonitoringToken(handle.db, { name });
      process.stdout.write(`Jeton « ${record.name} » créé. Copiez-le maintenant : il ne sera plus affiché.\n\n${token}\n\n`);
      process.stdout.write(`En-tête à envoyer : Authorization: Bearer ${token}\n`);
    } else if (command === "revoke") {
      const record = await revokeMonitoringToken(handle.db, { name });
      process.stdout.write(`Jeton « ${record.name} » révoqué : les requêtes qui le portent sont refusées dès maintenant.\n`);
    } else {
      const tokens = await listMonitoringTokens(handle.db);
      if (tokens.length === 0) process.stdout.write("Aucun jeton de supervision.\n");
      for (const t of tokens) {
        const state = t.revokedAt ? `révoqué ${t.revokedAt.toISOString()}` : "actif";
        const used = t.lastUsedAt ? `utilisé ${t.lastUsedAt.toISOString()}` : "jamais utilisé";
        process.stdout.write(`${t.name.padEnd(24)} ${state.padEnd(34)} créé ${t.createdAt.toISOString()}  ${used}\n`);
      }
    }
    return 0;
  } catch (error) {
    if (error instanceof MonitoringTokenError) {
      console.error(tokenErrorMessage(error, name));
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}

process.exitCode = await main();
