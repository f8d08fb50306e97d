import { describe, expect, it } from "vitest";
import { acceptedTypesLabel, contentDisposition, displayFilename, extensionFor, fileTypeLabel, formatFileSize, sanitizeFilename, sniffFileType } from "./files";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? Array.from(v, (c) => c.charCodeAt(0)) : [v])));

const PDF = bytes("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, "JFIF", 0);
const PNG = bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, "IHDR");
const PE = bytes("MZ", 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff); // Windows executable
const ELF = bytes(0x7f, "ELF", 2, 1, 1, 0, 0, 0, 0, 0); // Linux executable

describe("sniffFileType", () => {
  it.each([
    ["PDF", PDF, "application/pdf"],
    ["JPEG (JFIF)", JPEG, "image/jpeg"],
    ["JPEG (Exif)", bytes(0xff, 0xd8, 0xff, 0xe1, 0, 0, "Exif"), "image/jpeg"],
    ["PNG", PNG, "image/png"],
    ["a Windows executable", PE, null],
    ["an ELF executable", ELF, null],
    ["a ZIP (docx)", bytes("PK", 3, 4, 20, 0, 6, 0), null],
    ["an HTML page", bytes("<!DOCTYPE html><script>"), null],
    ["an SVG image", bytes("<svg xmlns="), null],
    ["a GIF", bytes("GIF89a"), null],
    ["text mentioning %PDF- later", bytes(" %PDF-1.4"), null],
    ["nothing", new Uint8Array(0), null],
    ["a truncated PNG signature", bytes(0x89, "PNG", 0x0d, 0x0a), null],
  ])("%s → %s", (_label, data, expected) => {
    expect(sniffFileType(data)).toBe(expected);
  });

  it("decides by content whatever the name says: an executable renamed .pdf is nothing we accept, a PNG named .pdf is a PNG", () => {
    // The name is not even an input of sniffing; what a route does with the two results:
    expect(sniffFileType(PE)).toBeNull();
    const type = sniffFileType(PNG);
    expect(type).toBe("image/png");
    expect(sanitizeFilename("photo.pdf", type!)).toBe("photo.png");
  });
});

describe("sanitizeFilename", () => {
  it.each([
    ["acte de naissance.pdf", "application/pdf", "acte de naissance.pdf"],
    ["Scan.PDF", "application/pdf", "Scan.pdf"],
    ["photo.JPEG", "image/jpeg", "photo.jpeg"],
    ["photo", "image/jpeg", "photo.jpg"],
    ["photo.pdf", "image/png", "photo.png"],
    ["virus.exe", "application/pdf", "virus.pdf"],
    ["rapport.v2", "application/pdf", "rapport.v2.pdf"],
    ["C:\\Users\\Kofi\\Documents\\relevé.pdf", "application/pdf", "relevé.pdf"],
    ["../../etc/passwd", "application/pdf", "passwd.pdf"],
    ["Diplôme – Université de Lomé (2019).pdf", "application/pdf", "Diplôme Université de Lomé 2019.pdf"],
    ["  a   b\t\nc  .png", "image/png", "a b c.png"],
    ["fdp\u202Egnp.exe", "image/png", "fdpgnp.png"],
    ["nul\u0000byte.pdf", "application/pdf", "nulbyte.pdf"],
    [".htaccess", "application/pdf", "htaccess.pdf"],
    ["...", "application/pdf", "document.pdf"],
    ["", "application/pdf", "document.pdf"],
    [null, "image/jpeg", "document.jpg"],
    ["<script>.png", "image/png", "script.png"],
    ["e\u0301tat civil.pdf", "application/pdf", "état civil.pdf"],
    ["نسخة.pdf", "application/pdf", "نسخة.pdf"],
  ] as const)("%j (%s) → %j", (name, type, expected) => {
    expect(sanitizeFilename(name, type)).toBe(expected);
  });

  it("keeps at most 100 characters, extension included", () => {
    const long = `${"é".repeat(150)}.pdf`;
    const result = sanitizeFilename(long, "application/pdf");
    expect(Array.from(result)).toHaveLength(100);
    expect(result.endsWith("é.pdf")).toBe(true);
  });
});

describe("labels", () => {
  it("extension and label per type", () => {
    expect(["application/pdf", "image/jpeg", "image/png"].map((t) => extensionFor(t as never))).toEqual(["pdf", "jpg", "png"]);
    expect(["application/pdf", "image/jpeg", "image/png"].map((t) => fileTypeLabel(t as never))).toEqual(["PDF", "JPEG", "PNG"]);
  });

  it("acceptedTypesLabel lists the types in the usual order, joined with « ou » / “or”", () => {
    expect(acceptedTypesLabel(["image/png", "application/pdf", "image/jpeg"], "fr")).toBe("PDF, JPEG ou PNG");
    expect(acceptedTypesLabel(["image/jpeg", "image/png"], "en")).toBe("JPEG or PNG");
    expect(acceptedTypesLabel(["application/pdf"], "fr")).toBe("PDF");
  });

  it("formatFileSize in French and English", () => {
    expect(formatFileSize(5 * 1024 * 1024, "fr")).toBe("5\u00a0Mo");
    expect(formatFileSize(5 * 1024 * 1024, "en")).toBe("5\u00a0MB");
    expect(formatFileSize(1.5 * 1024 * 1024, "fr")).toBe("1,5\u00a0Mo");
    expect(formatFileSize(800 * 1024, "fr")).toBe("800\u00a0ko");
    expect(formatFileSize(10, "en")).toBe("1\u00a0KB");
  });

  it("displayFilename cleans without choosing an extension", () => {
    expect(displayFilename("C:\\tmp\\setup.exe")).toBe("setup.exe");
    expect(displayFilename("")).toBe("");
  });
});

describe("contentDisposition", () => {
  it("escapes quotes and backslashes in the fallback and keeps the exact name in filename*", () => {
    expect(contentDisposition("attachment", 'a"b\\c.pdf')).toBe(`attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`);
    expect(contentDisposition("inline", "Acte – Kpalimé (copie).pdf")).toBe(`inline; filename="Acte _ Kpalime (copie).pdf"; filename*=UTF-8''Acte%20%E2%80%93%20Kpalim%C3%A9%20%28copie%29.pdf`);
  });
});
