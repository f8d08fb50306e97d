import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { attachments, messages } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { LocalFileStorage, setFileStorage } from "./storage";
import {
  attachToCase,
  attachToMessage,
  discardStoredFiles,
  isRequestTooLarge,
  listCaseAttachments,
  parseUploadForm,
  rejectionMessage,
  removeCaseAttachment,
  uploadLimitsFor,
  type StoredFile,
} from "./uploads.server";

const MB = 1024 * 1024;
const PDF = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("IHDR fake image data")]);
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(4000, 0x90)]);
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

const DOCUMENTS = ["application/pdf", "image/jpeg", "image/png"] as const;
const limits = {
  acte: { maxBytes: 10 * MB, accept: DOCUMENTS },
  photo: { maxBytes: 2 * MB, accept: ["image/jpeg", "image/png"] },
  plans: { maxBytes: 1 * MB, accept: ["application/pdf"] },
  diplome: { maxBytes: 10 * MB, accept: DOCUMENTS },
  extra: { maxBytes: 10 * MB, accept: DOCUMENTS },
  vide: { maxBytes: 10 * MB, accept: DOCUMENTS },
};

function post(form: FormData | URLSearchParams): Request {
  return new Request("http://localhost/mon-espace/dossiers/TG-2026-X/formulaire/pieces", { method: "POST", body: form });
}
const file = (data: Buffer, name: string) => [new Blob([new Uint8Array(data)]), name] as const;

