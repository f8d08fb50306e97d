import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, csvLine, csvNumber, csvStream } from "./csv";

describe("CSV for a French spreadsheet", () => {
  it("writes numbers with a decimal comma and no thousands separator", () => {
    expect(csvNumber(5.5)).toBe("5,5");
    expect(csvNumber(13.2345)).toBe("13,2");
    expect(csvNumber(12345)).toBe("12345");
    expect(csvNumber(null)).toBe("");
  });
  it("quotes what needs it and neutralises formulas", () => {
    expect(csvCell("Certificat; nationalité")).toBe('"Certificat; nationalité"');
    expect(csvCell('Dit "X"')).toBe('"Dit ""X"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+22890000000")).toBe("'+22890000000");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("a\nb")).toBe('"a\nb"');
    expect(csvLine(["Démarche", "Reçus"])).toBe("Démarche;Reçus\r\n");
  });
  it("streams the BOM and header first, then the rows", async () => {
    async function* rows() {
      yield [["1", "=x"]];
      yield [["2", "b"]];
    }
    const bytes = await new Response(csvStream(["A", "B"], rows())).arrayBuffer();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toBe(`${CSV_BOM}A;B\r\n1;'=x\r\n2;b\r\n`);
  });
});
