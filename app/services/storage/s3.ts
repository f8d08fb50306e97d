import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { encodeS3Path, sha256Hex, signRequest, EMPTY_PAYLOAD_SHA256, type SigningCredentials } from "./sigv4";
import { assertStorageKey, type FileStorage } from "./types";

export interface S3Options {
  /** e.g. https://s3.eu-west-3.amazonaws.com or http://127.0.0.1:9000 (MinIO). */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Abort a request after this long (default 30 s). */
  timeoutMs?: number;
}

/**
 * An S3-compatible bucket, addressed path-style (`endpoint/bucket/key`: works with AWS and with
 * MinIO, Ceph or Garage without DNS per bucket). A body is read into memory before it is sent,
 * so that it can be signed with its SHA-256 and sent with a Content-Length: uploads are capped per
 * field (10 MB by default) before they reach here.
 */
export class S3FileStorage implements FileStorage {
  private readonly endpoint: URL;
  private readonly credentials: SigningCredentials;

  constructor(private readonly options: S3Options) {
    this.endpoint = new URL(options.endpoint);
    this.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey, region: options.region, service: "s3" };
  }

  private async send(method: "PUT" | "GET" | "DELETE", key: string, body?: Buffer, contentType?: string): Promise<Response> {
    assertStorageKey(key);
    const basePath = this.endpoint.pathname.replace(/\/+$/, "").split("/").filter(Boolean).map(decodeURIComponent);
    const path = encodeS3Path([...basePath, this.options.bucket, ...key.split("/")]);
    const signed = signRequest(
      {
        method,
        host: this.endpoint.host,
        path,
        headers: contentType ? { "content-type": contentType } : {},
        payloadHash: body ? sha256Hex(body) : EMPTY_PAYLOAD_SHA256,
        date: new Date(),
      },
      this.credentials,
    );
    // fetch sets Host itself (the same value); it refuses it as a header.
    const { host: _host, ...headers } = signed.headers;
    return fetch(new URL(path, this.endpoint.origin), {
      method,
      headers,
      // A Buffer is a Uint8Array; the DOM typings want one backed by a plain ArrayBuffer.
      body: body as unknown as BodyInit | undefined,
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000),
    });
  }

  async put(key: string, body: Readable | Uint8Array, options: { contentType: string }): Promise<void> {
    const buffer = body instanceof Readable ? await collect(body) : Buffer.from(body);
    const response = await this.send("PUT", key, buffer, options.contentType);
    await failUnlessOk(response, "PUT", key);
  }

  async get(key: string): Promise<Readable | null> {
    const response = await this.send("GET", key);
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    await failUnlessOk(response, "GET", key, false);
    if (!response.body) return Readable.from([]);
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async delete(key: string): Promise<void> {
    const response = await this.send("DELETE", key);
    if (response.status === 404) return;
    await failUnlessOk(response, "DELETE", key);
  }
}

async function collect(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function failUnlessOk(response: Response, method: string, key: string, consume = true): Promise<void> {
  if (response.ok) {
    if (consume) await response.body?.cancel();
    return;
  }
  // S3 answers errors as a small XML document: keep its code for the logs, never the credentials.
  const text = (await response.text().catch(() => "")).slice(0, 500);
  const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? "";
  throw new Error(`S3 ${method} ${key}: HTTP ${response.status} ${code}`.trim());
}
