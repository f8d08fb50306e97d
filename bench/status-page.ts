/**
 * `npm run bench`: requests per second of the status page and of /api/v1/status against a plain
 * node:http server answering a static string of the same size, on the same machine, in the same
 * run (DESIGN.md §9: measured here, never by a timed test).
 *
 * Needs the production build (`npm run build`). Starts the app on a fresh in-memory PGlite with
 * the demo data, waits for /readyz, runs a fixed-duration closed loop (keep-alive, bounded
 * concurrency) on loopback, prints a table and stops everything.
 */
import type { Server } from "node:http";
import { CONCURRENCY, DURATION_MS, freePort, load, printTable, startApp, startBaseline, type Result } from "./lib";

async function main() {
  const app = await startApp();
  const servers: Server[] = [];
  const stop = () => {
    for (const s of servers) s.close();
    app.stop();
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    const { base } = app;
    const page = await (await fetch(`${base}/etat-des-services`, { headers: { "accept-encoding": "identity" } })).text();
    const json = await (await fetch(`${base}/api/v1/status`)).text();
    const pagePort = await freePort();
    servers.push(await startBaseline(pagePort, page, "text/html; charset=utf-8"));
    const jsonPort = await freePort();
    servers.push(await startBaseline(jsonPort, json, "application/json"));

    console.log(`Concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s per target, keep-alive, loopback, no compression. Node ${process.version}.`);
    // The API allows 300 requests a minute per address: each request presents another one.
    let n = 0;
    const ipHeader = () => {
      n += 1;
      return { "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
    };
    const results: [Result, Result][] = [];
    results.push([await load("GET /etat-des-services", `${base}/etat-des-services`), await load("node:http, same HTML", `http://127.0.0.1:${pagePort}/`)]);
    results.push([await load("GET /api/v1/status", `${base}/api/v1/status`, ipHeader), await load("node:http, same JSON", `http://127.0.0.1:${jsonPort}/`)]);
    printTable(results);
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
