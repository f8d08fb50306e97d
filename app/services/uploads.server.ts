import { createHash } from "node:crypto";
import { PassThrough } from "node:stream";
import { and, asc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { attachments, cases } from "../../db/schema";
import { acceptedTypesLabel, displayFilename, formatFileSize, sanitizeFilename, sniffFileType, SNIFF_BYTES, type AcceptedFileType } from "~/domain/files";
import { cleanText } from "~/domain/input";
import type { FormField } from "~/domain/forms/definition";
import type { Executor } from "~/utils/db.server";
import { readForm } from "~/utils/body.server";
import { MalformedMultipartError, multipartBoundary, readMultipart, type MultipartPart } from "./multipart.server";
import { getFileStorage, newStorageKey, type FileStorage } from "./storage";

export interface UploadRejection {
  field: string;
  /** The name as the user sent it, cleaned (for "« {{filename}} » …" messages). */
  filename: string;
  code: "too_large" | "wrong_type" | "empty";
}

/** A file accepted and already in storage, not yet attached to anything. */
export interface StoredFile {
  field: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
}

export interface AttachmentSummary {
  id: string;
  fieldName: string | null;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  createdAt: Date;
}

export type UploadLimits = { [field: string]: { maxBytes: number; accept: readonly string[] } };

/** Size limit of a file field whose definition gives none. */
export const DEFAULT_MAX_FILE_MB = 10;

/** The limits of the file fields among `fields` (a form section), from their definition. */
export function uploadLimitsFor(fields: readonly FormField[]): UploadLimits {
  const limits: UploadLimits = {};
  for (const field of fields) {
    if (field.type === "file") limits[field.name] = { maxBytes: (field.maxSizeMb || DEFAULT_MAX_FILE_MB) * 1024 * 1024, accept: field.accept };
  }
  return limits;
}

/**
 * The translation key and values of a rejection's message: `t(key, values)` gives e.g.
 * « Le fichier « scan.pdf » est trop lourd. Choisissez un fichier de 10 Mo au plus. »
 */
export function rejectionMessage(
  rejection: UploadRejection,
  limits: UploadLimits,
  locale: "fr" | "en",
): { key: `uploads:rejection.${UploadRejection["code"]}`; values: { filename: string; max: string; types: string } } {
  const limit = limits[rejection.field];
  return {
    key: `uploads:rejection.${rejection.code}`,
    values: {
      filename: rejection.filename || (locale === "fr" ? "sans nom" : "unnamed"),
      max: formatFileSize(limit?.maxBytes ?? DEFAULT_MAX_FILE_MB * 1024 * 1024, locale),
      types: acceptedTypesLabel(limit?.accept ?? [], locale),
    },
  };
}

/** Whole request, all parts together: above it the request is refused (413). */
export const DEFAULT_MAX_TOTAL_BYTES = 60 * 1024 * 1024;
/** One text field: far above any answer of a form. */
const MAX_TEXT_FIELD_BYTES = 256 * 1024;

/**
 * Thrown (as a 413 Response) when the whole request is larger than maxTotalBytes: the rest of the
 * body is not read, so nothing of the form can be kept. Routes may catch it (isRequestTooLarge)
 * and answer with the message `uploads:request_too_large`.
 */
function requestTooLarge(maxTotalBytes: number): Response {
  return new Response("Request too large", { status: 413, statusText: "Payload Too Large", headers: { "X-Max-Bytes": String(maxTotalBytes) } });
}

export function isRequestTooLarge(thrown: unknown): thrown is Response {
  return thrown instanceof Response && thrown.status === 413;
}

type Values = Record<string, string | string[]>;

function addValue(values: Values, name: string, value: string): void {
  const existing = values[name];
  if (existing === undefined) values[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else values[name] = [existing, value];
}

/** Write a chunk, waiting while the storage is behind; rejects if the storage gave up. */
function writeChunk(stream: PassThrough, chunk: Uint8Array): Promise<void> {
  if (stream.destroyed) return Promise.reject(new Error("storage stream closed"));
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onDrain = () => {
      stream.off("close", onClose);
      resolve();
    };
    const onClose = () => {
      stream.off("drain", onDrain);
      reject(new Error("storage stream closed"));
    };
    stream.once("drain", onDrain);
    stream.once("close", onClose);
  });
}