let dir: string;
let storage: LocalFileStorage;
async function storedKeys(): Promise<string[]> {
  const prefixes = await readdir(dir).catch(() => []);
  const keys = await Promise.all(prefixes.map(async (p) => (await readdir(join(dir, p))).map((f) => `${p}/${f}`)));
  return keys.flat().sort();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "guichet-uploads-"));
  storage = new LocalFileStorage(dir);
  setFileStorage(storage);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("parseUploadForm", () => {
  it("keeps every text field and accepted file, rejects each bad file by content, size or emptiness, and stores only the good ones", async () => {
    const form = new FormData();
    form.append("nom", "Kossi Amégan");
    form.append("langues", "fr");
    form.append("langues", "ewe");
    form.append("acte", ...file(PDF, "acte de naissance.pdf"));
    form.append("photo", ...file(PNG, "photo.pdf")); // a PNG named .pdf: accepted as a PNG, name fixed
    form.append("diplome", ...file(EXE, "diplome.pdf")); // an executable renamed .pdf
    form.append("plans", ...file(Buffer.concat([PDF, Buffer.alloc(1 * MB)]), "plans.pdf")); // over 1 MB
    form.append("vide", ...file(Buffer.alloc(0), "vide.pdf")); // chosen, but empty
    form.append("extra", ...file(Buffer.alloc(0), "")); // no file chosen
    form.append("inconnu", ...file(PDF, "intrus.pdf")); // a field that takes no file
    form.append("commentaire", "après les pièces");

    const { values, files, rejections } = await parseUploadForm(post(form), limits);

    expect(values).toEqual({ nom: "Kossi Amégan", langues: ["fr", "ewe"], commentaire: "après les pièces" });
    expect(files).toEqual([
      { field: "acte", filename: "acte de naissance.pdf", mimeType: "application/pdf", sizeBytes: PDF.length, sha256: sha256(PDF), storageKey: expect.stringMatching(/^[0-9a-f]{2}\/[0-9a-f]{32}$/) },
      { field: "photo", filename: "photo.png", mimeType: "image/png", sizeBytes: PNG.length, sha256: sha256(PNG), storageKey: expect.any(String) },
    ]);
    expect(rejections).toEqual([
      { field: "diplome", filename: "diplome.pdf", code: "wrong_type" },
      { field: "plans", filename: "plans.pdf", code: "too_large" },
      { field: "vide", filename: "vide.pdf", code: "empty" },
    ]);
    // Exactly the accepted files are in storage, byte for byte.
    expect(await storedKeys()).toEqual(files.map((f) => f.storageKey).sort());
    expect(await buffer((await storage.get(files[0]!.storageKey))!)).toEqual(PDF);
    expect(await buffer((await storage.get(files[1]!.storageKey))!)).toEqual(PNG);
    await discardStoredFiles(files);
    expect(await storedKeys()).toEqual([]);
  });

  it("an empty file input as browsers send it (filename=\"\", no bytes) is ignored silently; ; and = in a file name are fine", async () => {
    const boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
    const body = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="nom"',
      "",
      "Afi",
      `--${boundary}`,
      'Content-Disposition: form-data; name="extra"; filename=""',
      "Content-Type: application/octet-stream",
      "",
      "",
      `--${boundary}`,
      'Content-Disposition: form-data; name="acte"; filename="facture;2024=copie d\'acte.pdf"',
      "Content-Type: application/pdf",
      "",
      PDF.toString("latin1"),
      `--${boundary}--`,
      "",
    ].join("\r\n");
    const request = new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` }, body: Buffer.from(body, "latin1") });
    const { values, files, rejections } = await parseUploadForm(request, limits);
    expect({ values, rejections }).toEqual({ values: { nom: "Afi" }, rejections: [] });
    // ";" and "=" in a name are legal and must not break the form; the stored name keeps letters, digits, - _ . and spaces.
    expect(files).toMatchObject([{ field: "acte", filename: "facture 2024 copie d acte.pdf", sizeBytes: PDF.length }]);
    await discardStoredFiles(files);
  });

  it("sniffs and hashes correctly when the body arrives a few bytes at a time", async () => {
    const form = new FormData();
    form.append("photo", ...file(PNG, "photo.png"));
    form.append("diplome", ...file(EXE, "diplome.pdf"));
    form.append("nom", "Afi");
    const encoded = new Response(form);
    const contentType = encoded.headers.get("Content-Type")!;
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(offset, offset + 3));
        offset += 3;
      },
    });
    const request = new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": contentType }, body, duplex: "half" } as RequestInit);
    const { values, files, rejections } = await parseUploadForm(request, limits);
    expect(values).toEqual({ nom: "Afi" });
    expect(files).toMatchObject([{ field: "photo", mimeType: "image/png", sizeBytes: PNG.length, sha256: sha256(PNG) }]);
    expect(rejections).toEqual([{ field: "diplome", filename: "diplome.pdf", code: "wrong_type" }]);
    expect(await buffer((await storage.get(files[0]!.storageKey))!)).toEqual(PNG);
    await discardStoredFiles(files);
  });

  it("survives any split of the body into network chunks (fuzzed)", async () => {
    const form = new FormData();
    form.append("nom", "x".repeat(40));
    form.append("photo", ...file(Buffer.concat([PNG, Buffer.from("\r\n--\r\n-".repeat(40))]), "photo.png"));
    form.append("tiret", "--");
    form.append("acte", ...file(PDF, "acte.pdf"));
    const encoded = new Response(form);
    const contentType = encoded.headers.get("Content-Type")!;
    const bytes = new Uint8Array(await encoded.arrayBuffer());
    for (let trial = 0; trial < 150; trial++) {
      const max = [2, 5, 17, 60, 300][trial % 5]!;
      const chunks: Uint8Array[] = [];
      for (let o = 0; o < bytes.length; ) {
        const n = 1 + Math.floor(Math.random() * max);
        chunks.push(bytes.slice(o, o + n));
        o += n;
      }
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          const next = chunks.shift();
          if (next) controller.enqueue(next);
          else controller.close();
        },
      });
      const request = new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": contentType }, body, duplex: "half" } as RequestInit);
      const { values, files, rejections } = await parseUploadForm(request, limits);
      expect(values).toEqual({ nom: "x".repeat(40), tiret: "--" });
      expect(files.map((f) => [f.field, f.sizeBytes])).toEqual([
        ["photo", PNG.length + 7 * 40],
        ["acte", PDF.length],
      ]);
      expect(rejections).toEqual([]);
      await discardStoredFiles(files);
    }
  });

  it("checks the type against the field's own list (a PDF where only a photo goes is refused)", async () => {
    const form = new FormData();
    form.append("photo", ...file(PDF, "photo.pdf"));
    form.append("plans", ...file(JPEG, "plans.jpg"));
    const { files, rejections } = await parseUploadForm(post(form), limits);
    expect(files).toEqual([]);
    expect(rejections.map((r) => [r.field, r.code])).toEqual([
      ["photo", "wrong_type"],
      ["plans", "wrong_type"],
    ]);
    expect(await storedKeys()).toEqual([]);
  });

  it("a file far over its limit is streamed past, not stored, and the fields after it survive", async () => {
    const big = Buffer.concat([JPEG, Buffer.alloc(12 * MB, 1)]);
    const form = new FormData();
    form.append("photo", ...file(big, "photo géante.jpg"));
    form.append("acte", ...file(PDF, "acte.pdf"));
    form.append("apres", "toujours là");
    const { values, files, rejections } = await parseUploadForm(post(form), limits);
    expect(rejections).toEqual([{ field: "photo", filename: "photo géante.jpg", code: "too_large" }]);
    expect(files.map((f) => f.field)).toEqual(["acte"]);
    expect(values).toEqual({ apres: "toujours là" });
    expect(await storedKeys()).toEqual([files[0]!.storageKey]);
    await discardStoredFiles(files);
  });

  it("a request over the total cap is refused with 413 and leaves no file behind", async () => {
    const form = new FormData();
    form.append("acte", ...file(PDF, "acte.pdf"));
    form.append("diplome", ...file(Buffer.concat([PDF, Buffer.alloc(3 * MB)]), "diplome.pdf"));
    const thrown = await parseUploadForm(post(form), limits, { maxTotalBytes: 2 * MB }).catch((e: unknown) => e);
    expect(isRequestTooLarge(thrown)).toBe(true);
    expect(await storedKeys()).toEqual([]);

    // Announced by Content-Length: refused before reading anything.
    const announced = new Request("http://localhost/x", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(100 * MB) }, body: "" });
    expect(isRequestTooLarge(await parseUploadForm(announced, limits).catch((e: unknown) => e))).toBe(true);
  });

  it("a form without files (urlencoded) is read as usual", async () => {
    const { values, files, rejections } = await parseUploadForm(post(new URLSearchParams([["nom", "Afi"], ["choix", "a"], ["choix", "b"]])), limits);
    expect(values).toEqual({ nom: "Afi", choix: ["a", "b"] });
    expect(files).toEqual([]);
    expect(rejections).toEqual([]);
  });
});

describe("limits and messages", () => {
  it("limits come from the file fields of a section (10 MB when the definition gives none)", () => {
    const l = (fr: string) => ({ fr, en: fr });
    expect(
      uploadLimitsFor([
        { name: "nom", type: "text", label: l("Nom"), required: true },
        { name: "photo", type: "file", label: l("Photo"), required: true, accept: ["image/jpeg", "image/png"], maxSizeMb: 2 },
        { name: "acte", type: "file", label: l("Acte"), required: false, accept: ["application/pdf"], maxSizeMb: 0 },
      ]),
    ).toEqual({ photo: { maxBytes: 2 * MB, accept: ["image/jpeg", "image/png"] }, acte: { maxBytes: 10 * MB, accept: ["application/pdf"] } });
  });

  it("a rejection gives the key and values of its message", () => {
    expect(rejectionMessage({ field: "photo", filename: "scan.pdf", code: "wrong_type" }, limits, "fr")).toEqual({
      key: "uploads:rejection.wrong_type",
      values: { filename: "scan.pdf", max: "2\u00a0Mo", types: "JPEG ou PNG" },
    });
    expect(rejectionMessage({ field: "acte", filename: "", code: "too_large" }, limits, "en").values).toEqual({ filename: "unnamed", max: "10\u00a0MB", types: "PDF, JPEG or PNG" });
  });
});

describe("attachments of a case", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle?.close());

  async function draftOf(ownerId: string, status: "draft" | "submitted" = "draft") {
    const { agency } = await createSiteWithOffice(handle.db);
    const { procedure, version } = await createProcedure(handle.db, { agencyId: agency.id });
    return createCase(handle.db, { procedure, versionId: version.id, applicantId: ownerId, status });
  }

  async function upload(parts: [string, Buffer, string][]): Promise<StoredFile[]> {
    const form = new FormData();
    for (const [field, data, name] of parts) form.append(field, ...file(data, name));
    return (await parseUploadForm(post(form), limits)).files;
  }

  it("records name, type, size, SHA-256 and key; a replaced file is marked deleted, the list shows the current ones", async () => {
    const { db } = handle;
    const { user } = await createCitizen(db);
    const draft = await draftOf(user.id);

    const first = await upload([
      ["acte", PDF, "acte.pdf"],
      ["photo", PNG, "photo.png"],
    ]);
    const attached = await db.transaction((tx) => attachToCase(tx, { caseId: draft.id, ownerId: user.id, files: first, replaceFields: true }));
    expect(attached.map((a) => [a.fieldName, a.filename, a.mimeType, a.sizeBytes])).toEqual([
      ["acte", "acte.pdf", "application/pdf", PDF.length],
      ["photo", "photo.png", "image/png", PNG.length],
    ]);
    const [row] = await db.select().from(attachments).where(eq(attachments.id, attached[0]!.id));
    expect(row).toMatchObject({ ownerId: user.id, caseId: draft.id, messageId: null, sha256: sha256(PDF), storageKey: first[0]!.storageKey, scanStatus: "skipped", deletedAt: null });

    const second = await upload([["photo", JPEG, "nouvelle photo.jpeg"]]);
    await db.transaction((tx) => attachToCase(tx, { caseId: draft.id, ownerId: user.id, files: second, replaceFields: true }));
    const current = await listCaseAttachments(db, draft.id);
    expect(current.map((a) => [a.fieldName, a.filename])).toEqual([
      ["acte", "acte.pdf"],
      ["photo", "nouvelle photo.jpeg"],
    ]);
    const [old] = await db.select().from(attachments).where(eq(attachments.id, attached[1]!.id));
    expect(old!.deletedAt).toBeInstanceOf(Date);
    // The old bytes stay until housekeeping: a rolled-back replacement never loses the file.
    const kept = await storage.get(old!.storageKey);
    expect(kept).not.toBeNull();
    kept!.destroy();

    // Without replaceFields, a second file of a field is added beside the first.
    const more = await upload([["extra", PDF, "annexe.pdf"]]);
    await db.transaction((tx) => attachToCase(tx, { caseId: draft.id, ownerId: user.id, files: more }));
    const more2 = await upload([["extra", PNG, "annexe 2.png"]]);
    await db.transaction((tx) => attachToCase(tx, { caseId: draft.id, ownerId: user.id, files: more2 }));
    expect((await listCaseAttachments(db, draft.id)).filter((a) => a.fieldName === "extra")).toHaveLength(2);
  });

  it("removal: only the owner, only while the case is a draft, only once", async () => {
    const { db } = handle;
    const { user } = await createCitizen(db);
    const { user: other } = await createCitizen(db);
    const draft = await draftOf(user.id);
    const submitted = await draftOf(user.id, "submitted");
    const [onDraft] = await attachToCase(db, { caseId: draft.id, ownerId: user.id, files: await upload([["acte", PDF, "acte.pdf"]]) });
    const [onSubmitted] = await attachToCase(db, { caseId: submitted.id, ownerId: user.id, files: await upload([["acte", PDF, "acte.pdf"]]) });

    expect(await removeCaseAttachment(db, { caseId: draft.id, attachmentId: onDraft!.id, ownerId: other.id })).toBe(false);
    expect(await removeCaseAttachment(db, { caseId: submitted.id, attachmentId: onDraft!.id, ownerId: user.id })).toBe(false); // wrong case
    expect(await removeCaseAttachment(db, { caseId: draft.id, attachmentId: "pas-un-uuid", ownerId: user.id })).toBe(false);
    expect(await removeCaseAttachment(db, { caseId: submitted.id, attachmentId: onSubmitted!.id, ownerId: user.id })).toBe(false);
    expect(await removeCaseAttachment(db, { caseId: draft.id, attachmentId: onDraft!.id, ownerId: user.id })).toBe(true);
    expect(await removeCaseAttachment(db, { caseId: draft.id, attachmentId: onDraft!.id, ownerId: user.id })).toBe(false);
    expect(await listCaseAttachments(db, draft.id)).toEqual([]);
    expect(await listCaseAttachments(db, submitted.id)).toHaveLength(1);
  });

  it("message attachments belong to the message and the case, not to a form field", async () => {
    const { db } = handle;
    const { user } = await createCitizen(db);
    const draft = await draftOf(user.id, "submitted");
    const [message] = await db.insert(messages).values({ caseId: draft.id, authorId: user.id, body: "Voici la pièce demandée." }).returning();
    const [attached] = await attachToMessage(db, { caseId: draft.id, messageId: message!.id, ownerId: user.id, files: await upload([["acte", PDF, "piece.pdf"]]) });
    expect(attached).toMatchObject({ fieldName: null, filename: "piece.pdf" });
    const [row] = await db.select().from(attachments).where(eq(attachments.id, attached!.id));
    expect(row).toMatchObject({ caseId: draft.id, messageId: message!.id });
    expect(await listCaseAttachments(db, draft.id)).toEqual([]);
  });

  it("a failed transaction attaches nothing, and discardStoredFiles removes the bytes", async () => {
    const { db } = handle;
    const { user } = await createCitizen(db);
    const draft = await draftOf(user.id);
    const files = await upload([["acte", PDF, "acte.pdf"]]);
    await expect(
      db.transaction(async (tx) => {
        await attachToCase(tx, { caseId: draft.id, ownerId: user.id, files });
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    await discardStoredFiles(files);
    expect(await listCaseAttachments(db, draft.id)).toEqual([]);
    expect(await storage.get(files[0]!.storageKey)).toBeNull();
  });
});
