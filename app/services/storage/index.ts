import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { LocalFileStorage } from "./local";
import { S3FileStorage } from "./s3";
import type { FileStorage } from "./types";

export type { FileStorage } from "./types";
export { LocalFileStorage } from "./local";
export { S3FileStorage, type S3Options } from "./s3";

/** Default directory of uploads, relative to the working directory (the project root for npm scripts). */
export const DEFAULT_STORAGE_DIR = ".data/uploads";

/**
 * S3 when S3_BUCKET is set (S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY);
 * otherwise the local directory STORAGE_DIR (default ./.data/uploads, outside public/).
 */
export function storageFromEnv(env: Record<string, string | undefined> = process.env): FileStorage {
  if (env.S3_BUCKET) {
    const region = env.S3_REGION || "us-east-1";
    const missing = ["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"].filter((name) => !env[name]);
    if (missing.length > 0) throw new Error(`S3_BUCKET is set but ${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} missing`);
    return new S3FileStorage({
      endpoint: env.S3_ENDPOINT || `https://s3.${region}.amazonaws.com`,
      bucket: env.S3_BUCKET,
      region,
      accessKeyId: env.S3_ACCESS_KEY_ID!,
      secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    });
  }
  return new LocalFileStorage(resolve(env.STORAGE_DIR || DEFAULT_STORAGE_DIR));
}

// One storage per process, like the database handle (kept on globalThis across dev reloads).
const globalForStorage = globalThis as unknown as { __guichetStorage?: FileStorage };

export function getFileStorage(): FileStorage {
  globalForStorage.__guichetStorage ??= storageFromEnv();
  return globalForStorage.__guichetStorage;
}

/** Replace the process storage (tests use a temporary directory). */
export function setFileStorage(storage: FileStorage): void {
  globalForStorage.__guichetStorage = storage;
}

/** A new random key, "ab/ab12…" (128 bits; the prefix spreads files over 256 directories). */
export function newStorageKey(): string {
  const id = randomBytes(16).toString("hex");
  return `${id.slice(0, 2)}/${id}`;
}
