import type { Readable } from "node:stream";

/**
 * Where uploaded files live: outside public/, addressed by random keys the portal makes (never
 * by anything a user typed). The database row (attachment) says who may read a file.
 */
export interface FileStorage {
  /** Store a file under `key`; a failed or aborted body leaves nothing behind. */
  put(key: string, body: Readable | Uint8Array, options: { contentType: string }): Promise<void>;
  /** The stored bytes, or null when there is no such file. */
  get(key: string): Promise<Readable | null>;
  /** Remove a file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
  /**
   * Remove what writes that never finished left behind (the process killed between writing and
   * renaming), last touched before `before`; how many. Absent where a write leaves nothing (S3).
   */
  removeStaleTemporaryFiles?(before: Date): Promise<number>;
}

/** Keys: lowercase letters, digits, "-" and "_", in "/"-separated segments; no dots, so no "..". */
const KEY_PATTERN = /^[a-z0-9_-]+(?:\/[a-z0-9_-]+)*$/;

export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.length > 200) throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
}
