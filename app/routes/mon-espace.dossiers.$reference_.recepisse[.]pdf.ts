import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildReceiptPdf, type ReceiptLabels } from "~/services/receipt-pdf.server";
import { receiptModel, requireFiledCase } from "~/services/receipt.server";
import { appBaseUrl } from "~/utils/auth.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";

const LABELS = [
  "title", "intro", "reference", "procedure", "filedAt", "applicant", "onBehalfOf", "office", "officeQueued",
  "expected", "expectedUnknown", "fee", "feeFree", "qrCaption", "issuedBy", "pdfTitle", "pdfSubject",
] as const satisfies readonly Exclude<keyof ReceiptLabels, "onBehalfOfValue">[];

/** The receipt as a one-page A4 PDF, downloaded as recepisse-<reference>.pdf. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, found } = await requireFiledCase(request, params.reference);
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "receipt");
  const labels: ReceiptLabels = {
    ...(Object.fromEntries(LABELS.map((key) => [key, t(`receipt.${key}`, { reference: found.reference })])) as Omit<ReceiptLabels, "onBehalfOfValue">),
    onBehalfOfValue: (name, relationship) =>
      t("receipt.onBehalfOfValue", { name, relationship: t(`receipt.relationships.${relationship}`, { defaultValue: relationship }) }),
  };
  const pdf = await buildReceiptPdf(receiptModel(found, user.fullName, locale, appBaseUrl()), labels);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="recepisse-${found.reference}.pdf"`,
      "Content-Length": String(pdf.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
