import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { attachments, caseEvents, cases, issuedDocuments } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { deleteExpiredDrafts, purgeDeletedAttachmentFiles } from "./draft-expiry.server";
import { runHousekeeping } from "./housekeeping.server";
import { LocalFileStorage, setFileStorage } from "./storage";
import { attachToCase, parseUploadForm } from "./uploads.server";

const DAY = 24 * 60 * 60 * 1000;
const PDF = Buffer.from("%PDF-1.7\n%%EOF\n");

describe("expired drafts and deleted documents", () => {
  let handle: DatabaseHandle;
  let dir: string;
  let storage: LocalFileStorage;
  let fixture: Awaited<ReturnType<typeof setup>>;

  async function setup() {
    const { db } = handle;
    const { user } = await createCitizen(db);
    const { office, agency } = await createSiteWithOffice(db);
    // A procedure per case: a citizen has at most one draft per procedure.
    const make = async (status: "draft" | "submitted") => {
      const { procedure, version } = await createProcedure(db, { agencyId: agency.id });
      return createCase(db, { procedure, versionId: version.id, applicantId: user.id, status, officeId: status === "draft" ? null : office.id });
    };
    return { db, user, office, make };
  }

  async function attach(caseId: string, ownerId: string, count = 1) {
    const form = new FormData();
    for (let i = 0; i < count; i++) form.append("acte", new Blob([new Uint8Array(PDF)]), `acte-${i}.pdf`);
    const { files } = await parseUploadForm(new Request("http://localhost/x", { method: "POST", body: form }), { acte: { maxBytes: 1 << 20, accept: ["application/pdf"] } });
    return attachToCase(handle.db, { caseId, ownerId, files });
  }
  const keyOf = async (id: string) => (await handle.db.select({ key: attachments.storageKey }).from(attachments).where(eq(attachments.id, id)))[0]!.key;
  async function exists(key: string) {
    const stream = await storage.get(key);
    stream?.destroy();
    return stream !== null;
  }

  beforeAll(async () => {
    handle = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), "guichet-expiry-"));
    storage = new LocalFileStorage(dir);
    setFileStorage(storage);
    fixture = await setup();
  });
  afterAll(async () => {
    await handle?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("deletes drafts untouched for 30 days with their documents (rows and files) and events; keeps recent drafts and filed cases", async () => {
    const { db, user, make } = fixture;
    const now = new Date("2026-11-22T10:00:00Z");
    const old = await make("draft");
    const recent = await make("draft");
    const filed = await make("submitted");
    const [oldFile] = await attach(old.id, user.id);
    const [recentFile] = await attach(recent.id, user.id);
    const [filedFile] = await attach(filed.id, user.id);
    const oldKey = await keyOf(oldFile!.id);
    await db.insert(caseEvents).values({ caseId: old.id, type: "draft_saved", actorId: user.id });
    await db.update(cases).set({ updatedAt: new Date(now.getTime() - 31 * DAY) }).where(inArray(cases.id, [old.id, filed.id]));
    await db.update(cases).set({ updatedAt: new Date(now.getTime() - 29 * DAY) }).where(eq(cases.id, recent.id));

    expect(await deleteExpiredDrafts(db, now, storage)).toEqual({ drafts: 1, files: 1 });
    expect((await db.select({ id: cases.id }).from(cases).where(inArray(cases.id, [old.id, recent.id, filed.id]))).map((c) => c.id).sort()).toEqual([recent.id, filed.id].sort());
    expect(await db.select().from(caseEvents).where(eq(caseEvents.caseId, old.id))).toEqual([]);
    expect(await db.select().from(attachments).where(eq(attachments.caseId, old.id))).toEqual([]);
    expect(await exists(oldKey)).toBe(false);
    expect(await exists(await keyOf(recentFile!.id))).toBe(true);
    expect(await exists(await keyOf(filedFile!.id))).toBe(true);

    expect(await deleteExpiredDrafts(db, now, storage)).toEqual({ drafts: 0, files: 0 });
  });

  it("removes the bytes of documents deleted more than a day ago, then their rows; keeps recent ones and issued documents", async () => {
    const { db, user, office, make } = fixture;
    const now = new Date("2026-11-22T10:00:00Z");
    const draft = await make("draft");
    const filed = await make("submitted");
    const [longAgo, justNow] = await attach(draft.id, user.id, 2);
    const [issued] = await attach(filed.id, user.id);
    await db.insert(issuedDocuments).values({ code: "VERIF-TEST-1", caseId: filed.id, attachmentId: issued!.id, officeId: office.id, holderInitials: "K. A." });
    await db.update(attachments).set({ deletedAt: new Date(now.getTime() - 2 * DAY) }).where(inArray(attachments.id, [longAgo!.id, issued!.id]));
    await db.update(attachments).set({ deletedAt: new Date(now.getTime() - 60 * 60 * 1000) }).where(eq(attachments.id, justNow!.id));
    const [longAgoKey, justNowKey, issuedKey] = [await keyOf(longAgo!.id), await keyOf(justNow!.id), await keyOf(issued!.id)];

    expect(await purgeDeletedAttachmentFiles(db, now, storage)).toBe(1);
    expect(await exists(longAgoKey)).toBe(false);
    expect((await db.select().from(attachments).where(eq(attachments.id, longAgo!.id))).length).toBe(0);
    expect(await exists(justNowKey)).toBe(true);
    expect(await exists(issuedKey)).toBe(true);

    // Housekeeping runs both; the day after, the recent one goes too.
    expect(await runHousekeeping(db, new Date(now.getTime() + DAY), storage)).toMatchObject({ expiredDrafts: 0, attachmentFiles: 1 });
    expect(await exists(justNowKey)).toBe(false);
  });
});
