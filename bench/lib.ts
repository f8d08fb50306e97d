/**
 * Shared pieces of the benchmarks (`npm run bench`, bench/catalogue.ts): a closed-loop load
 * generator over keep-alive connections, a plain node:http baseline, and the production app
 * started on a fresh in-memory PGlite with the demo data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Agent, createServer, request, type Server } from "node:http";

export const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);
export const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const WARMUP_MS = 1_500;

export interface Result {
  label: string;
  requests: number;
  errors: number;
  rps: number;
  medianMs: number;
  p95Ms: number;
  bytes: number;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || !address) throw new Error("no port");
  return address.port;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function load(label: string, url: string, headers: () => Record<string, string> = () => ({})): Promise<Result> {
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

export function startBaseline(port: number, body: string, contentType: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

export async function waitReady(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
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

/** The production build on a fresh in-memory PGlite with the demo data, ready to measure. */
export async function startApp(): Promise<{ base: string; stop: () => void }> {
  const appPort = await freePort();
  const app = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", PORT: String(appPort), APP_URL: `http://localhost:${appPort}`, PGLITE_DIR: "memory", DATABASE_URL: "", LOG_LEVEL: "error", TRUST_PROXY: "loopback" },
  });
  const stop = () => {
    if (app.exitCode === null) app.kill("SIGTERM");
  };
  const base = `http://127.0.0.1:${appPort}`;
  try {
    await waitReady(`${base}/readyz`, app);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}

/** One row per target, with the app's share of its baseline's throughput. */
export function printTable(results: [Result, Result][]): void {
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
}
