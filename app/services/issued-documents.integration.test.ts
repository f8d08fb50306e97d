import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buffer } from "node:stream/consumers";
import { inflateSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { attachments, cases, issuedDocuments, procedureVersions } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { applicantSection, contactSection } from "../../db/seed/data/procedures/fields";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { generateReference } from "~/domain/reference";
import type { SessionUser } from "~/domain/user";
import { verifyDocument } from "./issued-documents.server";
import { acceptCase } from "./staff-cases.server";
import { getFileStorage, LocalFileStorage, setFileStorage } from "./storage";

/** The text drawn on a pdf-lib page: its (deflated) content streams' hex strings, read as WinAnsi. */
function pdfText(bytes: Buffer): string {
  const pdf = bytes.toString("latin1");
  const lines: string[] = [];
  // Each stream is read by its /Length: deflated bytes may themselves end in "\r", which a search
  // for "\r\nendstream" would take away (this test failed so, once, in CI).
  for (const match of pdf.matchAll(/\/Length (\d+)[^]*?>>\s*stream\r?\n/g)) {
    const start = match.index! + match[0].length;
    const raw = pdf.slice(start, start + Number(match[1]));
    let content: string;
    try {
      content = inflateSync(Buffer.from(raw, "latin1")).toString("latin1");
    } catch {
      content = raw;
    }
    for (const hex of content.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) lines.push(Buffer.from(hex[1]!, "hex").toString("latin1"));
  }
  return lines.join("\n");
}

describe("the issued document names the case's subject as filed", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    setFileStorage(new LocalFileStorage(mkdtempSync(join(tmpdir(), "guichet-issued-"))));
  });
  afterAll(async () => handle.close());

  async function acceptedCase(data: Record<string, unknown>, onBehalfOf: { fullName: string; relationship: string } | null) {
    const { db } = handle;
    const { office, agency } = await createSiteWithOffice(db, { regionCode: "maritime" });
    const agent = (await createStaff(db, { role: "agent", officeId: office.id })).user;
    const { procedure, version } = await createProcedure(db, { agencyId: agency.id });
    await db.update(procedureVersions).set({ definition: { sections: [applicantSection(), contactSection()] } }).where(eq(procedureVersions.id, version.id));
    const { user: citizen } = await createCitizen(db, { fullName: "Afiwa Dossou" });
    const kase = await createCase(db, { procedure, versionId: version.id, applicantId: citizen.id, status: "in_review", officeId: office.id });
    const reference = generateReference(2026, (n) => randomBytes(n));
    await db.update(cases).set({ reference, data, onBehalfOf: onBehalfOf as never }).where(eq(cases.id, kase.id));
    const user: SessionUser = { id: agent.id, fullName: agent.fullName, email: agent.email, phone: agent.phone, locale: agent.locale, roles: ["agent"], officeRoles: [{ officeId: office.id, role: "agent" }] };
    expect(await acceptCase(db, { user, reference, expectedVersion: kase.version, baseUrl: "https://guichet.test" })).toMatchObject({ ok: true });
    const [doc] = await db.select().from(issuedDocuments).where(eq(issuedDocuments.caseId, kase.id));
    const [file] = await db.select().from(attachments).where(eq(attachments.id, doc!.attachmentId));
    return { doc: doc!, text: pdfText(await buffer((await getFileStorage().get(file!.storageKey))!)) };
  }

  it("filed « pour moi-même » under another name: the document and /verifier name the person in the form, with birth date and place", async () => {
    const { doc, text } = await acceptedCase({ nom: "Koffi", prenoms: "Ama Délali", date_naissance: "1994-03-08", lieu_naissance: "Kpalimé", telephone: "+22890123456" }, null);
    expect(text).toContain("KOFFI Ama Délali");
    expect(text).toContain("Date de naissance\n8 mars 1994");
    expect(text).toContain("Lieu de naissance\nKpalimé");
    expect(text).not.toContain("Afiwa");
    expect(doc.holderInitials).toBe("K. A. D.");
    const verified = await verifyDocument(handle.db, doc.code);
    expect(verified).toMatchObject({ holderInitials: "K. A. D.", holderBirthDate: "1994-03-08" });
    expect(JSON.stringify(verified)).not.toContain("Koffi");
  });

  it("filed for another person: the form's person, not the account holder", async () => {
    const { doc, text } = await acceptedCase({ nom: "Mensah", prenoms: "Yao Kodjo", date_naissance: "2012-01-30", lieu_naissance: "Lomé", niu: "1234567890" }, { fullName: "Yao Mensah", relationship: "enfant" });
    expect(text).toContain("MENSAH Yao Kodjo");
    expect(text).toContain("Numéro d'identification unique (NIU)\n1234567890");
    expect(text).not.toContain("Afiwa Dossou");
    expect(doc.holderInitials).toBe("M. Y. K.");
  });
});
