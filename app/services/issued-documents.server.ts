import { createHash, randomInt } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib";
import { agencies, attachments, issuedDocuments, offices, procedures, procedureVersions, cases, users } from "../../db/schema";
import { caseSubject, type CaseSubject } from "~/domain/forms/subject";
import type { Executor } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { i18next } from "~/utils/i18next.server";
import { A4, BLACK, drawQrCode, encodable, GREY, MARGIN, wrap } from "./pdf.server";
import { getFileStorage, newStorageKey } from "./storage";

/**
 * Documents the portal issues when an office accepts an electronic-delivery case: an A4 PDF with
 * a verification code and a QR code to /verifier/<code>, stored like any document (attachment
 * field "__issued", owned by the citizen) and recorded in issued_document. The document names the
 * case's subject as filed in the form (`caseSubject`), not the account holder. Anyone holding the
 * paper can check it on /verifier: the page shows only the holder's initials and birth date.
 */

/** Crockford base 32: no I, L, O, U (nothing to confuse when typed from paper). */
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const ISSUED_FIELD = "__issued";

/** A new code "XXXXX-XXXXX" (50 bits of randomness). */
export function generateVerificationCode(random: (max: number) => number = randomInt): string {
  const chars = Array.from({ length: 10 }, () => CROCKFORD[random(32)]!);
  return `${chars.slice(0, 5).join("")}-${chars.slice(5).join("")}`;
}

/** A code as typed: case, spaces and dashes ignored, O→0, I/L→1; null when it cannot be one. */
export function normalizeVerificationCode(typed: string): string | null {
  const compact = typed
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(compact)) return null;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}

/** "Akouvi Mensah" → "A. M."; at most three initials, hyphenated parts count once. */
export function holderInitials(fullName: string): string {
  const parts = fullName.trim().split(/\s+/).filter(Boolean);
  const initials = parts.map((p) => p.charAt(0).toLocaleUpperCase("fr") + ".");
  if (initials.length <= 3) return initials.join(" ");
  return [initials[0], initials[initials.length - 1]].join(" ");
}

export function verificationUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, "")}/verifier/${code}`;
}

export interface IssuedDocumentModel {
  code: string;
  procedureTitle: string;
  holderName: string;
  /** The identifying fields the procedure defines (birth date, place…), labelled and formatted. */
  holderDetails: { label: string; value: string }[];
  reference: string;
  officeName: string;
  agencyName: string;
  issuedAt: Date;
  verifyUrl: string;
}

/** The issued document as a one-page A4 PDF (French: the language of the administration). */
export async function buildIssuedDocumentPdf(model: IssuedDocumentModel): Promise<Uint8Array> {
  const t = await i18next.getFixedT("fr", "verify");
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${model.procedureTitle} — ${model.reference}`);
  pdf.setSubject(t("document.subject"));
  pdf.setAuthor(model.agencyName);
  pdf.setCreator("Guichet");
  pdf.setProducer("Guichet");
  pdf.setKeywords([model.reference, model.code]);
  pdf.setCreationDate(model.issuedAt);
  const page = pdf.addPage(A4);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const textWidth = A4[0] - 2 * MARGIN;
  let y = A4[1] - MARGIN;
  const write = (text: string, font: PDFFont, size: number, color = BLACK) => {
    for (const line of wrap(font, encodable(font, text), size, textWidth)) {
      y -= size * 1.3;
      page.drawText(line, { x: MARGIN, y, size, font, color });
    }
  };

  write(t("document.republic"), bold, 10, GREY);
  write(model.agencyName, regular, 10, GREY);
  y -= 18;
  write(model.procedureTitle, bold, 20);
  y -= 6;
  write(t("document.intro"), regular, 10.5, GREY);
  y -= 10;
  const rows: [string, string][] = [
    [t("document.holder"), model.holderName],
    ...model.holderDetails.map((d): [string, string] => [d.label, d.value]),
    [t("document.reference"), model.reference],
    [t("document.office"), model.officeName],
    [t("document.issuedAt"), formatDate(model.issuedAt, "fr")],
    [t("document.code"), model.code],
  ];
  for (const [label, value] of rows) {
    y -= 8;
    write(label, bold, 10.5);
    write(value, regular, 12);
  }
  y -= 24;
  write(t("document.verifyCaption"), regular, 10.5);
  const qrSize = 120;
  y -= qrSize + 8;
  drawQrCode(page, model.verifyUrl, MARGIN, y, qrSize);
  y -= 4;
  write(model.verifyUrl, regular, 9, GREY);
  return pdf.save({ useObjectStreams: false });
}

/**
 * Issue the document of an accepted case in the caller's transaction: the PDF is stored first,
 * then the attachment and issued_document rows. `onStored` receives the storage key so that the
 * caller can remove the file if its transaction fails.
 */
