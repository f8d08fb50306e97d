/**
 * `npm run bench`: requests per second of the status page and of /api/v1/status against a plain
 * node:http server answering a static string of the same size, on the same machine, in the same
 * run (DESIGN.md §9: measured here, never by a timed test).
 *
 * Needs the production build (`npm run build`). Starts the app on a fresh in-memory PGlite with
 * the demo data, waits for /readyz, runs a fixed-duration closed loop (keep-alive, bounded
 * concurrency) on loopback, prints a table and stops everything.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, createServer, request, type Server } from "node:http";

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const WARMUP_MS = 1_500;

interface Result {
  label: string;
  requests: number;
  errors: number;
  rps: number;
  medianMs: number;
  p95Ms: number;
  bytes: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function load(label: string, url: string, headers: () => Record<string, string> = () => ({})): Promise<Result> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const once = () =>
    new Promise<{ ok: boolean; bytes: number }>((resolve, reject) => {
      const req = request(url, { agent, headers: { "accept-encoding": "identity", ...headers() } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ ok: res.statusCode === 200, bytes }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end();
    });
  // Warm-up: JIT, first summary computation, connection set-up.
  const warmEnd = Date.now() + WARMUP_MS;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (Date.now() < warmEnd) await once();
  }));
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  const start = performance.now();
  const end = start + DURATION_MS;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          const r = await once();
          if (!r.ok) errors += 1;
          bytes = r.bytes;
        } catch {
          errors += 1;
        }
        latencies.push(performance.now() - t);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { label, requests: latencies.length, errors, rps: latencies.length / elapsed, medianMs: percentile(latencies, 50), p95Ms: percentile(latencies, 95), bytes };
}

function startBaseline(port: number, body: string, contentType: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

async function waitReady(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}

async function main() {
  const appPort = await freePort();
  const app = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(appPort), PGLITE_DIR: "memory", DATABASE_URL: "", LOG_LEVEL: "error", TRUST_PROXY: "loopback" },
  });
  const servers: Server[] = [];
  const stop = () => {
    for (const s of servers) s.close();
    if (app.exitCode === null) app.kill("SIGTERM");
  };
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    const base = `http://127.0.0.1:${appPort}`;
    await waitReady(`${base}/readyz`, app);
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

    const rows = results.flatMap(([appResult, baseline]) => [
      { ...appResult, ratio: `${((appResult.rps / baseline.rps) * 100).toFixed(1)} % of baseline` },
      { ...baseline, ratio: "baseline" },
    ]);
    console.table(
      rows.map((r) => ({
        target: r.label,
        "req/s": Math.round(r.rps),
        "median ms": r.medianMs.toFixed(2),
        "p95 ms": r.p95Ms.toFixed(2),
        "body bytes": r.bytes,
        requests: r.requests,
        errors: r.errors,
        ratio: r.ratio,
      })),
    );
  } finally {
    stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
