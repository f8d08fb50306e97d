import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { LOCALES } from "~/domain/constants";
import { gsm7Length, listTemplates, renderNotification, templateVariables, toGsm7 } from "./render.server";
import { PermanentNotificationError } from "./types";

/**
 * Realistic, rather long payloads: a reset link as auth.server.ts builds it (32-character token)
 * on a longer host than the real one, a long Togolese name.
 */
const PAYLOADS: Record<string, Record<string, unknown>> = {
  password_reset: { url: "https://services.guichet.gouv.tg/mot-de-passe/nouveau?token=k7w2m4q9x3c8v5b1n6z0r2t4y7u9p3a5" },
  account_created: { name: "Akouvi Ablavi Adjoa Mensah-Amégavi" },
  sign_up_confirmation: {
    name: "Akouvi Ablavi Adjoa Mensah-Amégavi",
    url: "https://services.guichet.gouv.tg/inscription/confirmer?token=k7w2m4q9x3c8v5b1n6z0r2t4y7u9p3a5",
  },
  sign_up_existing_account: { url: "https://services.guichet.gouv.tg/connexion", resetUrl: "https://services.guichet.gouv.tg/mot-de-passe-oublie" },
  staff_invitation: {
    name: "Akouvi Ablavi Adjoa Mensah-Amégavi",
    url: "https://services.guichet.gouv.tg/mot-de-passe/nouveau?token=k7w2m4q9x3c8v5b1n6z0r2t4y7u9p3a5",
  },
  incident_subscription_confirmation: {
    scope: "Ministère de l'Économie et des Finances",
    url: "https://services.guichet.gouv.tg/etat-des-services/abonnement/confirmer?t=k7w2m4q9x3c8v5b1n6z0r2t4y7u9p3a5",
    code: "042917",
  },
  incident_subscription_confirmed: {
    scope: "Ministère de l'Économie et des Finances",
    url: "https://services.guichet.gouv.tg/desabonnement?t=k7w2m4q9x3c8v5b1n6z0r2t4y7u9p3a5",
  },
  incident_alert: {
    site: "Direction générale des transports routiers — Kara",
    code: "KAR-017",
    region: "Kara",
    status: "Interrompu",
    at: "2026-11-22 14:05 UTC",
    statusUrl: "https://services.guichet.gouv.tg/etat-des-services",
    url: "https://services.guichet.gouv.tg/desabonnement?t=k7w2m4q9x3c8v5b1n6z0r2t4y7u9p3a5",
  },
  office_outage: {
    officeName: "Centre d'état civil — mairie de Golfe 1 (Bè)",
    references: "TG-2026-7K4M-Q2P9, TG-2026-8H3N-R5T1, TG-2026-2B6C-W9X4 (+2)",
    outageId: 1,
  },
  office_maintenance: {
    officeName: "Centre d'état civil — mairie de Golfe 1 (Bè)",
    references: "TG-2026-7K4M-Q2P9, TG-2026-8H3N-R5T1, TG-2026-2B6C-W9X4 (+2)",
    outageId: 1,
  },
  office_outage_staff: { officeName: "Centre d'état civil — mairie de Golfe 1 (Bè)", outageId: 1, status: "down" },
  case_forwarded: { reference: "TG-2026-7K4M-Q2P9", officeName: "Centre d'état civil — mairie de Golfe 1 (Bè)" },
  case_rerouted: { reference: "TG-2026-7K4M-Q2P9", officeName: "Centre d'état civil — mairie de Golfe 1 (Bè)" },
  case_submitted: {
    reference: "TG-2026-7K4M-Q2P9",
    procedure: "Demande d'extrait de casier judiciaire (bulletin n° 3)",
    officeName: "Centre d'état civil — mairie de Golfe 1 (Bè)",
    dueDate: "15 décembre 2026",
    url: "https://services.guichet.gouv.tg/mon-espace/dossiers/TG-2026-7K4M-Q2P9",
  },
  case_queued: { reference: "TG-2026-7K4M-Q2P9", procedure: "Demande d'extrait de casier judiciaire (bulletin n° 3)" },
  case_new_staff: { reference: "TG-2026-7K4M-Q2P9", procedure: "Demande d'extrait de casier judiciaire (bulletin n° 3)" },
  case_info_requested: {
    reference: "TG-2026-7K4M-Q2P9",
    message: "La copie de votre acte de naissance est illisible : merci d'envoyer une copie nette, les quatre coins visibles, et votre certificat de résidence de moins de trois mois.",
  },
  case_info_answered_staff: { reference: "TG-2026-7K4M-Q2P9" },
  case_message: { reference: "TG-2026-7K4M-Q2P9" },
  case_message_staff: { reference: "TG-2026-7K4M-Q2P9" },
  case_withdrawn_staff: { reference: "TG-2026-7K4M-Q2P9" },
  case_status_changed: { reference: "TG-2026-7K4M-Q2P9", status: "Classé sans suite" },
  case_info_reminder: { reference: "TG-2026-7K4M-Q2P9", dueDate: "15 décembre 2026" },
  case_document_issued: {
    reference: "TG-2026-7K4M-Q2P9",
    procedure: "Demande d'extrait de casier judiciaire (bulletin n° 3)",
    url: "https://services.guichet.gouv.tg/mon-espace/dossiers/TG-2026-7K4M-Q2P9",
  },
  document_revoked: {
    reference: "TG-2026-7K4M-Q2P9",
    code: "7K4MQ-2P9XW",
    procedure: "Demande d'extrait de casier judiciaire (bulletin n° 3)",
    url: "https://services.guichet.gouv.tg/mon-espace/dossiers/TG-2026-7K4M-Q2P9",
  },
  case_ready: {
    reference: "TG-2026-7K4M-Q2P9",
    instructions: "Présentez-vous au guichet 3 du lundi au vendredi, de 8 h à 15 h, avec votre carte d'identité et le récépissé.",
  },
  case_transferred: { reference: "TG-2026-7K4M-Q2P9", officeName: "Centre d'état civil — mairie de Golfe 1 (Bè)" },
  case_transferred_staff: {
    reference: "TG-2026-7K4M-Q2P9",
    fromOffice: "Tribunal de première instance de Lomé",
    reason: "Le demandeur est né à Kara : l'extrait relève du tribunal de Kara.",
  },
  case_assigned_staff: { reference: "TG-2026-7K4M-Q2P9" },
  monitoring_interrupted_source_silent: { count: 543, sites: "LOM-001, LOM-002, LOM-003, LOM-004, LOM-005…" },
  monitoring_interrupted_mass_silence: { count: 543, sites: "LOM-001, LOM-002, LOM-003, LOM-004, LOM-005…" },
  monitoring_interrupted_target_unreachable: { count: 17, sites: "KAR-001, KAR-002, KAR-003, KAR-004, KAR-005…" },
};

