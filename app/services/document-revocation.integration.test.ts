import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, cases, issuedDocuments, notifications } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { generateReference } from "~/domain/reference";
import type { SessionUser } from "~/domain/user";
import { revokeIssuedDocument } from "./document-revocation.server";
import { verifyDocument } from "./issued-documents.server";
import { acceptCase } from "./staff-cases.server";
import { LocalFileStorage, setFileStorage } from "./storage";

type User = Awaited<ReturnType<typeof createCitizen>>["user"];

const session = (user: User, officeId: number, role: "agent" | "supervisor"): SessionUser => ({
  id: user.id,
  fullName: user.fullName,
  email: user.email,
  phone: user.phone,
  locale: user.locale,
  roles: [role],
  officeRoles: [{ officeId, role }],
});

describe("revocation of an issued document", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    setFileStorage(new LocalFileStorage(mkdtempSync(join(tmpdir(), "guichet-revoke-"))));
  });
  afterAll(async () => handle.close());

  it("only a supervisor of the office, with a reason, once; verified as revoked, audited, the citizen told", async () => {
    const { db } = handle;
    const { office, agency } = await createSiteWithOffice(db, { regionCode: "maritime" });
    const agent = session((await createStaff(db, { role: "agent", officeId: office.id })).user, office.id, "agent");
    const chef = session((await createStaff(db, { role: "supervisor", officeId: office.id })).user, office.id, "supervisor");
    const { office: otherOffice } = await createSiteWithOffice(db, { regionCode: "kara" });
    const otherChef = session((await createStaff(db, { role: "supervisor", officeId: otherOffice.id })).user, otherOffice.id, "supervisor");
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 10 });
    const { user: citizen } = await createCitizen(db, { fullName: "Akouvi Mensah", phone: `+2289${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}` });
    const row = await createCase(db, { procedure, versionId: version.id, applicantId: citizen.id, status: "in_review", officeId: office.id, submittedAt: new Date() });
    const reference = generateReference(2026, (n) => randomBytes(n));
    await db.update(cases).set({ reference, version: 1, assigneeId: agent.id }).where(eq(cases.id, row.id));
    expect(await acceptCase(db, { user: agent, reference, expectedVersion: 1, baseUrl: "https://guichet.test" })).toMatchObject({ ok: true });
    const [doc] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, row.id));
    const input = { reference, code: doc!.code, reason: "Délivré par erreur : mauvais acte.", baseUrl: "https://guichet.test", ip: "10.2.2.2", requestId: "req-r" };

    expect(await revokeIssuedDocument(db, { ...input, user: agent })).toEqual({ ok: false, error: "not_allowed" });
    expect(await revokeIssuedDocument(db, { ...input, user: otherChef })).toEqual({ ok: false, error: "not_found" });
    expect(await revokeIssuedDocument(db, { ...input, user: chef, reason: "   " })).toEqual({ ok: false, error: "reason_required" });
    expect((await verifyDocument(db, doc!.code))?.valid).toBe(true);

    expect(await revokeIssuedDocument(db, { ...input, user: chef })).toEqual({ ok: true, code: doc!.code });
    const verified = await verifyDocument(db, doc!.code);
    expect(verified).toMatchObject({ valid: false });
    expect(verified!.revokedAt).not.toBeNull();
    const [stored] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.id, doc!.id));
    expect(stored!.revokedReason).toBe("Délivré par erreur : mauvais acte.");

    expect(await revokeIssuedDocument(db, { ...input, user: chef })).toEqual({ ok: false, error: "already_revoked" });

    const entries = await db.select().from(auditLog).where(and(eq(auditLog.targetId, reference), eq(auditLog.action, "case.document_revoke")));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorId: chef.id, targetType: "case", ip: "10.2.2.2", requestId: "req-r", details: { documentCode: doc!.code } });
    expect(JSON.stringify(entries[0]!.details)).not.toContain("erreur");

    const notices = await db.select().from(notifications).where(and(eq(notifications.userId, citizen.id), eq(notifications.template, "document_revoked")));
    expect(notices.map((n) => n.channel).sort()).toEqual(["email", "in_app", "sms"]);
    expect(notices[0]!.payload).toMatchObject({ reference, code: doc!.code, url: `https://guichet.test/mon-espace/dossiers/${reference}` });
  });
});
