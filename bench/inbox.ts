/**
 * `DATABASE_URL=postgres://… npx tsx bench/inbox.ts`: latency of the agent inbox at scale.
 *
 * Run it on a PostgreSQL database filled by `npm run db:seed -- --cases 1000000`. It measures,
 * as agent.lome@demo.tg (office TPI-LOM):
 *  1. the inbox query itself (listInbox: one page of 25, joins included) for each tab, a second
 *     page (keyset), each kind of search, and the five bounded tab counts — BENCH_RUNS sequential
 *     runs each (default 300) after a warm-up, median and p95;
 *  2. the whole page through the app (GET /agent with the agent's session, the production build
 *     started on the same database): a closed loop, BENCH_CONCURRENCY (1 by default here: the
 *     latency one agent sees) for BENCH_DURATION_MS; skipped with BENCH_HTTP=0 or without a build;
 *  3. EXPLAIN (ANALYZE, BUFFERS) of the main inbox query (tab Nouveaux, first page) and of the
 *     overdue tab.
 */
import { existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase } from "../db/client";
import { cases, users } from "../db/schema";
import { countInboxTabs, inboxFirstPageQuery, listInbox, INBOX_TABS, type InboxFilters, type InboxTab } from "../app/services/inbox.server";
import { loadSessionUser } from "../app/utils/auth.server";
import { createSession } from "../app/utils/session.server";
import { freePort, percentile, waitReady } from "./lib";

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const HTTP = process.env.BENCH_HTTP !== "0";
const HTTP_MS = Number(process.env.BENCH_DURATION_MS ?? 15_000);
const HTTP_CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 1);