type State = "sniffing" | "storing" | "wrong_type" | "too_large";

interface FileOutcome {
  stored?: StoredFile;
  rejection?: UploadRejection;
}

/**
 * One file part: sniffed from its first bytes, size-capped, hashed and streamed to storage as it
 * arrives. Always reads the part to its end (the parser needs it); `count` sees every byte.
 */
async function receiveFile(
  part: MultipartPart,
  limit: { maxBytes: number; accept: readonly string[] },
  storage: FileStorage,
  count: (bytes: number) => void,
): Promise<FileOutcome> {
  const field = part.name;
  const originalName = part.filename ?? "";
  const reject = (code: UploadRejection["code"]): FileOutcome => ({ rejection: { field, filename: displayFilename(originalName), code } });

  let size = 0;
  let head = new Uint8Array(0);
  let state: State = "sniffing";
  let type: AcceptedFileType | null = null;
  const hash = createHash("sha256");
  const key = newStorageKey();
  let body: PassThrough | null = null;
  let stored: Promise<Error | null> | null = null;

  /** Decide from the first bytes; an accepted type starts the upload to storage. */
  const startStoring = async (first: Uint8Array): Promise<State> => {
    type = sniffFileType(first);
    if (!type || !limit.accept.includes(type)) return "wrong_type";
    body = new PassThrough();
    body.on("error", () => {}); // aborted on purpose below; the storage reports its own failures
    stored = storage.put(key, body, { contentType: type }).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    hash.update(first);
    await writeChunk(body, first);
    return "storing";
  };

  const abortStoring = async () => {
    body?.destroy(new Error("upload aborted"));
    await stored;
    // A put that finished anyway (it cannot, the body never ended) must not leave a file.
    await storage.delete(key).catch(() => {});
  };

  try {
    for await (const chunk of part.data) {
      count(chunk.byteLength);
      size += chunk.byteLength;
      if (state === "sniffing") {
        const joined = new Uint8Array(head.byteLength + chunk.byteLength);
        joined.set(head);
        joined.set(chunk, head.byteLength);
        head = joined;
        if (head.byteLength >= SNIFF_BYTES) state = await startStoring(head);
      } else if (state === "storing") {
        hash.update(chunk);
        await writeChunk(body!, chunk);
      }
      if (state === "storing" && size > limit.maxBytes) {
        state = "too_large";
        await abortStoring();
      }
      // wrong_type / too_large: keep reading (and counting) to the end of the part, storing nothing.
    }
  } catch (error) {
    if (state === "storing") await abortStoring();
    throw error;
  }

  if (state === "sniffing") {
    if (size === 0) return originalName === "" ? {} : reject("empty"); // no file chosen: nothing to say
    state = await startStoring(head);
    if (state === "storing" && size > limit.maxBytes) {
      state = "too_large";
      await abortStoring();
    }
  }
  if (state === "wrong_type") return reject("wrong_type");
  if (state === "too_large") return reject("too_large");

  body!.end();
  const failure = await stored!;
  if (failure) throw failure;
  return {
    stored: { field, filename: sanitizeFilename(originalName, type!), mimeType: type!, sizeBytes: size, sha256: hash.digest("hex"), storageKey: key },
  };
}

/**
 * Parse a multipart request: text fields → values; each file part is streamed, size-capped per
 * field (limits from the caller), sniffed by content (PDF, JPEG, PNG), stored through the storage
 * adapter, and returned as pending files — never throws on a bad file; a bad file is a rejection
 * and the rest of the form is kept. A file input left empty is ignored. File parts of fields
 * without limits are read and dropped. A request over maxTotalBytes (default 60 MB) throws a 413
 * Response (see isRequestTooLarge); any failure after files were stored removes them.
 * Not multipart (a form without file inputs): readForm (app/utils/body.server.ts), 1 MB at most.
 */
