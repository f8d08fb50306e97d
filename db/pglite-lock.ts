/**
 * One process per PGlite data directory. PGlite is Postgres in one process with no postmaster
 * lock of its own: two processes on one directory (the portal and `npm run token:create`, or the
 * portal started twice) each keep their own view of the files, so one's writes are lost or
 * invisible to the other — a token refused until restart, a revocation that never took effect.
 *
 * The process that opens a directory first creates `<dir>/guichet.lock` with O_EXCL, holding its
 * pid; it removes the file when it closes the database or exits. A second process finds the file
 * and fails at once (DataDirLockedError). A lock whose process is gone (killed, crashed, the
 * machine restarted, or its pid now belongs to another process) is taken over.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, join } from "node:path";

export const LOCK_FILE = "guichet.lock";
/** A lock file still empty or half-written after this long belongs to a process that died while writing it. */
const UNREADABLE_LOCK_GRACE_MS = 5_000;

export interface LockHolder {
  pid: number;
  /** Who holds it: "portal", "token", "migrate"…, or the script's name. */
  owner: string;
  host: string;
  acquiredAt: string;
  /** Linux: the process's start time (clock ticks since boot, /proc/<pid>/stat) — tells a reused pid apart. */
  startTime: string | null;
}

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dataDir: string,
    readonly lockPath: string,
    /** Null when the lock file is being written at this very moment. */
    readonly holder: LockHolder | null,
    readonly sameProcess: boolean,
  ) {
    super(
      sameProcess
        ? `the embedded database ${dataDir} is already open in this process (open it once and share the handle)`
        : `the embedded database ${dataDir} is already open by ${holder ? `process ${holder.pid} (${holder.owner})` : "another process"}: ` +
            `stop that process first — a PGlite data directory serves one process at a time (lock: ${lockPath})`,
    );
  }
}

export interface DataDirLock {
  readonly path: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** Lock files this process holds, removed on exit (kept on globalThis: dev reloads re-import modules). */
const registry = globalThis as unknown as { __guichetPgliteLocks?: Map<string, string> };

function heldLocks(): Map<string, string> {
  if (!registry.__guichetPgliteLocks) {
    const held = new Map<string, string>();
    registry.__guichetPgliteLocks = held;
    process.on("exit", () => {
      for (const [path, content] of held) removeIfOurs(path, content);
      held.clear();
    });
  }
  return registry.__guichetPgliteLocks;
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces and parentheses). */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** Is the process that wrote this lock still running? */
export function isHolderAlive(holder: LockHolder): boolean {
  if (!Number.isInteger(holder.pid) || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: it exists, it belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (holder.pid === process.pid) return false; // not in heldLocks (checked by the caller): a previous life with our pid
  if (holder.startTime) {
    const now = processStartTime(holder.pid);
    if (now !== null && now !== holder.startTime) return false; // the pid was reused by another process
  }
  return true;
}

function readHolder(path: string): { raw: string; holder: LockHolder | null } | null {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(raw) as Partial<LockHolder>;
    if (typeof parsed.pid !== "number") return { raw, holder: null };
    return {
      raw,
      holder: {
        pid: parsed.pid,
        owner: String(parsed.owner ?? "unknown"),
        host: String(parsed.host ?? ""),
        acquiredAt: String(parsed.acquiredAt ?? ""),
        startTime: typeof parsed.startTime === "string" ? parsed.startTime : null,
      },
    };
  } catch {
    return { raw, holder: null };
  }
}

function removeIfOurs(path: string, content: string): void {
  try {
    if (readFileSync(path, "utf8") === content) unlinkSync(path);
  } catch {
    // Already gone.
  }
}

/** Creates the file only if it does not exist; false if it does. */
function createExclusive(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

/**
 * Takes the lock of a data directory (created if missing, with its parents), or throws
 * DataDirLockedError naming the process that holds it.
 */
export function acquireDataDirLock(dataDir: string, owner: string = defaultOwner()): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const held = heldLocks();
  if (held.has(path)) throw new DataDirLockedError(dataDir, path, readHolder(path)?.holder ?? null, true);

  const me: LockHolder = { pid: process.pid, owner, host: hostname(), acquiredAt: new Date().toISOString(), startTime: processStartTime(process.pid) };
  const content = `${JSON.stringify(me)}\n`;

  // Two rounds: a stale lock removed in the first lets the second create ours.
  for (let round = 0; round < 2; round++) {
    if (createExclusive(path, content)) {
      held.set(path, content);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          removeIfOurs(path, content);
          held.delete(path);
        },
      };
    }
    const found = readHolder(path);
    if (!found) continue; // released between our attempt and the read
    const stale = found.holder ? !isHolderAlive(found.holder) : ageMs(path) > UNREADABLE_LOCK_GRACE_MS;
    if (!stale) throw new DataDirLockedError(dataDir, path, found.holder, false);
    takeOverStale(path, found.raw, dataDir);
  }
  throw new DataDirLockedError(dataDir, path, readHolder(path)?.holder ?? null, false);
}

/**
 * Removes a stale lock, under a short-lived second lock so that two processes taking over the
 * same stale lock cannot remove each other's fresh one.
 */
function takeOverStale(path: string, staleRaw: string, dataDir: string): void {
  const guard = `${path}.takeover`;
  const guardContent = `${JSON.stringify({ pid: process.pid, owner: "takeover", host: hostname(), acquiredAt: new Date().toISOString(), startTime: processStartTime(process.pid) })}\n`;
  if (!createExclusive(guard, guardContent)) {
    const other = readHolder(guard);
    const otherStale = other?.holder ? !isHolderAlive(other.holder) : ageMs(guard) > UNREADABLE_LOCK_GRACE_MS;
    // Another process is taking over right now: it wins.
    if (!otherStale) throw new DataDirLockedError(dataDir, path, readHolder(path)?.holder ?? null, false);
    if (other) removeIfOurs(guard, other.raw);
    if (!createExclusive(guard, guardContent)) throw new DataDirLockedError(dataDir, path, readHolder(path)?.holder ?? null, false);
  }
  try {
    removeIfOurs(path, staleRaw);
  } finally {
    removeIfOurs(guard, guardContent);
  }
}

function defaultOwner(): string {
  const script = process.argv[1];
  return script ? basename(script) : "node";
}
