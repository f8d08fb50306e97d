/**
 * CSV for a spreadsheet in French (Excel, LibreOffice): UTF-8 with a byte order mark (Excel then
 * reads the accents), ';' between cells, CRLF line ends, decimal comma. Shared by every export
 * (inbox, statistics, audit log).
 */

/** Written once, before the header row. */
export const CSV_BOM = "\uFEFF";

/** One cell: quoted when needed; a leading = + - @ (or tab, CR) is neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One row, CRLF-terminated. */
export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(";")}\r\n`;
}

/** A number for a French spreadsheet: decimal comma, no thousands separator, at most `digits` decimals. */
export function csvNumber(value: number | null, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return "";
  const factor = 10 ** digits;
  return String(Math.round(value * factor) / factor).replace(".", ",");
}

/**
 * A CSV file streamed from an async source of rows: the BOM and header first (at once), then one
 * chunk per batch of rows. Cancelling the response stops the source.
 */
export function csvStream(header: readonly string[], batches: AsyncGenerator<string[][], void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${CSV_BOM}${csvLine(header)}`));
        return;
      }
      try {
        const next = await batches.next();
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(next.value.map(csvLine).join("")));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