export async function issueDocument(
  tx: Executor,
  input: {
    caseId: string;
    reference: string;
    ownerId: string;
    officeId: number;
    baseUrl: string;
    now: Date;
    onStored: (storageKey: string) => void;
  },
): Promise<{ code: string; attachmentId: string }> {
  const [info] = await tx
    .select({ procedureTitle: procedures.titleFr, officeName: offices.name, agencyName: agencies.nameFr })
    .from(cases)
    .innerJoin(procedures, eq(procedures.id, cases.procedureId))
    .innerJoin(offices, eq(offices.id, input.officeId))
    .innerJoin(agencies, eq(agencies.id, offices.agencyId))
    .where(eq(cases.id, input.caseId));
  if (!info) throw new Error(`issueDocument: case ${input.caseId} not found`);
  const subject = await subjectOf(tx, input.caseId);

  let code = generateVerificationCode();
  for (let i = 0; i < 5; i++) {
    const [taken] = await tx.select({ id: issuedDocuments.id }).from(issuedDocuments).where(eq(issuedDocuments.code, code));
    if (!taken) break;
    code = generateVerificationCode();
  }
  const bytes = await buildIssuedDocumentPdf({
    code,
    procedureTitle: info.procedureTitle,
    holderName: subject.fullName,
    holderDetails: subject.details.map((d) => ({ label: d.label.fr, value: d.type === "date" ? formatDate(`${d.value}T12:00:00Z`, "fr") : d.value })),
    reference: input.reference,
    officeName: info.officeName,
    agencyName: info.agencyName,
    issuedAt: input.now,
    verifyUrl: verificationUrl(input.baseUrl, code),
  });
  const storageKey = newStorageKey();
  input.onStored(storageKey);
  await getFileStorage().put(storageKey, bytes, { contentType: "application/pdf" });
  const [attachment] = await tx
    .insert(attachments)
    .values({
      ownerId: input.ownerId,
      caseId: input.caseId,
      fieldName: ISSUED_FIELD,
      filename: `${input.reference}-${code}.pdf`,
      mimeType: "application/pdf",
      sizeBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      storageKey,
      scanStatus: "clean",
      createdAt: input.now,
    })
    .returning({ id: attachments.id });
  await tx.insert(issuedDocuments).values({
    code,
    caseId: input.caseId,
    attachmentId: attachment!.id,
    officeId: input.officeId,
    holderInitials: holderInitials(subject.fullName),
    issuedAt: input.now,
  });
  return { code, attachmentId: attachment!.id };
}

/** Whom a case is about, as filed (the one place that decides whom an issued document names). */
async function subjectOf(executor: Executor, caseId: string): Promise<CaseSubject> {
  const [row] = await executor
    .select({ data: cases.data, definition: procedureVersions.definition, onBehalfOf: cases.onBehalfOf, accountName: users.fullName })
    .from(cases)
    .innerJoin(procedureVersions, eq(procedureVersions.id, cases.procedureVersionId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .where(eq(cases.id, caseId));
  if (!row) throw new Error(`subjectOf: case ${caseId} not found`);
  return caseSubject(row.definition, row.data, { onBehalfOf: row.onBehalfOf ?? null, accountName: row.accountName });
}

export interface VerifiedDocument {
  code: string;
  valid: boolean;
  revokedAt: Date | null;
  procedureTitleFr: string;
  procedureTitleEn: string;
  holderInitials: string;
  /** ISO date, when the procedure asks for one: what a checker compares with the paper. */
  holderBirthDate: string | null;
  issuedAt: Date;
  officeName: string;
  agencyNameFr: string;
  agencyNameEn: string;
}

/** What /verifier shows of a code: nothing personal beyond the initials and birth date. Null for an unknown code. */
export async function verifyDocument(executor: Executor, typed: string): Promise<VerifiedDocument | null> {
  const code = normalizeVerificationCode(typed);
  if (!code) return null;
  const [row] = await executor
    .select({
      code: issuedDocuments.code,
      caseId: issuedDocuments.caseId,
      revokedAt: issuedDocuments.revokedAt,
      holderInitials: issuedDocuments.holderInitials,
      issuedAt: issuedDocuments.issuedAt,
      procedureTitleFr: procedures.titleFr,
      procedureTitleEn: procedures.titleEn,
      officeName: offices.name,
      agencyNameFr: agencies.nameFr,
      agencyNameEn: agencies.nameEn,
    })
    .from(issuedDocuments)
    .innerJoin(cases, eq(cases.id, issuedDocuments.caseId))
    .innerJoin(procedures, eq(procedures.id, cases.procedureId))
    .innerJoin(offices, eq(offices.id, issuedDocuments.officeId))
    .innerJoin(agencies, eq(agencies.id, offices.agencyId))
    .where(eq(issuedDocuments.code, code));
  if (!row) return null;
  const { caseId, ...shown } = row;
  const subject = await subjectOf(executor, caseId);
  return { ...shown, holderBirthDate: subject.birthDate, valid: row.revokedAt === null };
}

/** The issued documents of a case still valid (for the case pages). */
export async function issuedDocumentsOf(executor: Executor, caseId: string) {
  return executor
    .select({ code: issuedDocuments.code, attachmentId: issuedDocuments.attachmentId, issuedAt: issuedDocuments.issuedAt, revokedAt: issuedDocuments.revokedAt })
    .from(issuedDocuments)
    .where(and(eq(issuedDocuments.caseId, caseId), isNull(issuedDocuments.revokedAt)));
}
