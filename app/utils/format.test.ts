import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatFcfa, formatNumber } from "./format";

// Intl separates thousands with a narrow no-break space in French; compare with plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatting for fr-TG and en", () => {
  it("writes FCFA amounts with French digit grouping and no decimals", () => {
    expect(plain(formatFcfa(5000, "fr"))).toBe("5 000 FCFA");
    expect(plain(formatFcfa(1250000, "fr"))).toBe("1 250 000 FCFA");
    expect(plain(formatFcfa(2500.4, "fr"))).toBe("2 500 FCFA");
    expect(plain(formatFcfa(5000, "en"))).toBe("5,000 FCFA");
  });

  it("formats numbers per language", () => {
    expect(plain(formatNumber(543, "fr"))).toBe("543");
    expect(plain(formatNumber(12345.5, "fr"))).toBe("12 345,5");
    expect(formatNumber(12345.5, "en")).toBe("12,345.5");
  });

  it("writes dates in Lomé time, in words", () => {
    expect(formatDate("2026-11-22T23:30:00Z", "fr")).toBe("22 novembre 2026");
    expect(formatDate(new Date("2026-01-05T00:00:00Z"), "en")).toBe("5 January 2026");
    expect(formatDate("2026-11-22T10:00:00Z", "fr", "short")).toBe("22/11/2026");
    expect(plain(formatDateTime("2026-11-22T14:05:00Z", "fr"))).toBe("22 novembre 2026 à 14:05");
  });
});
