/**
 * Plausible answers to any procedure form, derived from its definition: the e2e journeys type them
 * into the pages (e2e/case-filing.ts) and the e2e factory files cases with them
 * (app/services/dev-factories.server.ts).
 */
import type { FormField } from "../../app/domain/forms/definition";

function isoDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** A plausible answer to a field; null for a file (see sampleFile). */
export function sampleAnswer(field: FormField): string | string[] | null {
  switch (field.type) {
    case "text":
      return (field.name.includes("nom") ? "Mensah" : "Lomé, quartier Tokoin").slice(0, field.maxLength ?? 100);
    case "textarea":
      return "Rue 254, quartier Tokoin, Lomé";
    case "date":
      return field.range === "future" ? isoDate(20) : "1990-05-12";
    case "number":
      return String(field.min ?? 1);
    case "select":
    case "radio":
      return field.options[0]!.value;
    case "checkbox":
      return field.options ? [field.options[0]!.value] : "on";
    case "email":
      return "contact@exemple.tg";
    case "phone":
      return "+228 90 12 34 56";
    case "national_id":
      return "1234567890";
    case "file":
      return null;
  }
}

/** A tiny but real PDF (recognised by its content). */
export const SAMPLE_PDF = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
/** A 1 × 1 PNG (recognised by its content). */
export const SAMPLE_PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/** A file a file field accepts: a PDF where PDFs are accepted, else a PNG. */
export function sampleFile(field: Extract<FormField, { type: "file" }>): { filename: string; mimeType: string; bytes: Buffer } {
  return field.accept.includes("application/pdf")
    ? { filename: "piece-justificative.pdf", mimeType: "application/pdf", bytes: SAMPLE_PDF }
    : { filename: "photo.png", mimeType: "image/png", bytes: SAMPLE_PNG };
}
