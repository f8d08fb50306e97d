import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { attachments, auditLog } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { LocalFileStorage, setFileStorage } from "~/services/storage";
import { attachToCase, parseUploadForm } from "~/services/uploads.server";
import { setDatabaseHandle } from "~/utils/db.server";
import { createSession, sessionCookieName } from "~/utils/session.server";
import { loader } from "./pieces.$id";

const PDF = Buffer.from("%PDF-1.4\n% Guichet test\n%%EOF\n");

let handle: DatabaseHandle;
let dir: string;
const tokens: Record<"owner" | "otherCitizen" | "agent" | "supervisor" | "otherAgent", string> = {} as never;
let attachmentId: string;
let deletedId: string;
const userIds: Record<string, string> = {};

function call(id: string, who?: keyof typeof tokens, query = "") {
  const request = new Request(`http://localhost/pieces/${id}${query}`, {
    headers: who ? { Cookie: `${sessionCookieName()}=${tokens[who]}` } : {},
  });
  return loader({ request, params: { id }, context: { cspNonce: "n", requestId: "req-1", ip: "203.0.113.9" } });
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  const result = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(result instanceof Response)) throw new Error(`expected a thrown Response, got ${String(result)}`);
  return result;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  dir = await mkdtemp(join(tmpdir(), "guichet-pieces-"));
  setFileStorage(new LocalFileStorage(dir));
  const { db } = handle;

  const { office, agency } = await createSiteWithOffice(db);
  const { office: otherOffice } = await createSiteWithOffice(db, { agencyId: agency.id });
  const { procedure, version } = await createProcedure(db, { agencyId: agency.id });
  const people = {
    owner: (await createCitizen(db)).user,
    otherCitizen: (await createCitizen(db)).user,
    agent: (await createStaff(db, { role: "agent", officeId: office.id })).user,
    supervisor: (await createStaff(db, { role: "supervisor", officeId: office.id })).user,
    otherAgent: (await createStaff(db, { role: "agent", officeId: otherOffice.id })).user,
  };
  for (const [name, user] of Object.entries(people)) {
    tokens[name as keyof typeof tokens] = (await createSession(db, user.id)).token;
    userIds[name] = user.id;
  }
  const filed = await createCase(db, { procedure, versionId: version.id, applicantId: people.owner.id, officeId: office.id, status: "in_review" });

  const form = new FormData();
  form.append("acte", new Blob([new Uint8Array(PDF)]), "Acte de naissance — Kpalimé.pdf");
  form.append("autre", new Blob([new Uint8Array(PDF)]), "ancien.pdf");
  const limits = { acte: { maxBytes: 1024 * 1024, accept: ["application/pdf"] }, autre: { maxBytes: 1024 * 1024, accept: ["application/pdf"] } };
  const { files } = await parseUploadForm(new Request("http://localhost/x", { method: "POST", body: form }), limits);
  const [attached, old] = await attachToCase(db, { caseId: filed.id, ownerId: people.owner.id, files });
  attachmentId = attached!.id;
  deletedId = old!.id;
  await db.update(attachments).set({ deletedAt: new Date() }).where(eq(attachments.id, deletedId));
});
afterAll(async () => {
  await handle?.close();
  await rm(dir, { recursive: true, force: true });
});

describe("GET /pieces/:id", () => {
  it("the applicant downloads his document: bytes, sniffed type, attachment with the UTF-8 name, no caching (nosniff comes from the server, server/security.ts)", async () => {
    const response = await call(attachmentId, "owner");
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(PDF);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(PDF.length),
      "content-disposition": `attachment; filename="Acte de naissance Kpalime.pdf"; filename*=UTF-8''Acte%20de%20naissance%20Kpalim%C3%A9.pdf`,
      "cache-control": "private, no-store",
    });
  });

  it("the agent and the supervisor of the handling office may read it, inline on request", async () => {
    for (const who of ["agent", "supervisor"] as const) {
      const response = await call(attachmentId, who, "?inline=1");
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^inline; /);
      await response.body?.cancel();
    }
  });

  it("another citizen, staff of another office, a deleted file, an unknown or malformed id: 404, written to the audit log", async () => {
    for (const [id, who] of [
      [attachmentId, "otherCitizen"],
      [attachmentId, "otherAgent"],
      [deletedId, "owner"],
      ["00000000-0000-4000-8000-000000000000", "owner"],
      ["../../etc/passwd", "owner"],
    ] as const) {
      expect((await thrown(call(id, who))).status, `${who} ${id}`).toBe(404);
    }
    const refusals = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.refused"), eq(auditLog.targetType, "attachment")))
      .orderBy(asc(auditLog.id));
    expect(refusals).toHaveLength(5);
    expect(refusals[0]).toMatchObject({ outcome: "refused", actorId: userIds.otherCitizen, targetId: attachmentId, ip: "203.0.113.9", requestId: "req-1" });
  });

  it("signed out: sent to sign in first", async () => {
    const response = await thrown(call(attachmentId));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/connexion?redirectTo=%2Fpieces%2F${attachmentId}`);
  });
});