function readLocale(lng: string) {
  return JSON.parse(readFileSync(resolve("locales", lng, "notifications.json"), "utf8")) as Record<string, Record<string, string>>;
}

describe("notification templates", () => {
  const templates = listTemplates();

  it("include the ones the foundation needs", () => {
    expect(templates).toEqual(expect.arrayContaining(["password_reset", "account_created"]));
  });

  it.each(LOCALES)("have subject, body and sms for every template in %s", (lng) => {
    const file = readLocale(lng);
    for (const template of templates) {
      for (const part of ["subject", "body", "sms"]) {
        expect(typeof file[template]?.[part], `${lng}: ${template}.${part}`).toBe("string");
        expect(file[template]?.[part]?.trim(), `${lng}: ${template}.${part}`).not.toBe("");
      }
    }
  });

  it("use the same variables in both languages and have a realistic test payload", () => {
    const fr = readLocale("fr");
    const en = readLocale("en");
    for (const template of templates) {
      expect(PAYLOADS[template], `add a test payload for ${template}`).toBeDefined();
      for (const part of ["subject", "body", "sms"]) {
        const vars = templateVariables(fr[template]?.[part] ?? "").sort();
        expect(templateVariables(en[template]?.[part] ?? "").sort(), `${template}.${part}`).toEqual(vars);
      }
    }
  });

  it.each(LOCALES)("render every SMS in %s under 160 GSM-7 characters", (lng) => {
    for (const template of templates) {
      const { text } = renderNotification(template, lng, "sms", PAYLOADS[template]);
      expect(text).not.toMatch(/\{\{|\}\}/);
      const length = gsm7Length(text);
      expect(length, `${lng}: ${template} is not GSM-7: ${text}`).not.toBeNull();
      expect(length, `${lng}: ${template} is ${length} characters: ${text}`).toBeLessThan(160);
    }
  });

  it("renders the password reset e-mail with its link, its validity and single use", () => {
    const url = PAYLOADS.password_reset?.url as string;
    const fr = renderNotification("password_reset", "fr", "email", { url });
    expect(fr.subject).toContain("mot de passe");
    expect(fr.text).toContain(url);
    expect(fr.text).toContain("30 minutes");
    expect(fr.text).toContain("une seule fois");
    expect(fr.html).toContain(`<a href="${url}">`);
    const en = renderNotification("password_reset", "en", "email", { url });
    expect(en.text).toContain("30 minutes");
    expect(en.text).toContain("only once");
    const sms = renderNotification("password_reset", "fr", "sms", { url });
    expect(sms.text).toContain(url);
    expect(sms.text).toContain("30 min");
  });

  it("escapes payload values in the HTML version", () => {
    const rendered = renderNotification("account_created", "fr", "email", { name: "<script>x</script>" });
    expect(rendered.text).toContain("<script>x</script>");
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html).toContain("&lt;script&gt;");
  });

  it("refuses an unknown template or a missing variable, permanently", () => {
    expect(() => renderNotification("nope", "fr", "email", {})).toThrow(PermanentNotificationError);
    expect(() => renderNotification("password_reset", "fr", "sms", {})).toThrow(/\{\{url\}\}/);
  });

  it("keeps SMS in the GSM alphabet", () => {
    expect(toGsm7("Kôffi Françoise « ok » – ê")).toBe('Koffi Francoise " ok " - e');
    expect(gsm7Length("é€")).toBe(3);
    expect(gsm7Length("ê")).toBeNull();
  });
});
