/**
 * A streaming multipart/form-data reader (RFC 7578), written for the portal instead of the parser
 * bundled with Remix (@web3-storage/multipart-parser 1.0), which refuses valid uploads: a file
 * name with ";" or "=" ("facture;2024.pdf") makes it throw, and so does a network chunk ending
 * between the two dashes of the closing delimiter. Parts are handed over one at a time, their
 * bytes as they arrive; nothing is buffered beyond one chunk and the delimiter's length.
 */

export interface MultipartPart {
  /** Field name. */
  name: string;
  /** File name as the browser sent it (undefined for a text field; "" for an empty file input). */
  filename?: string;
  contentType?: string;
  /** The part's bytes; read it to the end or not at all (the reader skips what is left). */
  data: AsyncIterable<Uint8Array>;
}

/** The body is not valid multipart/form-data: answer 400. */
export class MalformedMultipartError extends Error {
  override name = "MalformedMultipartError";
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_PREAMBLE_BYTES = 64 * 1024;
const CRLF = Buffer.from("\r\n");
const HEADERS_END = Buffer.from("\r\n\r\n");

/** The boundary parameter of a multipart/form-data Content-Type, or null. */
export function multipartBoundary(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

/** Browsers escape `"`, CR and LF in names as %22, %0D, %0A (HTML spec); nothing else. */
const unescapeName = (value: string) => value.replace(/%22/g, '"').replace(/%0D/gi, "\r").replace(/%0A/gi, "\n");

/** `form-data; name="a;b"; filename="c=d.pdf"; filename*=UTF-8''%C3%A9.pdf` → parameters, quotes respected. */
export function parseContentDisposition(value: string): { type: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  let i = value.indexOf(";");
  const type = (i === -1 ? value : value.slice(0, i)).trim().toLowerCase();
  while (i !== -1 && i < value.length) {
    i++; // past ";"
    const eq = value.indexOf("=", i);
    if (eq === -1) break;
    const key = value.slice(i, eq).trim().toLowerCase();
    let j = eq + 1;
    while (value[j] === " " || value[j] === "\t") j++;
    let param: string;
    if (value[j] === '"') {
      let out = "";
      j++;
      while (j < value.length && value[j] !== '"') {
        if (value[j] === "\\" && j + 1 < value.length) j++;
        out += value[j];
        j++;
      }
      param = out;
      i = value.indexOf(";", j + 1);
    } else {
      const end = value.indexOf(";", j);
      param = (end === -1 ? value.slice(j) : value.slice(j, end)).trim();
      i = end;
    }
    if (key) params[key] = param;
  }
  return { type, params };
}

function decodeExtended(value: string): string | undefined {
  const match = /^utf-8'[^']*'(.*)$/i.exec(value);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
}

function parseHeaders(block: Buffer): Omit<MultipartPart, "data"> {
  let disposition: ReturnType<typeof parseContentDisposition> | null = null;
  let contentType: string | undefined;
  for (const line of block.toString("utf8").split("\r\n")) {
    if (line === "") continue;
    const colon = line.indexOf(":");
    if (colon === -1) throw new MalformedMultipartError("part header without a colon");
    const header = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (header === "content-disposition") disposition = parseContentDisposition(value);
    else if (header === "content-type") contentType = value;
  }
  if (!disposition || disposition.type !== "form-data" || disposition.params.name === undefined) {
    throw new MalformedMultipartError("part without Content-Disposition: form-data; name");
  }
  const { params } = disposition;
  const extended = params["filename*"] !== undefined ? decodeExtended(params["filename*"]) : undefined;
  const filename = extended ?? (params.filename !== undefined ? unescapeName(params.filename) : undefined);
  return { name: unescapeName(params.name!), filename, contentType };
}

/**
 * Read a multipart body, calling `onPart` for each part in order (awaited before the next one).
 * Throws MalformedMultipartError on a body that is not valid multipart; errors thrown by `onPart`
 * stop the reading and propagate. The rest of the body (the epilogue, or everything after an
 * error) is left unread.
 */
export async function readMultipart(body: ReadableStream<Uint8Array>, boundary: string, onPart: (part: MultipartPart) => Promise<void>): Promise<void> {
  const reader = body.getReader();
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  // A CRLF in front lets the first delimiter (at the very start of the body) match like the others.
  let buf: Buffer = Buffer.from(CRLF);
  let ended = false;

  const fill = async (): Promise<boolean> => {
    if (ended) return false;
    const { value, done } = await reader.read();
    if (done) {
      ended = true;
      return false;
    }
    buf = buf.length === 0 ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : Buffer.concat([buf, value]);
    return true;
  };
  /** Wait until `needle` is in the buffer (within `max` bytes); its index. */
  const find = async (needle: Buffer, max: number, what: string): Promise<number> => {
    for (;;) {
      const index = buf.indexOf(needle);
      if (index !== -1) return index;
      if (buf.length > max) throw new MalformedMultipartError(`${what} too long`);
      if (!(await fill())) throw new MalformedMultipartError(`unexpected end of body in ${what}`);
    }
  };

  try {
    // Preamble (normally empty) up to the first delimiter.
    // (Each `find` may replace `buf`: read it only after the await.)
    const first = await find(delimiter, MAX_PREAMBLE_BYTES, "preamble");
    buf = buf.subarray(first + delimiter.length);
    for (;;) {
      while (buf.length < 2) if (!(await fill())) throw new MalformedMultipartError("unexpected end of body after a delimiter");
      if (buf[0] === 0x2d && buf[1] === 0x2d) return; // "--": the closing delimiter; the epilogue is ignored
      // Transport padding (spaces) may follow a delimiter, then CRLF.
      const lineEnd = await find(CRLF, 1024, "delimiter line");
      buf = buf.subarray(lineEnd + CRLF.length);

      let headers: Buffer;
      while (buf.length < 2) if (!(await fill())) throw new MalformedMultipartError("unexpected end of body in part headers");
      if (buf[0] === 0x0d && buf[1] === 0x0a) {
        headers = Buffer.alloc(0); // no headers at all
        buf = buf.subarray(2);
      } else {
        const end = await find(HEADERS_END, MAX_HEADER_BYTES, "part headers");
        headers = buf.subarray(0, end);
        buf = buf.subarray(end + HEADERS_END.length);
      }
      const meta = parseHeaders(headers);

      let finished = false;
      async function* data(): AsyncGenerator<Uint8Array> {
        for (;;) {
          const index = buf.indexOf(delimiter);
          if (index !== -1) {
            const last = buf.subarray(0, index);
            buf = buf.subarray(index + delimiter.length);
            finished = true;
            if (last.length > 0) yield last;
            return;
          }
          // Keep what could be the start of a delimiter split across chunks.
          const safe = buf.length - (delimiter.length - 1);
          if (safe > 0) {
            const chunk = buf.subarray(0, safe);
            buf = buf.subarray(safe);
            yield chunk;
          }
          if (!(await fill())) throw new MalformedMultipartError("unexpected end of body in a part");
        }
      }
      const iterator = data();
      // No return(): a handler leaving its loop early must not close the reader's own iterator.
      await onPart({ ...meta, data: { [Symbol.asyncIterator]: () => ({ next: () => iterator.next() }) } });
      while (!finished && !(await iterator.next()).done); // what the handler did not read is skipped
    }
  } finally {
    // Not cancel(): on Node that destroys the request's socket before the response is written
    // (the client sees a reset, not our 413 or page). The server discards what is left unread.
    reader.releaseLock();
  }
}
