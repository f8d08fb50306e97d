import { checkMessageBody } from "./case-messages.server";
import { ACCEPTED_FILE_TYPES } from "~/domain/files";
import { discardStoredFiles, isRequestTooLarge, parseUploadForm, type StoredFile, type UploadRejection } from "./uploads.server";
import { integerOrNull } from "~/domain/input";

/** The file inputs of a message form: one file each, PDF, JPEG or PNG, 10 MB at most. */
export const MESSAGE_FILE_FIELDS = ["piece1", "piece2"] as const;
export const MESSAGE_FILE_MAX_BYTES = 10 * 1024 * 1024;
export const MESSAGE_FILE_TYPES = ACCEPTED_FILE_TYPES;

export interface MessageFormError {
  /** Id of the control, for the error summary's link. */
  field: string;
  /** `form.errors.<code>` in the myspace namespace. */
  code: string;
  filename?: string;
}

export interface MessageForm {
  intent: string;
  body: string;
  expectedVersion: number | null;
  files: StoredFile[];
  errors: MessageFormError[];
}

function one(value: string | string[] | undefined): string {
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

/**
 * A message form of the case page (write to the office, answer a request for pieces): the text,
 * the files (stored by the uploads service, sniffed by content), and what is wrong. When anything
 * is wrong the stored files are dropped at once: the citizen chooses them again, his text is kept.
 */
export async function readMessageForm(request: Request, prefix: string): Promise<MessageForm> {
  const limits = Object.fromEntries(MESSAGE_FILE_FIELDS.map((field) => [field, { maxBytes: MESSAGE_FILE_MAX_BYTES, accept: MESSAGE_FILE_TYPES }]));
  let parsed: Awaited<ReturnType<typeof parseUploadForm>>;
  try {
    // The files, plus room for the text.
    parsed = await parseUploadForm(request, limits, { maxTotalBytes: MESSAGE_FILE_FIELDS.length * MESSAGE_FILE_MAX_BYTES + 1024 * 1024 });
  } catch (error) {
    // Nothing of the form could be read: the citizen is told, and his text is lost only then.
    if (isRequestTooLarge(error)) return { intent: "", body: "", expectedVersion: null, files: [], errors: [{ field: `${prefix}-piece1`, code: "request_too_large" }] };
    throw error;
  }
  const { values, files, rejections } = parsed;
  const body = one(values.body);
  const version = integerOrNull(one(values.expectedVersion), 0) ?? Number.NaN;
  const errors: MessageFormError[] = [];
  const bodyError = checkMessageBody(body);
  if (bodyError) errors.push({ field: `${prefix}-body`, code: bodyError });
  for (const rejection of rejections as UploadRejection[]) {
    errors.push({ field: `${prefix}-${rejection.field}`, code: `file_${rejection.code}`, filename: rejection.filename });
  }
  if (errors.length > 0 && files.length > 0) await discardStoredFiles(files).catch(() => undefined);
  return {
    intent: one(values.intent),
    body,
    expectedVersion: Number.isInteger(version) && one(values.expectedVersion) !== "" ? version : null,
    files: errors.length > 0 ? [] : files,
    errors,
  };
}
