import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import type { FormDefinition } from "./forms/definition";
import { createProcedureSchema, fieldsProvidingDocument, moveItem, requiredDocumentSchema, slugify, toRequiredDocument, uniqueSlug, updateProcedureSchema } from "./procedure-admin";

const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.set(key, value);
  return data;
};

const valid = {
  titleFr: "Certificat de nationalité",
  titleEn: "Nationality certificate",
  summaryFr: "Résumé",
  summaryEn: "Summary",
  eligibilityFr: "Toute personne",
  eligibilityEn: "Anyone",
  category: "justice",
  agencyId: "3",
  feeXof: "1 000",
  targetDelayDays: "10",
  infoRequestExpiryDays: "30",
  delivery: "pickup",
};

describe("slugify", () => {
  it("makes an accent-free, lower-case, hyphenated address", () => {
    expect(slugify("Extrait d'acte de naissance (copie intégrale)")).toBe("extrait-d-acte-de-naissance-copie-integrale");
    expect(slugify("  Œuvre d'État — Lomé ")).toBe("oeuvre-d-etat-lome");
    expect(slugify("!!!")).toBe("demarche");
    expect(slugify("a".repeat(100)).length).toBe(80);
  });
  it("adds -2, -3… when taken", () => {
    expect(uniqueSlug("permis", new Set())).toBe("permis");
    expect(uniqueSlug("permis", new Set(["permis"]))).toBe("permis-2");
    expect(uniqueSlug("permis", new Set(["permis", "permis-2"]))).toBe("permis-3");
  });
});

describe("metadata schema", () => {
  it("parses a complete form, with spaces in the fee and no keywords", () => {
    const submission = parseWithZod(form(valid), { schema: createProcedureSchema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({ agencyId: 3, feeXof: 1000, targetDelayDays: 10, infoRequestExpiryDays: 30, keywords: "" });
  });
  it("names every problem with a key", () => {
    const submission = parseWithZod(form({ ...valid, titleFr: "  ", feeXof: "abc", targetDelayDays: "0", category: "", delivery: "" }), { schema: createProcedureSchema });
    expect(submission.status).toBe("error");
    const errors = submission.reply().error ?? {};
    expect(errors.titleFr).toEqual(["errors.titleFr.required"]);
    expect(errors.feeXof).toEqual(["errors.feeXof.invalid"]);
    expect(errors.targetDelayDays).toEqual(["errors.targetDelayDays.range"]);
    expect(errors.category).toEqual(["errors.category.required"]);
    expect(errors.delivery).toEqual(["errors.delivery.required"]);
  });
  it("checks the address when edited", () => {
    expect(parseWithZod(form({ ...valid, slug: "Bon-Slug" }), { schema: updateProcedureSchema }).status).toBe("success");
    const bad = parseWithZod(form({ ...valid, slug: "pas bon" }), { schema: updateProcedureSchema });
    expect(bad.reply().error?.slug).toEqual(["errors.slug.invalid"]);
  });
});

describe("required documents", () => {
  it("parses a document and wants a hint in both languages or none", () => {
    const ok = parseWithZod(form({ code: "piece_identite", labelFr: "Pièce d'identité", labelEn: "ID" }), { schema: requiredDocumentSchema });
    expect(ok.status).toBe("success");
    if (ok.status === "success") expect(toRequiredDocument(ok.value)).toEqual({ code: "piece_identite", label: { fr: "Pièce d'identité", en: "ID" } });
    const bad = parseWithZod(form({ code: "Pièce", labelFr: "x", labelEn: "y", hintFr: "Indice" }), { schema: requiredDocumentSchema });
    expect(bad.reply().error).toMatchObject({ code: ["errors.code.invalid"], hintEn: ["errors.hint.bothLanguages"] });
  });
  it("finds the file fields providing a document", () => {
    const definition: FormDefinition = {
      sections: [
        {
          id: "s",
          title: { fr: "S", en: "S" },
          fields: [
            { name: "scan", type: "file", label: { fr: "a", en: "a" }, required: true, accept: ["application/pdf"], maxSizeMb: 2, document: "cni" },
            { name: "nom", type: "text", label: { fr: "b", en: "b" }, required: true },
          ],
        },
      ],
    };
    expect(fieldsProvidingDocument([definition, definition], "cni")).toEqual(["scan"]);
    expect(fieldsProvidingDocument([definition], "autre")).toEqual([]);
  });
  it("moves an item up or down", () => {
    expect(moveItem(["a", "b", "c"], 1, "up")).toEqual(["b", "a", "c"]);
    expect(moveItem(["a", "b", "c"], 1, "down")).toEqual(["a", "c", "b"]);
    expect(moveItem(["a", "b"], 0, "up")).toEqual(["a", "b"]);
    expect(moveItem(["a", "b"], 1, "down")).toEqual(["a", "b"]);
  });
});
