// `npm test`: the whole suite — typecheck and lint side by side; the unit + integration tests on
// PGlite; the integration tests again on PostgreSQL when TEST_DATABASE_URL is set, beside the
// production build (decision 017); then the Playwright suite (JS on, JS off, 360 px) in Chromium. Each step's output is printed
// whole when it ends. Ends with the time of each step, the 10 slowest spec files and one summary line.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { relative } from "node:path";

const results = [];
let passed = 0;
let failed = 0;
let skipped = 0;

function run(title, command, args, env = {}) {
  console.log(`\n━━ ${title} ━━  ${command} ${args.join(" ")}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = child.status === 0;
  results.push({ title, ok, seconds: Math.round((Date.now() - started) / 100) / 10 });
  return ok;
}

/** Steps side by side; each one's output is kept and printed whole when it ends. */
async function runTogether(steps) {
  return Promise.all(
    steps.map(
      ({ title, command, args, env = {} }) =>
        new Promise((resolve) => {
          const started = Date.now();
          const output = [];
          const child = spawn(command, args, { env: { ...process.env, ...env, FORCE_COLOR: process.env.FORCE_COLOR ?? "1" } });
          child.stdout.on("data", (chunk) => output.push(chunk));
          child.stderr.on("data", (chunk) => output.push(chunk));
          child.on("close", (code) => {
            const ok = code === 0;
            const seconds = Math.round((Date.now() - started) / 100) / 10;
            console.log(`\n━━ ${title} ━━  ${command} ${args.join(" ")}  (${seconds} s)`);
            process.stdout.write(Buffer.concat(output));
            results.push({ title, ok, seconds });
            resolve(ok);
          });
        }),
    ),
  );
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

function countVitest(path) {
  const report = readJson(path);
  if (!report) return;
  passed += report.numPassedTests ?? 0;
  failed += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}

function countPlaywright(path) {
  const report = readJson(path);
  if (!report?.stats) return;
  passed += report.stats.expected ?? 0;
  failed += (report.stats.unexpected ?? 0) + (report.stats.flaky ?? 0);
  skipped += report.stats.skipped ?? 0;
}

mkdirSync(".cache", { recursive: true });
for (const f of ["vitest-pglite.json", "vitest-postgres.json", "playwright.json"]) rmSync(`.cache/${f}`, { force: true });

const steps = [];
steps.push(...(await runTogether([
  { title: "Typecheck", command: "npx", args: ["tsc"] },
  { title: "Lint", command: "npx", args: ["eslint", ".", "--max-warnings", "0"] },
])));

const chromiumModule = await import("../e2e/chromium.mjs");
const e2eWanted = process.env.SKIP_E2E !== "1" && chromiumModule.findChromium() !== null;
// The PGlite run alone: it computes (WebAssembly), and beside other steps its heaviest tests pass
// their timeout. The PostgreSQL run waits on the server more than it computes: the build beside it.
steps.push(
  ...(await runTogether([
    {
      title: "Unit and integration tests (PGlite)",
      command: "npx",
      args: ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.cache/vitest-pglite.json"],
      env: { TEST_DB_DRIVER: "pglite" },
    },
  ])),
);
const together = [];
if (process.env.TEST_DATABASE_URL) {
  together.push({
    title: "Integration tests (PostgreSQL)",
    command: "npx",
    args: ["vitest", "run", "integration", "--reporter=default", "--reporter=json", "--outputFile.json=.cache/vitest-postgres.json"],
    env: { TEST_DB_DRIVER: "postgres" },
  });
}
if (e2eWanted) together.push({ title: "Production build", command: "npx", args: ["remix", "vite:build"] });
const togetherOk = await runTogether(together);
steps.push(...togetherOk);
const built = e2eWanted && togetherOk[together.length - 1];
countVitest(".cache/vitest-pglite.json");
if (process.env.TEST_DATABASE_URL) countVitest(".cache/vitest-postgres.json");
else console.log("\nTEST_DATABASE_URL is not set: the integration tests ran on PGlite only.");

if (process.env.SKIP_E2E === "1") {
  console.log("\nSKIP_E2E=1: end-to-end tests not run.");
} else if (!e2eWanted) {
  console.error(`\n${chromiumModule.CHROMIUM_HELP}\n(Or run SKIP_E2E=1 npm test to run everything else.)`);
  steps.push(false);
  results.push({ title: "End-to-end tests", ok: false, seconds: 0 });
} else if (built) {
  steps.push(run("End-to-end tests (Chromium: JS on, JS off, 360 px)", "npx", ["playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: ".cache/playwright.json",
  }));
  countPlaywright(".cache/playwright.json");
}

/** Seconds per spec file: vitest files by wall time, Playwright files summed over their projects. */
function specTimes() {
  const times = new Map();
  const add = (name, seconds) => times.set(name, (times.get(name) ?? 0) + seconds);
  for (const [label, path] of [["PGlite", ".cache/vitest-pglite.json"], ["PostgreSQL", ".cache/vitest-postgres.json"]]) {
    for (const file of readJson(path)?.testResults ?? []) {
      if (file.startTime && file.endTime) add(`${relative(process.cwd(), file.name)} (${label})`, (file.endTime - file.startTime) / 1000);
    }
  }
  const walk = (suite, file) => {
    for (const child of suite.suites ?? []) walk(child, child.file ?? file);
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests) for (const r of t.results) add(`e2e/${spec.file ?? file} [${t.projectName}]`, r.duration / 1000);
    }
  };
  for (const suite of readJson(".cache/playwright.json")?.suites ?? []) walk(suite, suite.file);
  return [...times].sort((a, b) => b[1] - a[1]);
}

const slowest = specTimes().slice(0, 10);
if (slowest.length) {
  console.log("\n━━ The 10 slowest spec files ━━");
  for (const [name, seconds] of slowest) console.log(`${seconds.toFixed(1).padStart(7)} s  ${name}`);
}

console.log("\n━━ Summary ━━");
for (const r of results) console.log(`${r.ok ? "✔" : "✘"} ${r.title} (${r.seconds} s)`);
const allOk = steps.every(Boolean);
console.log(`\nTests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
if (!allOk && failed === 0) console.log("(a step failed outside the test runners: see above)");
if (existsSync(".cache/playwright.json") === false && !process.env.SKIP_E2E) console.log("(no end-to-end report)");
process.exit(allOk ? 0 : 1);
