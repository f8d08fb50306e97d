import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage, S3FileStorage, newStorageKey, storageFromEnv } from "./index";
import { sha256Hex, signRequest } from "./sigv4";

describe("LocalFileStorage", () => {
  let dir: string;
  let storage: LocalFileStorage;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "guichet-storage-"));
    storage = new LocalFileStorage(dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("puts (buffer or stream), gets and deletes a file; a missing file is null; deleting twice is fine", async () => {
    const key = newStorageKey();
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{32}$/);
    await storage.put(key, Buffer.from("%PDF-1.7 bonjour"), { contentType: "application/pdf" });
    expect(await text((await storage.get(key))!)).toBe("%PDF-1.7 bonjour");

    const streamed = newStorageKey();
    await storage.put(streamed, Readable.from([Buffer.from("a"), Buffer.from("b")]), { contentType: "image/png" });
    expect(await text((await storage.get(streamed))!)).toBe("ab");

    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key);
    expect(await storage.get(newStorageKey())).toBeNull();
  });

  it("an aborted body leaves no file and no temporary file", async () => {
    const key = newStorageKey();
    const body = new PassThrough();
    const pending = storage.put(key, body, { contentType: "application/pdf" });
    body.write(Buffer.alloc(1024));
    body.destroy(new Error("too large"));
    await expect(pending).rejects.toThrow();
    expect(await storage.get(key)).toBeNull();
    expect(await readdir(join(dir, key.slice(0, 2)))).toEqual([]);
  });

  it("refuses keys that are not its own (paths, dots, upper case)", async () => {
    for (const key of ["../etc/passwd", "a/../../b", "/abs", "a//b", "A", "a.pdf", ""]) {
      await expect(storage.put(key, Buffer.from("x"), { contentType: "application/pdf" })).rejects.toThrow(/invalid storage key/);
      await expect(storage.get(key)).rejects.toThrow(/invalid storage key/);
    }
  });
});

describe("storageFromEnv", () => {
  it("local directory by default, S3 when S3_BUCKET is set, refused without keys", () => {
    expect(storageFromEnv({})).toBeInstanceOf(LocalFileStorage);
    expect((storageFromEnv({ STORAGE_DIR: "/srv/guichet/pieces" }) as LocalFileStorage).root).toBe("/srv/guichet/pieces");
    expect(storageFromEnv({ S3_BUCKET: "pieces", S3_ACCESS_KEY_ID: "k", S3_SECRET_ACCESS_KEY: "s" })).toBeInstanceOf(S3FileStorage);
    expect(() => storageFromEnv({ S3_BUCKET: "pieces", S3_ACCESS_KEY_ID: "k" })).toThrow(/S3_SECRET_ACCESS_KEY is missing/);
  });
});

describe("S3FileStorage against a fake S3 that checks signatures", () => {
  const credentials = { accessKeyId: "GUICHETTEST", secretAccessKey: "secret/test+key", region: "tg-lome-1" };
  const objects = new Map<string, { body: Buffer; contentType: string }>();
  const seen: { method: string; url: string }[] = [];
  let server: Server;
  let endpoint: string;

  /** Recompute the signature the way S3 does, from what arrived. */
  function verify(req: IncomingMessage, body: Buffer): boolean {
    const auth = req.headers.authorization ?? "";
    const signedNames = /SignedHeaders=([^,]+)/.exec(auth)?.[1]?.split(";") ?? [];
    const headers: Record<string, string> = {};
    for (const name of signedNames) if (!["host", "x-amz-date", "x-amz-content-sha256"].includes(name)) headers[name] = String(req.headers[name]);
    const payloadHash = String(req.headers["x-amz-content-sha256"]);
    if (body.length > 0 && payloadHash !== sha256Hex(body)) return false;
    const date = String(req.headers["x-amz-date"]).replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, "$1-$2-$3T$4:$5:$6Z");
    const expected = signRequest({ method: req.method!, host: req.headers.host!, path: req.url!, headers, payloadHash, date: new Date(date) }, credentials);
    return expected.headers.authorization === auth;
  }

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        seen.push({ method: req.method!, url: req.url! });
        if (!verify(req, body)) {
          res.writeHead(403).end("<Error><Code>SignatureDoesNotMatch</Code></Error>");
          return;
        }
        const path = req.url!;
        if (req.method === "PUT") {
          objects.set(path, { body, contentType: String(req.headers["content-type"]) });
          res.writeHead(200).end();
        } else if (req.method === "GET") {
          const found = objects.get(path);
          if (!found) res.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
          else res.writeHead(200, { "Content-Type": found.contentType }).end(found.body);
        } else if (req.method === "DELETE") {
          objects.delete(path);
          res.writeHead(204).end();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("puts, gets and deletes path-style with valid signatures; 404 is null", async () => {
    const storage = new S3FileStorage({ endpoint, bucket: "pieces", ...credentials });
    const key = newStorageKey();
    await storage.put(key, Readable.from([Buffer.from("\x89PNG\r\n\x1a\n...")]), { contentType: "image/png" });
    expect(objects.get(`/pieces/${key}`)?.contentType).toBe("image/png");
    expect(await text((await storage.get(key))!)).toBe("\x89PNG\r\n\x1a\n...");
    await storage.delete(key);
    expect(await storage.get(key)).toBeNull();
    expect(seen.map((r) => r.method)).toEqual(["PUT", "GET", "DELETE", "GET"]);
    expect(seen.every((r) => r.url === `/pieces/${key}`)).toBe(true);
  });

  it("a wrong secret is an error naming the S3 code, not a silent success", async () => {
    const storage = new S3FileStorage({ endpoint, bucket: "pieces", ...credentials, secretAccessKey: "wrong" });
    await expect(storage.put(newStorageKey(), Buffer.from("x"), { contentType: "application/pdf" })).rejects.toThrow(/HTTP 403 SignatureDoesNotMatch/);
  });
});