async function time(runs: number, fn: () => Promise<unknown>): Promise<{ median: number; p95: number; runs: number }> {
  for (let i = 0; i < Math.min(20, runs); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { median: percentile(samples, 50), p95: percentile(samples, 95), runs };
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the PostgreSQL database filled with `npm run db:seed -- --cases 1000000`.");
  const handle = await openDatabase({ driver: "postgres", url, max: 4 });
  const raw = postgres(url, { max: 1, onnotice: () => {} });
  const { db } = handle;
  try {
    const [row] = await db.select().from(users).where(eq(users.email, "agent.lome@demo.tg"));
    if (!row) throw new Error("agent.lome@demo.tg not found: seed the demo data first.");
    const user = await loadSessionUser(db, row);
    const officeId = user.officeRoles[0]!.officeId;
    const [totals] = await db
      .select({ all: sql<number>`count(*)::int`, office: sql<number>`count(*) filter (where ${cases.officeId} = ${officeId})::int` })
      .from(cases);
    console.log(`${totals!.all.toLocaleString("fr-FR")} cases in the database, ${totals!.office.toLocaleString("fr-FR")} at agent.lome's office (id ${officeId}).`);

    // Search targets taken from the office's own data.
    const [sample] = (await raw`
      select c.reference, u.phone, split_part(u.full_name, ' ', 2) as last_name
      from "case" c join "user" u on u.id = c.applicant_id
      where c.office_id = ${officeId} and c.status = 'submitted' and u.phone is not null
      order by c.due_at desc limit 1`) as unknown as { reference: string; phone: string; last_name: string }[];
    const now = new Date();

    const measures: { what: string; median: number; p95: number; runs: number; rows: number }[] = [];
    const page = async (what: string, tab: InboxTab, filters: InboxFilters = {}) => {
      let rows = 0;
      const r = await time(RUNS, async () => {
        rows = (await listInbox(db, { user, officeId, tab, filters, now })).rows.length;
      });
      measures.push({ what, ...r, rows });
    };
    for (const tab of INBOX_TABS) await page(`tab ${tab}, page 1`, tab);
    const first = await listInbox(db, { user, officeId, tab: "termines", now });
    {
      let rows = 0;
      const r = await time(RUNS, async () => {
        rows = (await listInbox(db, { user, officeId, tab: "termines", after: first.next, now })).rows.length;
      });
      measures.push({ what: "tab termines, page 2 (keyset)", ...r, rows });
    }
    await page(`search reference (${sample!.reference.toLowerCase().replace(/-/g, " ")})`, "nouveaux", { q: sample!.reference.toLowerCase().replace(/-/g, " ") });
    await page(`search phone (${sample!.phone.slice(4)})`, "nouveaux", { q: sample!.phone.slice(4) });
    await page(`search name (${sample!.last_name})`, "termines", { q: sample!.last_name });
    await page("filter procedure + overdue", "nouveaux", { overdue: true, procedureId: (await db.select({ p: cases.procedureId }).from(cases).where(eq(cases.officeId, officeId)).limit(1))[0]!.p });
    {
      const r = await time(RUNS, () => countInboxTabs(db, { user, officeId, now }));
      const counts = await countInboxTabs(db, { user, officeId, now });
      measures.push({ what: "5 tab counts (bounded at 1 000)", ...r, rows: Object.values(counts).reduce((a, c) => a + c.count, 0) });
      console.log(`Counts: ${INBOX_TABS.map((t) => `${t} ${counts[t].capped ? "> " : ""}${counts[t].count}`).join(", ")}`);
    }
    console.log(`\nInbox query (listInbox, 25 rows + joins), ${RUNS} sequential runs each after warm-up:`);
    console.table(measures.map((m) => ({ query: m.what, "median ms": m.median.toFixed(2), "p95 ms": m.p95.toFixed(2), rows: m.rows })));

    if (HTTP && existsSync("build/server/index.js")) {
      const port = await freePort();
      const app = spawn(process.execPath, ["--import", "tsx", "server/index.ts"], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, NODE_ENV: "production", PORT: String(port), APP_URL: `http://localhost:${port}`, DATABASE_URL: url, LOG_LEVEL: "error", COOKIE_SECURE: "false", TRUST_PROXY: "loopback" },
      });
      try {
        const base = `http://127.0.0.1:${port}`;
        await waitReady(`${base}/readyz`, app);
        const { token } = await createSession(db, user.id, { userAgent: "bench/inbox" });
        const cookie = `guichet_session=${token}`;
        // /accessibilite with the same session: the app's floor (session check, layout, render) on this machine now.
        const paths = ["/agent", "/agent?onglet=en-retard", "/agent?onglet=termines", `/agent?q=${encodeURIComponent(sample!.reference)}`, "/accessibilite"];
        const httpRows = [];
        for (const path of paths) {
          const check = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
          if (check.status !== 200) throw new Error(`GET ${path} answered ${check.status}`);
          await check.text();
          const samples: number[] = [];
          const end = performance.now() + HTTP_MS;
          for (let w = 0; w < 50; w++) await (await fetch(`${base}${path}`, { headers: { cookie } })).text();
          await Promise.all(
            Array.from({ length: HTTP_CONCURRENCY }, async () => {
              while (performance.now() < end) {
                const t = performance.now();
                const res = await fetch(`${base}${path}`, { headers: { cookie, "accept-encoding": "identity" } });
                await res.text();
                samples.push(performance.now() - t);
              }
            }),
          );
          samples.sort((a, b) => a - b);
          httpRows.push({ page: `GET ${path}`, "median ms": percentile(samples, 50).toFixed(1), "p95 ms": percentile(samples, 95).toFixed(1), requests: samples.length });
        }
        console.log(`\nWhole page through the app (production build, session of agent.lome, concurrency ${HTTP_CONCURRENCY}, ${HTTP_MS / 1000} s each):`);
        console.table(httpRows);
      } finally {
        if (app.exitCode === null) app.kill("SIGTERM");
      }
    } else if (HTTP) {
      console.log("\n(no build/: run `npm run build` to measure GET /agent through the app)");
    }

    for (const [label, tab] of [
      ["Nouveaux, first page", "nouveaux"],
      ["En retard, first page", "en-retard"],
    ] as const) {
      const q = inboxFirstPageQuery(db, { user, officeId, tab, now }).toSQL();
      const plan = (await raw.unsafe(`explain (analyze, buffers) ${q.sql}`, q.params as never[])) as unknown as { "QUERY PLAN": string }[];
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) — inbox query, ${label}:\n${plan.map((p) => p["QUERY PLAN"]).join("\n")}`);
    }
  } finally {
    await raw.end({ timeout: 5 });
    await handle.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
