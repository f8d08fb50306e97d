import { randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertStorageKey, type FileStorage } from "./types";

/** A file being written: never a key (keys have no dots), so never served. */
const TEMPORARY_PREFIX = ".tmp-";

/**
 * Files in a directory of the server (STORAGE_DIR). A file appears under its key only once it is
 * complete: it is written to a temporary name beside it, then renamed (atomic on one file system).
 */
export class LocalFileStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    const path = resolve(this.root, ...key.split("/"));
    // The key pattern already forbids "..": belt and braces.
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key outside the root: ${key}`);
    return path;
  }

  async put(key: string, body: Readable | Uint8Array, _options: { contentType: string }): Promise<void> {
    const path = this.pathOf(key);
    // The caller may abort the body (destroy it) before the pipeline below listens: without a
    // listener that error would crash the process. The pipeline still sees it and rejects.
    if (body instanceof Readable) body.on("error", () => {});
    await mkdir(dirname(path), { recursive: true });
    const temporary = join(dirname(path), `${TEMPORARY_PREFIX}${randomBytes(8).toString("hex")}`);
    try {
      const source = body instanceof Readable ? body : Readable.from([body]);
      await pipeline(source, createWriteStream(temporary, { flags: "wx", mode: 0o640 }));
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | null> {
    const path = this.pathOf(key);
    try {
      const handle = await open(path, "r");
      // Opened first so that a missing file is a null, not a stream erroring later; the stream closes the handle.
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** `.tmp-*` files anywhere under the root, last written before `before` (see `put`). */
  async removeStaleTemporaryFiles(before: Date): Promise<number> {
    let entries;
    try {
      entries = await readdir(this.root, { recursive: true, withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
      throw error;
    }
    let removed = 0;
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.startsWith(TEMPORARY_PREFIX)) continue;
      const path = join(entry.parentPath, entry.name);
      try {
        if ((await stat(path)).mtime >= before) continue;
        await rm(path, { force: true });
        removed += 1;
      } catch (error) {
        // Renamed or removed by its own write meanwhile: nothing left to clean.
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
    }
    return removed;
  }
}
