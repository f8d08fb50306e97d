/**
 * The token commands beside a running portal (issue 13, point 6), with real processes.
 * Embedded database: one process per PGlite directory (db/pglite-lock.ts) — the CLI refuses while
 * the portal holds it, works when it is free, takes over the lock of a killed process.
 * PostgreSQL: the CLI works beside the server, and a revocation is refused at the next request.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testDriver } from "../db/testing";
import type { DatabaseHandle } from "../db/client";
import { requireMonitoringToken } from "../app/utils/api.server";
import { setDatabaseHandle } from "../app/utils/db.server";

const ROOT = resolve(import.meta.dirname, "..");
// One process (no tsx wrapper around a node child): the pid we see is the one in the lock.
const NODE = process.execPath;
const TSX_ARGS = ["--import", "tsx"];

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "info", ...extra };
  delete env.VITEST;
  if (!extra.DATABASE_URL) delete env.DATABASE_URL;
  return env;
}

/** Runs a command to its end; `stopWhen` (stdout) stops it early — a server that should not have started. */
function run(args: string[], env: Record<string, string>, stopWhen?: RegExp): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(NODE, [...TSX_ARGS, ...args], { cwd: ROOT, env: baseEnv(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      if (stopWhen?.test(stdout)) child.kill("SIGKILL");
    });
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("error", fail);
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

const token = (args: string[], env: Record<string, string>) => run(["scripts/token.ts", ...args], env);

/** Starts a process holding the directory as the portal does; resolves once it has it open. */
function holdDirectory(dir: string): Promise<ChildProcess> {
  return new Promise((ready, fail) => {
    const child = spawn(NODE, [...TSX_ARGS, "scripts/fixtures/hold-embedded-db.ts"], { cwd: ROOT, env: baseEnv({ PGLITE_DIR: dir }) });
    let out = "";
    let err = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      if (out.includes("ready")) ready(child);
    });
    child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (code) => fail(new Error(`holder exited (${code}) before it was ready: ${err}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.signalCode !== null) return done();
    child.once("exit", () => done());
  });
}

describe.skipIf(testDriver !== "pglite")("token CLI on the embedded database", () => {
  let dir: string;
  let holder: ChildProcess | undefined;
  const lockFile = () => join(dir, "guichet.lock");

  beforeAll(() => {
    dir = join(mkdtempSync(join(tmpdir(), "guichet-token-")), "pglite");
  });
  afterAll(async () => {
    if (holder && holder.exitCode === null) {
      holder.kill("SIGKILL");
      await exited(holder);
    }
    rmSync(resolve(dir, ".."), { recursive: true, force: true });
  });

  it("refuses at once while the portal holds the directory, naming its pid, the directory and /admin/jetons", async () => {
    holder = await holdDirectory(dir);

    const created = await token(["create", "--name", "probe-lome"], { PGLITE_DIR: dir });
    expect(created.code).not.toBe(0);
    expect(created.stderr).toContain(
      `Le portail tourne sur cette base embarquée (pid ${holder.pid}) : créez ou révoquez le jeton dans /admin/jetons, ou arrêtez le portail.`,
    );
    expect(created.stderr).toContain(dir);
    expect(created.stdout).not.toContain("gmt_");

    const listed = await token(["list"], { PGLITE_DIR: dir });
    expect(listed.code).not.toBe(0);
    expect(listed.stderr).toContain(`Le portail tourne sur cette base embarquée (pid ${holder.pid})`);

    // The holder's lock is untouched by the refused commands.
    expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: holder.pid, owner: "portal" });
  }, 120_000);

  it("a second portal on the same directory refuses to start and says which process holds it", async () => {
    const second = await run(["server/index.ts"], { PGLITE_DIR: dir, PORT: "0" }, /"msg":"(database_opened|listening)"/);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Guichet cannot start: the embedded database ${dir} is already open by process ${holder!.pid} (portal)`);
    const locked = second.stdout
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string; holderPid?: number })
      .find((line) => line.msg === "database_locked");
    expect(locked?.holderPid).toBe(holder!.pid);
    expect(second.stdout).not.toContain('"msg":"listening"');
  }, 120_000);

  it("works once the portal has stopped, and leaves the directory free", async () => {
    holder!.kill("SIGTERM");
    await exited(holder!);
    expect(existsSync(lockFile())).toBe(false);

    const created = await token(["create", "--name", "probe-lome"], { PGLITE_DIR: dir });
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/Jeton « probe-lome » créé[\s\S]*gmt_\S+/);
    expect(existsSync(lockFile())).toBe(false);

    const listed = await token(["list"], { PGLITE_DIR: dir });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(/probe-lome\s+actif/);
  }, 120_000);

  it("takes over the lock left by a killed process", async () => {
    holder = await holdDirectory(dir);
    const deadPid = holder.pid;
    holder.kill("SIGKILL");
    await exited(holder);
    // A killed process cannot remove its lock.
    expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: deadPid });

    const revoked = await token(["revoke", "--name", "probe-lome"], { PGLITE_DIR: dir });
    expect(revoked.stderr).toBe("");
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain("Jeton « probe-lome » révoqué");
    expect(existsSync(lockFile())).toBe(false);

    const listed = await token(["list"], { PGLITE_DIR: dir });
    expect(listed.stdout).toMatch(/probe-lome\s+révoqué/);
  }, 120_000);
});

describe.skipIf(testDriver !== "postgres")("token CLI beside the server on PostgreSQL", () => {
  let handle: DatabaseHandle;
  let url: string;

  beforeAll(async () => {
    handle = await createTestDatabase();
    setDatabaseHandle(handle);
    const [row] = (await handle.db.execute(sql`select current_database() as name`)) as unknown as { name: string }[];
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${row!.name}`;
    url = u.toString();
  });
  afterAll(async () => {
    await handle?.close();
  });

  const ingest = (value: string) =>
    requireMonitoringToken(new Request("http://localhost/api/v1/sites/heartbeats", { method: "POST", headers: { Authorization: `Bearer ${value}` } }), {
      ip: "192.0.2.10",
    });

  it("a token created by the CLI is accepted at once, and refused at once after the CLI revokes it", async () => {
    const created = await token(["create", "--name", "probe-kara"], { DATABASE_URL: url });
    expect(created.code).toBe(0);
    const value = /gmt_\S+/.exec(created.stdout)?.[0];
    expect(value).toBeDefined();

    await expect(ingest(value!)).resolves.toMatchObject({ kind: "stored", name: "probe-kara" });

    const revoked = await token(["revoke", "--name", "probe-kara"], { DATABASE_URL: url });
    expect(revoked.code).toBe(0);

    const refusal = await ingest(value!).then(
      () => null,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(Response);
    expect((refusal as Response).status).toBe(401);
  }, 120_000);
});
