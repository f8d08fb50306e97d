import { PDFDocument, StandardFonts, type PDFFont } from "pdf-lib";
import { A4, BLACK, drawQrCode, encodable, GREY, MARGIN, wrap } from "./pdf.server";
import type { ReceiptModel } from "./receipt.server";

/** Translated texts of the PDF (namespace `receipt`, section `receipt`). */
export interface ReceiptLabels {
  title: string;
  intro: string;
  reference: string;
  procedure: string;
  filedAt: string;
  applicant: string;
  onBehalfOf: string;
  onBehalfOfValue: (name: string, relationship: string) => string;
  office: string;
  officeQueued: string;
  expected: string;
  expectedUnknown: string;
  fee: string;
  feeFree: string;
  qrCaption: string;
  issuedBy: string;
  pdfTitle: string;
  pdfSubject: string;
}

/** The receipt as a one-page A4 PDF, with a QR code to the tracking page drawn as squares. */
export async function buildReceiptPdf(model: ReceiptModel, labels: ReceiptLabels, options: { now?: Date } = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(labels.pdfTitle);
  pdf.setSubject(labels.pdfSubject);
  pdf.setAuthor("Guichet");
  pdf.setCreator("Guichet");
  pdf.setProducer("Guichet");
  pdf.setKeywords([model.reference]);
  pdf.setCreationDate(options.now ?? new Date());
  const page = pdf.addPage(A4);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const textWidth = A4[0] - 2 * MARGIN;
  let y = A4[1] - MARGIN;

  const write = (text: string, font: PDFFont, size: number, color = BLACK, width = textWidth) => {
    for (const line of wrap(font, encodable(font, text), size, width)) {
      y -= size * 1.3;
      page.drawText(line, { x: MARGIN, y, size, font, color });
    }
  };

  write(labels.issuedBy, bold, 10, GREY);
  y -= 12;
  write(labels.title, bold, 22);
  y -= 6;
  write(labels.intro, regular, 10.5, GREY);
  y -= 14;
  write(labels.reference, regular, 10, GREY);
  write(model.reference, bold, 24);
  y -= 10;

  const rows: [string, string][] = [
    [labels.procedure, model.procedure],
    [labels.filedAt, model.filedAt],
    [labels.applicant, model.applicant],
    ...(model.onBehalfOf
      ? [[labels.onBehalfOf, labels.onBehalfOfValue(model.onBehalfOf.name, model.onBehalfOf.relationship)] as [string, string]]
      : []),
    [labels.office, model.office ?? labels.officeQueued],
    [labels.expected, model.expected ?? labels.expectedUnknown],
    [labels.fee, model.fee ?? labels.feeFree],
  ];
  for (const [label, value] of rows) {
    y -= 8;
    write(label, bold, 10.5);
    write(value, regular, 11.5);
  }

  y -= 24;
  write(labels.qrCaption, regular, 10.5);
  const qrSize = 120;
  y -= qrSize + 8;
  drawQrCode(page, model.trackingUrl, MARGIN, y, qrSize);
  y -= 4;
  write(model.trackingUrl, regular, 9, GREY);

  return pdf.save({ useObjectStreams: false });
}

/** The QR code's dark modules as black squares, bottom-left corner at (x, y). */
