import { describe, expect, it } from "vitest";
import { MalformedMultipartError, multipartBoundary, parseContentDisposition, readMultipart, type MultipartPart } from "./multipart.server";

const B = "----WebKitFormBoundaryAbC123";
const CT = `multipart/form-data; boundary=${B}`;

function stream(bytes: Uint8Array, chunkSize = bytes.length): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(offset, offset + chunkSize));
      offset += chunkSize;
    },
  });
}

/** A body as Chrome writes it: CRLF lines, names as raw UTF-8 with only " CR LF escaped. */
function body(parts: { headers: string[]; data: string | Buffer }[], boundary = B): Buffer {
  const out: Buffer[] = [];
  for (const part of parts) {
    out.push(Buffer.from(`--${boundary}\r\n${part.headers.join("\r\n")}\r\n\r\n`));
    out.push(typeof part.data === "string" ? Buffer.from(part.data) : part.data);
    out.push(Buffer.from("\r\n"));
  }
  out.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(out);
}

async function collect(input: ReadableStream<Uint8Array>, boundary = B, read: (p: MultipartPart) => boolean = () => true) {
  const parts: { name: string; filename?: string; contentType?: string; data: string }[] = [];
  await readMultipart(input, boundary, async (part) => {
    const chunks: Uint8Array[] = [];
    if (read(part)) for await (const c of part.data) chunks.push(c);
    parts.push({ name: part.name, filename: part.filename, contentType: part.contentType, data: Buffer.concat(chunks).toString("latin1") });
  });
  return parts;
}

describe("multipartBoundary", () => {
  it.each([
    [CT, B],
    ['multipart/form-data; boundary="a b:c"', "a b:c"],
    ["Multipart/Form-Data; charset=utf-8; boundary=xyz", "xyz"],
    ["application/x-www-form-urlencoded", null],
    ["multipart/form-data", null],
    [null, null],
  ])("%s → %s", (input, expected) => expect(multipartBoundary(input)).toBe(expected));
});

describe("parseContentDisposition", () => {
  it("respects quotes: ; and = inside a file name, escaped quotes, filename*", () => {
    expect(parseContentDisposition('form-data; name="pièce"; filename="facture;2024=copie.pdf"')).toEqual({
      type: "form-data",
      params: { name: "pièce", filename: "facture;2024=copie.pdf" },
    });
    expect(parseContentDisposition('form-data; name=champ; filename="a\\"b.pdf"').params).toEqual({ name: "champ", filename: 'a"b.pdf' });
    expect(parseContentDisposition("form-data; name=\"f\"; filename*=UTF-8''%C3%A9tat.pdf").params["filename*"]).toBe("UTF-8''%C3%A9tat.pdf");
  });
});

describe("readMultipart", () => {
  const sample = body([
    { headers: ['Content-Disposition: form-data; name="nom"'], data: "Kossi Amégan" },
    { headers: ['Content-Disposition: form-data; name="acte"; filename="acte d\'état;civil=2024 %22copie%22.pdf"', "Content-Type: application/pdf"], data: Buffer.from("%PDF-1.7\r\n--\r\n" + "x".repeat(500)) },
    { headers: ['Content-Disposition: form-data; name="vide"; filename=""', "Content-Type: application/octet-stream"], data: "" },
    { headers: ['Content-Disposition: form-data; name="tiret"'], data: `--${B.slice(0, -1)}` },
  ]);
  const expected = [
    { name: "nom", filename: undefined, contentType: undefined, data: Buffer.from("Kossi Amégan").toString("latin1") },
    { name: "acte", filename: 'acte d\'état;civil=2024 "copie".pdf', contentType: "application/pdf", data: "%PDF-1.7\r\n--\r\n" + "x".repeat(500) },
    { name: "vide", filename: "", contentType: "application/octet-stream", data: "" },
    { name: "tiret", filename: undefined, contentType: undefined, data: `--${B.slice(0, -1)}` },
  ];

  it("reads fields and files, names in UTF-8, whatever the chunk size (every size from 1 to 80, then big)", async () => {
    for (const size of [...Array.from({ length: 80 }, (_, i) => i + 1), 1000, sample.length]) {
      expect(await collect(stream(sample, size)), `chunks of ${size}`).toEqual(expected);
    }
  });

  it("every single split point of the body", async () => {
    for (let k = 1; k < sample.length; k++) {
      const parts = [sample.subarray(0, k), sample.subarray(k)];
      const input = new ReadableStream<Uint8Array>({
        pull(c) {
          const next = parts.shift();
          if (next) c.enqueue(next);
          else c.close();
        },
      });
      expect(await collect(input), `split at ${k}`).toEqual(expected);
    }
  });

  it("skips what a handler does not read, even after it stops in the middle of a part", async () => {
    const parts: string[] = [];
    await readMultipart(stream(sample, 7), B, async (part) => {
      if (part.name === "acte") {
        for await (const chunk of part.data) {
          expect(chunk.byteLength).toBeGreaterThan(0);
          break;
        }
      }
      parts.push(part.name);
    });
    expect(parts).toEqual(["nom", "acte", "vide", "tiret"]);
  });

  it("accepts a preamble, padding after a delimiter, filename* and a part without Content-Type", async () => {
    const input = Buffer.from(
      [`preamble to ignore`, `--${B}  `, "Content-Disposition: form-data; name=\"f\"; filename=\"x.pdf\"; filename*=UTF-8''%C3%A9tat%20civil.pdf", "", "abc", `--${B}--`, "epilogue"].join("\r\n"),
    );
    expect(await collect(stream(input, 5))).toEqual([{ name: "f", filename: "état civil.pdf", contentType: undefined, data: "abc" }]);
  });

  it.each([
    ["no closing delimiter", Buffer.from(`--${B}\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc`)],
    ["no boundary at all", Buffer.from("name=value")],
    ["a part without a name", body([{ headers: ["Content-Disposition: form-data"], data: "x" }])],
    ["a part without Content-Disposition", body([{ headers: ["Content-Type: text/plain"], data: "x" }])],
    ["endless headers", Buffer.from(`--${B}\r\nX-Long: ${"a".repeat(20_000)}`)],
  ])("refuses %s", async (_label, input) => {
    await expect(collect(stream(input, 100))).rejects.toBeInstanceOf(MalformedMultipartError);
  });

  it("an error of the handler stops the reading and propagates", async () => {
    await expect(
      readMultipart(stream(sample, 10), B, async (part) => {
        if (part.name === "acte") throw new Error("stop");
        for await (const _ of part.data);
      }),
    ).rejects.toThrow("stop");
  });
});
