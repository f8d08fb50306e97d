#!/usr/bin/env node
// `npm start`: build if the build is missing or older than the sources, then run the production
// server (which migrates and seeds the embedded database by itself) and say when it is ready.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BUILD_MARKER = join(ROOT, "build", "server", "index.js");
const SOURCES = ["app", "public", "remix.config.js", "vite.config.ts", "tsconfig.json", "package.json", "package-lock.json"];

const say = (text) => console.log(`[start] ${text}`);

/** Newest modification time under the given paths (test files do not end up in the build). */
function newestSourceTime(paths) {
  let newest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) visit(join(path, entry));
    } else if (!/\.test\.[cm]?[jt]sx?$/.test(path)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const p of paths) visit(resolve(ROOT, p));
  return newest;
}

function buildIsStale() {
  if (!existsSync(BUILD_MARKER) || !existsSync(join(ROOT, "build", "client"))) return "no build yet";
  return statSync(BUILD_MARKER).mtimeMs < newestSourceTime(SOURCES) ? "sources changed since the last build" : null;
}

function run(command, args, env) {
  return new Promise((resolvePromise) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: "inherit", env });
    child.on("exit", (code, signal) => resolvePromise(code ?? (signal ? 1 : 0)));
  });
}

async function waitUntilReady(url, child) {
  let exited = false;
  child.once("exit", () => (exited = true));
  while (!exited) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const started = Date.now();
const stale = buildIsStale();
if (stale) {
  say(`building the portal (${stale})…`);
  const buildStarted = Date.now();
  const cli = fileURLToPath(import.meta.resolve("@remix-run/dev/dist/cli.js"));
  const code = await run(process.execPath, [cli, "vite:build"], { ...process.env, NODE_ENV: "production" });
  if (code !== 0) {
    say("the build failed (see above).");
    process.exit(code);
  }
  say(`built in ${((Date.now() - buildStarted) / 1000).toFixed(1)} s`);
}

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST && !["0.0.0.0", "::"].includes(process.env.HOST) ? process.env.HOST : "127.0.0.1";
// `npm start` is the portal on this machine: without APP_URL, links in messages point to
// localhost and the development outbox shows them (a deployment sets APP_URL: no outbox page).
const local = !process.env.APP_URL;
const localEnv = local ? { APP_URL: `http://localhost:${port}`, DEV_OUTBOX: process.env.DEV_OUTBOX ?? "1" } : {};
const server = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), join(ROOT, "server", "index.ts")], {
  cwd: ROOT,
  stdio: "inherit",
  env: { ...process.env, ...localEnv, NODE_ENV: "production" },
});

// The server shuts down gracefully on these; pass them on and leave when it has.
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (server.exitCode === null) server.kill(signal);
  });
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

/** The demo accounts, read from the seed itself so that this list cannot drift from it. */
async function demoAccountsHint() {
  try {
    const { register } = await import("tsx/esm/api");
    register();
    const { DEMO_ACCOUNTS, decideDemoPassword } = await import("../db/seed/accounts.ts");
    const decision = decideDemoPassword({ ...process.env, NODE_ENV: "production" }, process.env.DATABASE_URL ? "postgres" : "pglite");
    if (decision.password === null) return [`  Demo accounts: not created (${decision.reason})`];
    const password = decision.source === "env" ? "the value of DEMO_PASSWORD" : decision.password;
    return [
      `  Demo accounts (password: ${password}) — see README.md, "Demo accounts":`,
      ...DEMO_ACCOUNTS.map((a) => `    ${(a.email ?? a.phone).padEnd(22)} ${a.role.padEnd(11)} ${a.fullName}`),
    ];
  } catch {
    return ['  Demo accounts: see README.md, "Demo accounts".'];
  }
}

if (await waitUntilReady(`http://${host.includes(":") ? `[${host}]` : host}:${port}/readyz`, server)) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const accounts = await demoAccountsHint();
  const outbox = localEnv.DEV_OUTBOX === "1" ? [`  E-mails and SMS (reset links, invitations): http://localhost:${port}/dev/boite-d-envoi`] : [];
  console.log(["", `  Guichet is ready (${seconds} s): http://localhost:${port}`, ...accounts, ...outbox, "  Stop with Ctrl+C.", ""].join("\n"));
}