export async function parseUploadForm(
  request: Request,
  limits: UploadLimits,
  options: { maxTotalBytes?: number } = {},
): Promise<{ values: Record<string, string | string[]>; files: StoredFile[]; rejections: UploadRejection[] }> {
  const maxTotalBytes = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  const values: Values = {};
  const files: StoredFile[] = [];
  const rejections: UploadRejection[] = [];

  const declared = Number(request.headers.get("Content-Length") ?? "");
  if (Number.isFinite(declared) && declared > maxTotalBytes) throw requestTooLarge(maxTotalBytes);

  const boundary = multipartBoundary(request.headers.get("Content-Type"));
  if (!boundary || !request.body) {
    const form = await readForm(request);
    for (const [name, value] of form) if (typeof value === "string") addValue(values, name, value);
    return { values, files, rejections };
  }

  const storage = getFileStorage();
  let total = 0;
  const count = (bytes: number) => {
    total += bytes;
    if (total > maxTotalBytes) throw requestTooLarge(maxTotalBytes);
  };

  try {
    await readMultipart(request.body, boundary, async (part) => {
      const limit = Object.hasOwn(limits, part.name) ? limits[part.name] : undefined;
      // Browsers send a file input left empty as filename=""; some clients drop the filename.
      if (part.filename === undefined && !limit) {
        const chunks: Uint8Array[] = [];
        let size = 0;
        for await (const chunk of part.data) {
          count(chunk.byteLength);
          size += chunk.byteLength;
          if (size > MAX_TEXT_FIELD_BYTES) throw requestTooLarge(maxTotalBytes);
          chunks.push(chunk);
        }
        addValue(values, cleanText(part.name), cleanText(Buffer.concat(chunks).toString("utf8")));
        return;
      }
      if (!limit) {
        for await (const chunk of part.data) count(chunk.byteLength);
        return;
      }
      const outcome = await receiveFile(part, limit, storage, count);
      if (outcome.stored) files.push(outcome.stored);
      if (outcome.rejection) rejections.push(outcome.rejection);
    });
  } catch (error) {
    await discardStoredFiles(files);
    if (error instanceof MalformedMultipartError) throw new Response("Bad Request", { status: 400 });
    throw error;
  }
  return { values, files, rejections };
}

/** Remove files stored by parseUploadForm that will not be attached (the caller's transaction failed). */
export async function discardStoredFiles(files: StoredFile[]): Promise<void> {
  const storage = getFileStorage();
  const results = await Promise.allSettled(files.map((f) => storage.delete(f.storageKey)));
  for (const [i, result] of results.entries()) {
    if (result.status === "rejected") console.warn(JSON.stringify({ msg: "upload discard failed", storageKey: files[i]!.storageKey, error: String(result.reason) }));
  }
}

const summaryColumns = {
  id: attachments.id,
  fieldName: attachments.fieldName,
  filename: attachments.filename,
  mimeType: attachments.mimeType,
  sizeBytes: attachments.sizeBytes,
  createdAt: attachments.createdAt,
};

/**
 * No antivirus runs yet (decision 007): "skipped" says so truthfully; a scanner added later makes
 * new uploads "pending" and can take the skipped ones as its backlog.
 */
const SCAN_STATUS = "skipped" as const;

function rowsFor(files: StoredFile[], input: { caseId: string; ownerId: string; messageId?: string }) {
  return files.map((f) => ({
    ownerId: input.ownerId,
    caseId: input.caseId,
    messageId: input.messageId ?? null,
    fieldName: input.messageId ? null : f.field,
    filename: f.filename,
    mimeType: f.mimeType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    storageKey: f.storageKey,
    scanStatus: SCAN_STATUS,
  }));
}

/**
 * Attach stored files to form fields of a case (a draft: the caller checked it), in the caller's
 * transaction. With replaceFields, the field's previous files are marked deleted (deleted_at);
 * their bytes stay in storage until housekeeping removes them a day later, so that a transaction
 * that rolls back never leaves a row without its file.
 */
