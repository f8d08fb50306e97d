import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE, processStartTime } from "./pglite-lock";

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "guichet-lock-"));
  dir = join(root, "nested", "pglite");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const lockPath = () => join(dir, LOCK_FILE);
function writeLock(holder: Record<string, unknown>) {
  acquireDataDirLock(dir).release(); // creates the directory
  writeFileSync(lockPath(), JSON.stringify({ owner: "portal", host: "here", acquiredAt: new Date().toISOString(), ...holder }));
}
function thrown(fn: () => unknown): DataDirLockedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataDirLockedError) return error;
    throw error;
  }
  throw new Error("no DataDirLockedError");
}

describe("PGlite data directory lock", () => {
  it("creates the directory and its parents, holds the pid, and removes the file on release", () => {
    const lock = acquireDataDirLock(dir, "token");
    expect(JSON.parse(readFileSync(lockPath(), "utf8"))).toMatchObject({ pid: process.pid, owner: "token" });
    lock.release();
    expect(existsSync(lockPath())).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it("refuses a second open of the same directory in this process", () => {
    const lock = acquireDataDirLock(dir);
    const error = thrown(() => acquireDataDirLock(dir));
    expect(error.sameProcess).toBe(true);
    expect(error.message).toContain(dir);
    lock.release();
  });

  it("refuses while a live process holds it, naming that process", () => {
    const pid = process.ppid; // alive: it started us
    writeLock({ pid, owner: "portal", startTime: processStartTime(pid) });
    const error = thrown(() => acquireDataDirLock(dir));
    expect(error.holder).toMatchObject({ pid, owner: "portal" });
    expect(error.message).toContain(`${dir} is already open by process ${pid} (portal)`);
    expect(JSON.parse(readFileSync(lockPath(), "utf8")).pid).toBe(pid); // left in place
  });

  it("takes over the lock of a process that has ended", () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeLock({ pid: dead, startTime: null });
    const lock = acquireDataDirLock(dir, "token");
    expect(JSON.parse(readFileSync(lockPath(), "utf8"))).toMatchObject({ pid: process.pid, owner: "token" });
    lock.release();
  });

  it.skipIf(processStartTime(process.pid) === null)("takes over a lock whose pid now belongs to another process (start time differs)", () => {
    writeLock({ pid: process.ppid, startTime: "1" });
    acquireDataDirLock(dir).release();
  });

  it("waits for a lock being written; takes over one left half-written long ago", () => {
    acquireDataDirLock(dir).release();
    writeFileSync(lockPath(), "");
    expect(thrown(() => acquireDataDirLock(dir)).holder).toBeNull();
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockPath(), old, old);
    acquireDataDirLock(dir).release();
  });

  it("does not remove a lock that another process has taken since", () => {
    const lock = acquireDataDirLock(dir);
    writeFileSync(lockPath(), JSON.stringify({ pid: process.ppid, owner: "other" }));
    lock.release();
    expect(JSON.parse(readFileSync(lockPath(), "utf8")).owner).toBe("other");
  });
});
