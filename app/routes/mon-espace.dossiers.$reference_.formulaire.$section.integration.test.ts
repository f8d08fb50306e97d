import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { attachments, cases, procedureVersions } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { upload } from "../../db/seed/data/procedures/fields";
import { createCitizen, createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { generateReference } from "~/domain/reference";
import { LocalFileStorage, setFileStorage } from "~/services/storage";
import { setDatabaseHandle } from "~/utils/db.server";
import { createSession, sessionCookieName } from "~/utils/session.server";
import { action } from "./mon-espace.dossiers.$reference_.formulaire.$section";

/**
 * A form step's two buttons with a file the server refuses (issue 11 item 13): "Enregistrer et
 * reprendre plus tard" said nothing and the file was silently dropped; it must say so, with the
 * same message as "Continuer", and save the other answers.
 */
const PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const EXE = Buffer.from("MZ\x90\x00\x03\x00\x00\x00 this program cannot be run in DOS mode");
const l = (fr: string) => ({ fr, en: fr });

let handle: DatabaseHandle;
let dir: string;
let versionId: number;
let procedure: Awaited<ReturnType<typeof createProcedure>>["procedure"];

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  dir = await mkdtemp(join(tmpdir(), "guichet-step-"));
  setFileStorage(new LocalFileStorage(dir));
  const { db } = handle;
  const { agency } = await createSiteWithOffice(db);
  const created = await createProcedure(db, { agencyId: agency.id });
  procedure = created.procedure;
  versionId = created.version.id;
  const definition = {
    sections: [
      {
        id: "documents",
        title: l("Les documents"),
        fields: [
          { type: "text" as const, name: "pays", label: l("Pays de destination"), required: true },
          upload("scan", l("Documents numérisés (un seul PDF)"), { accept: ["application/pdf"] }),
        ],
      },
    ],
  };
  await db.update(procedureVersions).set({ definition }).where(eq(procedureVersions.id, versionId));
});
afterAll(async () => {
  await handle?.close();
  await rm(dir, { recursive: true, force: true });
});

async function post(intent: "later" | "continue", file: { name: string; bytes: Buffer }) {
  // One draft per citizen and procedure: a citizen of its own for each post.
  const { user } = await createCitizen(handle.db);
  const token = (await createSession(handle.db, user.id)).token;
  const kase = await createCase(handle.db, { procedure, versionId, applicantId: user.id, status: "draft" });
  const reference = generateReference(2026, (n) => randomBytes(n));
  await handle.db.update(cases).set({ reference, data: {} }).where(eq(cases.id, kase.id));
  const form = new FormData();
  form.append("pays", "Ghana");
  form.append("scan", new Blob([new Uint8Array(file.bytes)], { type: "application/pdf" }), file.name);
  form.append("intent", intent);
  const request = new Request(`http://localhost/mon-espace/dossiers/${reference}/formulaire/documents`, {
    method: "POST",
    body: form,
    headers: { Cookie: `${sessionCookieName()}=${token}` },
  });
  const result = await action({ request, params: { reference: reference, section: "documents" }, context: { cspNonce: "n", requestId: "r", ip: "203.0.113.5" } });
  const [row] = await handle.db.select({ data: cases.data }).from(cases).where(eq(cases.id, kase.id));
  const files = await handle.db.select({ filename: attachments.filename }).from(attachments).where(eq(attachments.caseId, kase.id));
  return { result: result as unknown, data: row!.data, files: files.map((f) => f.filename) };
}

const replyOf = (result: unknown) => result as { init: { status: number } | null; data: { errors: Record<string, string>; notice?: string; values: Record<string, unknown> } };

describe("save and resume later with a refused file", () => {
  it("answers like « Continuer »: the same message at the file field, what was typed kept on the page", async () => {
    const later = replyOf((await post("later", { name: "diplome.pdf", bytes: EXE })).result);
    const next = replyOf((await post("continue", { name: "diplome.pdf", bytes: EXE })).result);
    expect(later.init?.status).toBe(400);
    expect(later.data.errors.scan).toBe(next.data.errors.scan);
    expect(later.data.errors.scan).toMatch(/^Le fichier « diplome\.pdf » n'est pas un PDF\./);
    expect(later.data.values).toMatchObject({ pays: "Ghana" });
  });

  it("saves the other answers, and tells the citizen so", async () => {
    const { result, data } = await post("later", { name: "diplome.pdf", bytes: EXE });
    expect(data).toMatchObject({ pays: "Ghana" });
    expect(replyOf(result).data.notice).toBe("Vos autres réponses sont enregistrées. Ce fichier ne l'est pas : choisissez-en un autre, ou enregistrez sans lui.");
  });

  it("with a good file, saves it and goes to « Mon espace » as before", async () => {
    const { result, data, files } = await post("later", { name: "documents.pdf", bytes: PDF });
    expect(result).toBeInstanceOf(Response);
    expect((result as Response).headers.get("Location")).toMatch(/^\/mon-espace\?enregistre=/);
    expect(data).toMatchObject({ pays: "Ghana" });
    expect(files).toEqual(["documents.pdf"]);
  });
});
