import { writeReadableStreamToWritable } from "@remix-run/node";
import type { Request, Response } from "express";

/**
 * Express ⇄ Fetch for the Remix handler, as @remix-run/express does it (its helpers are not in its
 * types), so that server/app.ts can look at the Fetch Response before it is sent.
 */

export function toFetchRequest(req: Request, res: Response): globalThis.Request {
  // req.hostname respects "trust proxy"; the port comes from X-Forwarded-Host (which the request
  // edge removes unless a trusted proxy sent it) or Host.
  const portOf = (value: string | undefined) => Number.parseInt(value?.split(":")[1] ?? "", 10);
  const forwardedPort = portOf(req.get("X-Forwarded-Host"));
  const hostPort = portOf(req.get("host"));
  const port = Number.isSafeInteger(forwardedPort) ? forwardedPort : Number.isSafeInteger(hostPort) ? hostPort : null;
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);

  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (values === undefined) continue;
    for (const value of Array.isArray(values) ? values : [values]) headers.append(key, value);
  }

  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    init.body = requestBody(req);
    init.duplex = "half";
  }
  // Abort loaders and actions when the client leaves before the answer is written.
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new globalThis.Request(url.href, init);
}

/**
 * The request's body as a web stream. Unlike @remix-run/node's, cancelling it (readForm past its
 * limit, a refused upload) pauses the request instead of destroying its socket: the refusal (a
 * 413) is still sent, then server/app.ts reads and drops what the client is still sending, so the
 * client reads the answer instead of a reset connection.
 */
function requestBody(req: Request): ReadableStream<Uint8Array> {
  let done = false;
  const detach = () => {
    done = true;
    req.removeListener("data", onData);
    req.removeListener("end", onEnd);
    req.removeListener("error", onError);
    req.pause();
  };
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const onData = (chunk: Buffer) => {
    if (done) return;
    controller.enqueue(new Uint8Array(chunk));
    if ((controller.desiredSize ?? 0) <= 0) req.pause();
  };
  const onEnd = () => {
    if (done) return;
    detach();
    controller.close();
  };
  const onError = (error: Error) => {
    if (done) return;
    detach();
    controller.error(error);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(c) {
        controller = c;
        req.on("data", onData);
        req.on("end", onEnd);
        req.on("error", onError);
        req.pause();
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        detach();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk?.byteLength ?? 0 },
  );
}

export async function sendFetchResponse(res: Response, response: globalThis.Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
