/**
 * What an uploaded file is, decided by its content and never by its name or by the type the
 * browser claims; and a name for it that is safe to store and to offer in a download.
 * Pure: no Node imports (the size and type labels are also used in pages).
 */
import { ACCEPTED_FILE_TYPES, type AcceptedFileType } from "./forms/definition";

export { ACCEPTED_FILE_TYPES, type AcceptedFileType };

/** Bytes of the longest signature below (PNG): how much of a file sniffing needs. */
export const SNIFF_BYTES = 8;

const SIGNATURES: { type: AcceptedFileType; bytes: readonly number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The type of a file from its first bytes (at least SNIFF_BYTES when the file is that long), or null. */
export function sniffFileType(firstBytes: Uint8Array): AcceptedFileType | null {
  for (const { type, bytes } of SIGNATURES) {
    if (firstBytes.length >= bytes.length && bytes.every((b, i) => firstBytes[i] === b)) return type;
  }
  return null;
}

const EXTENSIONS: Record<AcceptedFileType, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
};

/** Extensions a user may already have given a file of this type (kept as typed, lower-cased). */
const KNOWN_EXTENSIONS: Record<AcceptedFileType, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg", "jpe", "jfif"],
  "image/png": ["png"],
};

/**
 * Extensions that say "this is a file of some type" and are replaced when the content says
 * otherwise ("photo.pdf" holding a PNG becomes "photo.png"); any other dotted ending
 * ("rapport.v2", "acte.copie") is part of the name and is kept.
 */
const REPLACEABLE_EXTENSIONS = new Set([
  ...Object.values(KNOWN_EXTENSIONS).flat(),
  ...["gif", "webp", "heic", "heif", "bmp", "tif", "tiff", "svg", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "html", "htm", "xml"],
  ...["exe", "com", "bat", "cmd", "msi", "scr", "dll", "bin", "sh", "js", "vbs", "ps1", "jar", "apk", "zip", "rar", "7z"],
]);

/** The extension (without dot) under which a file of this type is offered. */
export function extensionFor(mimeType: AcceptedFileType): string {
  return EXTENSIONS[mimeType];
}

/** "PDF", "JPEG", "PNG": how the types are named to users. */
export function fileTypeLabel(mimeType: AcceptedFileType): string {
  return mimeType === "application/pdf" ? "PDF" : mimeType === "image/jpeg" ? "JPEG" : "PNG";
}

/** "PDF, JPEG ou PNG" / "PDF, JPEG or PNG": the accepted types of a field, for hints and messages. */
export function acceptedTypesLabel(types: readonly string[], locale: "fr" | "en"): string {
  const labels = ACCEPTED_FILE_TYPES.filter((t) => types.includes(t)).map(fileTypeLabel);
  return new Intl.ListFormat(locale === "fr" ? "fr-TG" : "en-GB", { style: "long", type: "disjunction" }).format(labels);
}

export const MAX_FILENAME_LENGTH = 100;

/**
 * The last path segment of a name as a browser or a user sent it, without control and format
 * characters (including the right-to-left override that makes "fdp.exe" look like "exe.pdf"),
 * and with only letters (accents included), digits, "-", "_", "." and spaces; runs of spaces
 * collapsed, no leading dots. Possibly empty.
 */
function cleanName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? "";
  return last
    .normalize("NFC")
    .replace(/\s/g, " ")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, "")
    .replace(/[^\p{L}\p{M}\p{N}\-_. ]/gu, " ")
    .replace(/\s+/g, " ")
    .replace(/\.{2,}/g, ".")
    .replace(/^[\s.]+/, "")
    .trim();
}

/** Cut to `max` characters (code points, so an accent is never split from its letter's pair). */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join("");
}

/**
 * The name a stored file keeps: cleaned (see above), at most MAX_FILENAME_LENGTH characters,
 * with the extension of its sniffed type ("scan.PDF" → "scan.pdf" stays a PDF, "photo.pdf" holding
 * a PNG → "photo.png", "acte" → "acte.pdf"); "document.<ext>" when nothing usable is left.
 */
export function sanitizeFilename(name: string | null | undefined, mimeType: AcceptedFileType): string {
  let base = cleanName(name ?? "");
  let extension = extensionFor(mimeType);
  const dot = base.lastIndexOf(".");
  if (dot > 0) {
    const given = base.slice(dot + 1).toLowerCase();
    if (KNOWN_EXTENSIONS[mimeType].includes(given)) {
      extension = given;
      base = base.slice(0, dot);
    } else if (REPLACEABLE_EXTENSIONS.has(given)) {
      base = base.slice(0, dot);
    }
  }
  base = truncate(base, MAX_FILENAME_LENGTH - extension.length - 1)
    .replace(/[\s.]+$/, "")
    .trim();
  return `${base || "document"}.${extension}`;
}

/** A name as the user sent it, safe to repeat in a message ("« virus.pdf » n'est pas…"). */
export function displayFilename(name: string | null | undefined): string {
  return truncate(cleanName(name ?? ""), MAX_FILENAME_LENGTH).trim();
}

/** "5 Mo" / "5 MB", "1,5 Mo" / "1.5 MB", "800 ko" / "800 KB": sizes as limits and lists show them. */
export function formatFileSize(bytes: number, locale: "fr" | "en"): string {
  const mb = bytes / (1024 * 1024);
  const [value, unit] = mb >= 1 ? [mb, locale === "fr" ? "Mo" : "MB"] : [Math.max(1, Math.ceil(bytes / 1024)), locale === "fr" ? "ko" : "KB"];
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
  return `${locale === "fr" ? text.replace(".", ",") : text}\u00a0${unit}`;
}

/** Content-Disposition (RFC 6266 / 8187): an ASCII fallback for old clients, and the exact UTF-8 name. */
export function contentDisposition(kind: "attachment" | "inline", filename: string): string {
  const fallback = filename
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
