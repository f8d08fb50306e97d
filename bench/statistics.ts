/**
 * `DATABASE_URL=postgres://… npx tsx bench/statistics.ts`: latency of the office statistics at
 * scale (the queries behind /agent/statistiques and its CSV).
 *
 * Run it on a PostgreSQL database filled by `npm run db:seed -- --cases 1000000`. For the office
 * with the most cases (or OFFICE=<id>), it runs officeStatistics BENCH_RUNS times (default 30)
 * after a warm-up, over the default 90 days and over a full year, and prints median and p95.
 */
import { sql } from "drizzle-orm";
import { openDatabase } from "../db/client";
import { defaultPeriod, dayString, type Period } from "../app/domain/statistics";
import { officeStatistics } from "../app/services/statistics.server";
import { percentile } from "./lib";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required (a PostgreSQL database seeded with --cases).");
  process.exit(1);
}
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const handle = await openDatabase({ driver: "postgres", url, max: 5 });
const [busiest] = (await handle.db.execute(
  sql`select office_id, count(*)::int as n from "case" where office_id is not null group by 1 order by 2 desc limit 1`,
)) as unknown as { office_id: number; n: number }[];
const officeId = Number(process.env.OFFICE ?? busiest?.office_id);
const now = new Date();
const year: Period = { from: dayString(new Date(now.getTime() - 365 * 86_400_000)), to: defaultPeriod(now).to };

for (const [name, period] of [["90 days", defaultPeriod(now)], ["366 days", year]] as const) {
  await officeStatistics(handle.db, { officeId, period, locale: "fr" });
  const times: number[] = [];
  let summary = "";
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const stats = await officeStatistics(handle.db, { officeId, period, locale: "fr" });
    times.push(performance.now() - started);
    summary = `received ${stats!.total.received}, decided ${stats!.total.decided}, in progress ${stats!.total.inProgress}`;
  }
  times.sort((a, b) => a - b);
  console.log(`office ${officeId}, ${name}: median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms (${summary})`);
}
await handle.close();