export async function attachToCase(
  tx: Executor,
  input: { caseId: string; ownerId: string; files: StoredFile[]; replaceFields?: boolean },
): Promise<AttachmentSummary[]> {
  if (input.files.length === 0) return [];
  if (input.replaceFields) {
    const fields = [...new Set(input.files.map((f) => f.field))];
    await tx
      .update(attachments)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(attachments.caseId, input.caseId), inArray(attachments.fieldName, fields), isNull(attachments.messageId), isNull(attachments.deletedAt)));
  }
  return tx.insert(attachments).values(rowsFor(input.files, input)).returning(summaryColumns);
}

/** Attach stored files to a message of a case, in the caller's transaction. */
export async function attachToMessage(
  tx: Executor,
  input: { caseId: string; messageId: string; ownerId: string; files: StoredFile[] },
): Promise<AttachmentSummary[]> {
  if (input.files.length === 0) return [];
  return tx.insert(attachments).values(rowsFor(input.files, input)).returning(summaryColumns);
}

/** The files answering form fields of a case (not deleted, not message attachments), oldest first. */
export async function listCaseAttachments(executor: Executor, caseId: string): Promise<AttachmentSummary[]> {
  return executor
    .select(summaryColumns)
    .from(attachments)
    .where(and(eq(attachments.caseId, caseId), isNull(attachments.messageId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);

/**
 * "Supprimer" before submission: marks one form file of the owner's draft deleted. False when
 * there is no such file, the case is not the owner's or is no longer a draft.
 */
export async function removeCaseAttachment(executor: Executor, input: { caseId: string; attachmentId: string; ownerId: string }): Promise<boolean> {
  if (!isUuid(input.attachmentId) || !isUuid(input.caseId)) return false;
  const removed = await executor
    .update(attachments)
    .set({ deletedAt: sql`now()` })
    .where(
      and(
        eq(attachments.id, input.attachmentId),
        eq(attachments.caseId, input.caseId),
        eq(attachments.ownerId, input.ownerId),
        isNull(attachments.messageId),
        isNull(attachments.deletedAt),
        sql`exists (select 1 from ${cases} where ${cases.id} = ${input.caseId} and ${cases.applicantId} = ${input.ownerId} and ${cases.status} = 'draft')`,
      ),
    )
    .returning({ id: attachments.id });
  return removed.length > 0;
}

export interface DownloadableAttachment {
  id: string;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  storageKey: string;
  caseId: string;
  /** Why the reader may have it: the citizen's own case, or a case of one of his offices. */
  as: "owner" | "staff";
}

/**
 * An attachment the user may download: not deleted, on a case he filed, or on a case currently
 * handled by an office where he is agent or supervisor (officeIds). Null otherwise — the caller
 * answers 404 whether it does not exist or is not his (DESIGN.md §6).
 */
export async function findDownloadableAttachment(
  executor: Executor,
  input: { attachmentId: string; userId: string; officeIds: readonly number[] },
): Promise<DownloadableAttachment | null> {
  if (!isUuid(input.attachmentId)) return null;
  const isOwner = eq(cases.applicantId, input.userId);
  const [row] = await executor
    .select({
      id: attachments.id,
      filename: attachments.filename,
      mimeType: attachments.mimeType,
      sizeBytes: attachments.sizeBytes,
      storageKey: attachments.storageKey,
      caseId: cases.id,
      owner: sql<boolean>`${isOwner}`,
    })
    .from(attachments)
    .innerJoin(cases, eq(cases.id, attachments.caseId))
    .where(
      and(
        eq(attachments.id, input.attachmentId),
        isNull(attachments.deletedAt),
        input.officeIds.length > 0 ? or(isOwner, inArray(cases.officeId, [...input.officeIds])) : isOwner,
      ),
    )
    .limit(1);
  if (!row) return null;
  const { owner, ...rest } = row;
  return { ...rest, as: owner ? "owner" : "staff" };
}
