import { redirect } from "@remix-run/node";
import QRCode from "qrcode";
import type { Locale } from "~/domain/constants";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatDateTime, formatFcfa } from "~/utils/format";
import { requireOwnCase, type OwnCase } from "./case-access.server";

/**
 * One of the signed-in citizen's filed cases for the confirmation, receipt and tracking-code
 * pages: another citizen's or an unknown reference is a 404; a draft goes back to its form.
 */
export async function requireFiledCase(request: Request, reference: string | undefined) {
  const user = await requireUser(request);
  const found = await requireOwnCase(await getDb(), user.id, reference);
  if (found.status === "draft") throw redirect(`/mon-espace/dossiers/${found.reference}/formulaire`);
  return { user, found };
}

/** Everything the receipt shows, already formatted for one language. */
export interface ReceiptModel {
  reference: string;
  procedure: string;
  filedAt: string;
  applicant: string;
  onBehalfOf: { name: string; relationship: string } | null;
  /** Null while the case waits in the queue. */
  office: string | null;
  expected: string | null;
  /** Null when the procedure is free. */
  fee: string | null;
  trackingUrl: string;
}

/** The public tracking page of a case, with the reference filled in (what the QR code opens). */
export function trackingUrl(baseUrl: string, reference: string): string {
  return `${baseUrl.replace(/\/$/, "")}/suivi?${new URLSearchParams({ reference })}`;
}

export function receiptModel(found: OwnCase, applicantName: string, locale: Locale, baseUrl: string): ReceiptModel {
  const onBehalf = found.onBehalfOf?.fullName?.trim() ? found.onBehalfOf : null;
  return {
    reference: found.reference,
    procedure: locale === "en" ? found.procedure.titleEn : found.procedure.titleFr,
    filedAt: formatDateTime(found.submittedAt ?? found.createdAt, locale),
    applicant: applicantName,
    onBehalfOf: onBehalf ? { name: onBehalf.fullName, relationship: onBehalf.relationship } : null,
    office: found.office?.name ?? null,
    expected: found.dueAt ? formatDate(found.dueAt, locale) : null,
    fee: found.procedure.feeXof > 0 ? formatFcfa(found.procedure.feeXof, locale) : null,
    trackingUrl: trackingUrl(baseUrl, found.reference),
  };
}

/** The QR code as an inline SVG (no script, no style attribute: allowed by the page's CSP). */
export function qrCodeSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}
