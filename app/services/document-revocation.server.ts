/**
 * Revocation of an issued document by a supervisor of the case's office (a wrong or fraudulent
 * document): issued_document.revoked_at and revoked_reason are set, /verifier shows "révoqué"
 * from then on, the citizen is told through the outbox, and the audit log keeps who did it
 * (case.document_revoke, without the reason: the administrators read no case content).
 */
import { and, eq, isNull } from "drizzle-orm";
import { cases, issuedDocuments, procedures, users } from "../../db/schema";
import type { SessionUser } from "~/domain/user";
import type { Database } from "~/utils/db.server";
import { audit } from "./audit.server";
import { enqueueNotifications } from "./outbox.server";
import { notificationsFor, notifiedUserColumns } from "./routing-data.server";
import { findStaffCase } from "./staff-cases.server";

export const REVOCATION_REASON_MAX = 2000;

export type RevocationError = "not_found" | "not_allowed" | "reason_required" | "already_revoked";

export async function revokeIssuedDocument(
  db: Database,
  input: {
    user: SessionUser;
    reference: string;
    code: string;
    reason: string;
    ip?: string | null;
    requestId?: string | null;
    baseUrl?: string;
    now?: Date;
  },
): Promise<{ ok: true; code: string } | { ok: false; error: RevocationError }> {
  const reason = input.reason.trim().slice(0, REVOCATION_REASON_MAX);
  const found = await findStaffCase(db, input.user, input.reference);
  if (!found) return { ok: false, error: "not_found" };
  if (found.role !== "supervisor") return { ok: false, error: "not_allowed" };
  if (!reason) return { ok: false, error: "reason_required" };
  const now = input.now ?? new Date();
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(issuedDocuments)
      .set({ revokedAt: now, revokedReason: reason })
      .where(and(eq(issuedDocuments.caseId, found.id), eq(issuedDocuments.code, input.code), isNull(issuedDocuments.revokedAt)))
      .returning({ code: issuedDocuments.code });
    if (!revoked) {
      const [exists] = await tx
        .select({ code: issuedDocuments.code })
        .from(issuedDocuments)
        .where(and(eq(issuedDocuments.caseId, found.id), eq(issuedDocuments.code, input.code)));
      return {
        ok: false as const,
        error: exists ? ("already_revoked" as const) : ("not_found" as const),
      };
    }
    const [applicant] = await tx
      .select({
        ...notifiedUserColumns,
        procedureTitleFr: procedures.titleFr,
        procedureTitleEn: procedures.titleEn,
      })
      .from(cases)
      .innerJoin(users, eq(users.id, cases.applicantId))
      .innerJoin(procedures, eq(procedures.id, cases.procedureId))
      .where(eq(cases.id, found.id));
    if (applicant) {
      const url = input.baseUrl
        ? {
            url: `${input.baseUrl.replace(/\/$/, "")}/mon-espace/dossiers/${found.reference}`,
          }
        : {};
      await enqueueNotifications(
        tx,
        notificationsFor(applicant, "document_revoked", {
          reference: found.reference,
          code: revoked.code,
          procedure: applicant.locale === "en" ? applicant.procedureTitleEn : applicant.procedureTitleFr,
          ...url,
        }),
      );
    }
    await audit(tx, {
      action: "case.document_revoke",
      actorId: input.user.id,
      targetType: "case",
      targetId: found.reference,
      ip: input.ip ?? null,
      requestId: input.requestId ?? null,
      details: { documentCode: revoked.code, status: found.status },
    });
    return { ok: true as const, code: revoked.code };
  });
}
