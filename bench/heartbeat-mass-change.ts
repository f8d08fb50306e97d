/**
 * `npm run bench:heartbeats`: one probe batch that flips every connected building at once (559 of
 * the demo network's 560, one being in maintenance: up and degraded ones go down, down ones come
 * back up), and what the other visitors see meanwhile.
 *
 * Needs the production build (`npm run build`). Starts the app in its own process — on a fresh
 * PostgreSQL database created next to TEST_DATABASE_URL / DATABASE_URL when one is set (dropped
 * at the end), otherwise on an in-memory PGlite — with the demo data. This process is the load
 * generator: it primes the probes (one sample per site, no change yet: two samples 30 s apart
 * are needed), then, while BENCH_CONCURRENCY loops per path GET /healthz and /demarches, posts the
 * batch that confirms the failure, and measures:
 *  - the batch's response time;
 *  - the latency of the concurrent GETs while the batch is in flight, and over the whole window
 *    (BENCH_WINDOW_MS after the batch, which covers the link-effects job's work);
 *  - on PostgreSQL, when the last effect (outages, paused deadlines, notices) was applied.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Agent, request } from "node:http";
import postgres from "postgres";
import { freePort, percentile, waitReady } from "./lib";

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 2);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 15_000);
const GET_PATHS = ["/healthz", "/demarches"];

interface Timed {
  path: string;
  start: number;
  ms: number;
  ok: boolean;
}

function get(agent: Agent, url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers: { "accept-encoding": "identity" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode === 200));
      res.on("error", () => resolve(false));
    });
    req.on("error", () => resolve(false));
    req.end();
  });
}

async function freshPostgres(adminUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `guichet_bench_${process.pid}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name}`);
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

function stats(list: Timed[]) {
  const ms = list.map((t) => t.ms).sort((a, b) => a - b);
  return {
    requests: ms.length,
    errors: list.filter((t) => !t.ok).length,
    "median ms": percentile(ms, 50).toFixed(1),
    "p99 ms": percentile(ms, 99).toFixed(1),
    "max ms": (ms[ms.length - 1] ?? Number.NaN).toFixed(1),
  };
}

async function main() {
  const adminUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";
  const pg = adminUrl ? await freshPostgres(adminUrl) : null;
  const token = randomBytes(24).toString("hex");
  const port = await freePort();
  const app = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      LOG_LEVEL: "error",
      TRUST_PROXY: "loopback",
      MONITORING_TOKEN: token,
      ...(pg ? { DATABASE_URL: pg.url, MIGRATE_ON_START: "1", SEED_ON_START: "1" } : { DATABASE_URL: "", PGLITE_DIR: "memory" }),
    },
  });
  const watcher = pg ? postgres(pg.url, { max: 1, onnotice: () => {} }) : null;
  const stop = async () => {
    if (app.exitCode === null) {
      app.kill("SIGTERM");
      await new Promise((resolve) => app.once("exit", resolve));
    }
    await watcher?.end({ timeout: 5 });
    await pg?.drop();
  };
  try {
    const base = `http://127.0.0.1:${port}`;
    await waitReady(`${base}/readyz`, app, 300_000);

    // Every building that probes can move: up and degraded ones go down, down ones come back up.
    const codes: { code: string; down: boolean }[] = [];
    for (const status of ["up", "degraded", "down"]) {
      for (let page = 1; ; page++) {
        const res = await fetch(`${base}/api/v1/sites?status=${status}&perPage=200&page=${page}`, { headers: { "x-forwarded-for": `10.9.${codes.length % 250}.${page}` } });
        const items = (await res.json()) as { code: string }[];
        codes.push(...items.map((s) => ({ code: s.code, down: status === "down" })));
        if (items.length < 200) break;
      }
    }
    const post = async (at: Date) => {
      const samples = codes.map((s) => (s.down ? { site: s.code, at: at.toISOString(), latencyMs: 12, lossPct: 0 } : { site: s.code, at: at.toISOString(), latencyMs: 900, lossPct: 80 }));
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/sites/heartbeats`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ samples }),
      });
      const body = (await res.json()) as { changes?: unknown[]; error?: string };
      return { status: res.status, ms: performance.now() - t, changes: body.changes?.length ?? 0, error: body.error };
    };
    const now = Date.now();
    const prime = await post(new Date(now - 90_000));
    if (prime.status !== 200) throw new Error(`priming batch answered ${prime.status} ${prime.error ?? ""}`);

    // Warm the GET paths, then keep them busy around the batch.
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY * GET_PATHS.length });
    for (const path of GET_PATHS) for (let i = 0; i < 20; i++) await get(agent, `${base}${path}`);
    const timings: Timed[] = [];
    let running = true;
    const loops = GET_PATHS.flatMap((path) =>
      Array.from({ length: CONCURRENCY }, async () => {
        while (running) {
          const start = performance.now();
          const ok = await get(agent, `${base}${path}`);
          timings.push({ path, start, ms: performance.now() - start, ok });
        }
      }),
    );
    await new Promise((r) => setTimeout(r, 1_000));
    const batchStart = performance.now();
    const batch = await post(new Date(now - 30_000));
    const batchEnd = performance.now();
    let drainedMs: number | null = null;
    const windowEnd = batchStart + WINDOW_MS;
    while (performance.now() < windowEnd) {
      if (watcher && drainedMs === null) {
        const [row] = await watcher`select count(*)::int as n from link_status_change where effects_applied_at is null`;
        if (row!.n === 0) drainedMs = performance.now() - batchStart;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    running = false;
    await Promise.all(loops);
    agent.destroy();

    let outages: number | null = null;
    if (watcher) {
      const [row] = await watcher`select count(*)::int as n from site_outage where ended_at is null`;
      outages = row!.n;
    }
    console.log(`Database: ${pg ? "PostgreSQL" : "PGlite (in memory)"}; ${codes.length} sites probed; ${CONCURRENCY} loop(s) per GET path; Node ${process.version}.`);
    console.log(`Priming batch (${codes.length} samples, no change): ${prime.ms.toFixed(0)} ms.`);
    console.log(`Mass-change batch: HTTP ${batch.status}, ${batch.changes} changes, answered in ${batch.ms.toFixed(0)} ms.`);
    if (watcher) console.log(`Effects all applied ${drainedMs === null ? `not within ${WINDOW_MS} ms` : `${drainedMs.toFixed(0)} ms after the batch was sent`}; open outages: ${outages}.`);
    const during = timings.filter((t) => t.start < batchEnd && t.start + t.ms > batchStart);
    const after = timings.filter((t) => t.start >= batchStart);
    const rows = GET_PATHS.flatMap((path) => [
      { GET: path, window: "while the batch is in flight", ...stats(during.filter((t) => t.path === path)) },
      { GET: path, window: `${WINDOW_MS / 1000} s from the batch`, ...stats(after.filter((t) => t.path === path)) },
    ]);
    console.table(rows);
  } finally {
    await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
