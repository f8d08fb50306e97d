import { cleanText } from "~/domain/input";

/**
 * Reading request bodies: the one place every form post and every JSON body of the portal goes
 * through (docs/architecture.md, "Request edge"). Nothing is read past its cap; a wrong
 * Content-Type or a broken body is a 4xx, never a 500. Forms answer with thrown Responses that the
 * root ErrorBoundary renders as a French (or English) page; the JSON API has its own error shape
 * (app/utils/api.server.ts).
 */

/** A form without files (sign-in, the form engine's text steps, the back office): at most 1 MB. */
export const FORM_MAX_BYTES = 1024 * 1024;

export type BodyFailure = "unsupported_media_type" | "payload_too_large" | "malformed";

/** Why a body could not be read; the caller turns it into its own kind of answer. */
export class BodyError extends Error {
  override name = "BodyError";
  constructor(
    readonly failure: BodyFailure,
    readonly maxBytes: number,
  ) {
    super(failure);
  }
}

export const BODY_STATUS: Record<BodyFailure, number> = { unsupported_media_type: 415, payload_too_large: 413, malformed: 400 };

const URLENCODED = /^application\/x-www-form-urlencoded\s*(;|$)/i;
const MULTIPART = /^multipart\/form-data\s*;/i;

/** The two Content-Types an HTML form sends. */
export function isFormContentType(type: string | null): boolean {
  return !!type && (URLENCODED.test(type) || MULTIPART.test(type));
}

/** The declared Content-Length, or null (chunked, absent, or not a number). */
export function declaredLength(request: Request): number | null {
  const value = request.headers.get("Content-Length");
  if (value === null || !/^\d+$/.test(value.trim())) return null;
  return Number(value);
}

/** The body's bytes, refusing (and cancelling the read) at maxBytes + 1. */
export async function readBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = declaredLength(request);
  if (declared !== null && declared > maxBytes) throw new BodyError("payload_too_large", maxBytes);
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new BodyError("payload_too_large", maxBytes);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof BodyError) throw error;
    // The client went away or sent a broken chunked encoding.
    throw new BodyError("malformed", maxBytes);
  }
  return Buffer.concat(chunks);
}

/**
 * A form post as FormData, its text values cleaned of control characters (app/domain/input.ts).
 * Throws a 415 Response for anything but an HTML form's Content-Type, 413 past maxBytes, 400 for
 * a broken multipart body. Forms with file inputs that store documents use parseUploadForm
 * (app/services/uploads.server.ts), which streams and caps each file instead.
 */
export async function readForm(request: Request, options: { maxBytes?: number } = {}): Promise<FormData> {
  try {
    return await readFormOrFail(request, options.maxBytes ?? FORM_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyError) throw new Response(null, { status: BODY_STATUS[error.failure] });
    throw error;
  }
}

async function readFormOrFail(request: Request, maxBytes: number): Promise<FormData> {
  const type = request.headers.get("Content-Type");
  const bytes = await readBytes(request, maxBytes);
  if (!isFormContentType(type)) {
    // A body-less POST (a button without fields sent by a script) is an empty form.
    if (bytes.byteLength === 0) return new FormData();
    throw new BodyError("unsupported_media_type", maxBytes);
  }
  const form = new FormData();
  if (URLENCODED.test(type!)) {
    for (const [name, value] of new URLSearchParams(bytes.toString("utf8"))) form.append(cleanText(name), cleanText(value));
    return form;
  }
  let parsed: FormData;
  try {
    parsed = await new Response(new Uint8Array(bytes), { headers: { "Content-Type": type! } }).formData();
  } catch {
    throw new BodyError("malformed", maxBytes);
  }
  for (const [name, value] of parsed) {
    if (typeof value === "string") form.append(cleanText(name), cleanText(value));
    else form.append(cleanText(name), value);
  }
  return form;
}
