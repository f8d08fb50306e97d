import { readFileSync } from "node:fs";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { buildReceiptPdf, type ReceiptLabels } from "./receipt-pdf.server";
import type { ReceiptModel } from "./receipt.server";

const labels = (lng: "fr" | "en", reference: string): ReceiptLabels => {
  const texts = JSON.parse(readFileSync(new URL(`../../locales/${lng}/receipt.json`, import.meta.url), "utf8")).receipt as Record<string, unknown>;
  const fill = (s: string) => s.replace("{{reference}}", reference);
  const filled = Object.fromEntries(Object.entries(texts).flatMap(([k, v]) => (typeof v === "string" ? [[k, fill(v)]] : [])));
  return { ...filled, onBehalfOfValue: (name: string, relationship: string) => `${name} (${relationship})` } as unknown as ReceiptLabels;
};

const model: ReceiptModel = {
  reference: "TG-2026-7K4M-Q2P9",
  procedure: "Extrait de casier judiciaire (bulletin n° 3) — démarche très demandée, avec un titre assez long pour tenir sur deux lignes de la page",
  filedAt: "4 mai 2026 à 09:30",
  applicant: "Afi Mensah",
  onBehalfOf: { name: "Kossi Mensah", relationship: "fils" },
  office: "Greffe du tribunal de première instance de Lomé — casier judiciaire et nationalité",
  expected: "7 mai 2026",
  // Intl puts a narrow no-break space in numbers: outside WinAnsi, it must not break the PDF.
  fee: "1\u202f000\u00a0FCFA",
  trackingUrl: "https://guichet.gouv.tg/suivi?reference=TG-2026-7K4M-Q2P9",
};

describe("buildReceiptPdf", () => {
  it("makes a one-page A4 PDF whose metadata name the case", async () => {
    const bytes = await buildReceiptPdf(model, labels("fr", model.reference), { now: new Date("2026-05-04T09:30:00Z") });
    expect(Buffer.from(bytes.slice(0, 5)).toString("latin1")).toBe("%PDF-");
    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.getTitle()).toBe("Récépissé de dépôt TG-2026-7K4M-Q2P9");
    expect(doc.getSubject()).toBe("Dossier TG-2026-7K4M-Q2P9");
    expect(doc.getKeywords()).toContain("TG-2026-7K4M-Q2P9");
  });

  it("writes English receipts and queued cases without an office or a date", async () => {
    const bytes = await buildReceiptPdf({ ...model, office: null, expected: null, fee: null, onBehalfOf: null }, labels("en", model.reference));
    const doc = await PDFDocument.load(bytes);
    expect(doc.getTitle()).toBe("Filing receipt TG-2026-7K4M-Q2P9");
  });
});
