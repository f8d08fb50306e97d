/**
 * `npx tsx bench/catalogue.ts`: requests per second and latency of the catalogue — the most
 * visited page — listing everything and answering a search, against a plain node:http server
 * answering the same bytes, on the same machine, in the same run (DESIGN.md §9).
 *
 * Needs the production build (`npm run build`). Same method as bench/status-page.ts (see
 * bench/lib.ts): a fresh in-memory PGlite with the demo data, a fixed-duration closed loop over
 * keep-alive connections on loopback, no compression. Visitors are signed out (no session
 * lookup) and send no region cookie (default region), as most first visits do.
 */
import type { Server } from "node:http";
import { CONCURRENCY, DURATION_MS, freePort, load, printTable, startApp, startBaseline, type Result } from "./lib";

const TARGETS = [
  { label: "GET /demarches", path: "/demarches" },
  { label: "GET /demarches?q=acte+naissance", path: "/demarches?q=acte+naissance" },
];

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
    console.log(`Concurrency ${CONCURRENCY}, ${DURATION_MS / 1000} s per target, keep-alive, loopback, no compression. Node ${process.version}.`);
    const results: [Result, Result][] = [];
    for (const target of TARGETS) {
      const url = `${app.base}${target.path}`;
      const response = await fetch(url, { headers: { "accept-encoding": "identity" } });
      if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
      const body = await response.text();
      const port = await freePort();
      servers.push(await startBaseline(port, body, "text/html; charset=utf-8"));
      results.push([await load(target.label, url), await load("node:http, same HTML", `http://127.0.0.1:${port}/`)]);
    }
    printTable(results);
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
