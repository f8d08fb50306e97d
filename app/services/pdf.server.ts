/**
 * What the portal's PDFs share (the receipt, issued documents): A4 page, margins, colours, the
 * standard Helvetica's character set, line wrapping and QR codes drawn as vector squares.
 */
import { rgb, type PDFFont, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";

export const A4: [number, number] = [595.28, 841.89];
export const MARGIN = 56;
export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.3, 0.3, 0.3);

/**
 * The standard Helvetica speaks WinAnsi (French accents, « », —, œ are in it); what Intl puts in
 * numbers and dates (narrow no-break spaces) and anything else outside it is replaced.
 */
export function encodable(font: PDFFont, text: string): string {
  const supported = new Set(font.getCharacterSet());
  return [...text.replace(/[\u202f\u2009\u2007]/g, "\u00a0").replace(/[\u2010\u2011]/g, "-")]
    .map((char) => (supported.has(char.codePointAt(0)!) ? char : "?"))
    .join("");
}

/** Lines of at most `width` points. */
export function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A QR code for `url`, `size` points wide, its lower-left corner at (x, y). */
export function drawQrCode(page: PDFPage, url: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: "M" });
  const quiet = 2;
  const cell = size / (modules.size + 2 * quiet);
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      // One rectangle per run of dark modules in the row.
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      page.drawRectangle({
        x: x + (quiet + start) * cell,
        y: y + size - (quiet + row + 1) * cell,
        width: (col - start) * cell,
        height: cell,
        color: BLACK,
      });
    }
  }
}
