import type { FormSection } from "../../../../app/domain/forms/definition";
import { IMAGE_TYPES, applicantSection, contactSection, declarationSection, doc, l, option, upload, when, type ProcedureSeed } from "./fields";

const MARITAL_STATUS = [
  option("celibataire", "Célibataire", "Single"),
  option("marie", "Marié(e)", "Married"),
  option("divorce", "Divorcé(e)", "Divorced"),
  option("veuf", "Veuf ou veuve", "Widowed"),
];

/** Physical description printed on identity documents. */
function descriptionSection(): FormSection {
  return {
    id: "signalement",
    title: l("Signalement", "Physical description"),
    fields: [
      { type: "number", name: "taille_cm", label: l("Taille (en centimètres)", "Height (in centimetres)"), required: true, min: 50, max: 230, integer: true },
      { type: "select", name: "situation_matrimoniale", label: l("Situation matrimoniale", "Marital status"), required: true, options: MARITAL_STATUS },
      { type: "text", name: "profession", label: l("Profession", "Occupation"), required: true, maxLength: 80 },
      { type: "textarea", name: "signes_particuliers", label: l("Signes particuliers", "Distinguishing marks"), required: false, maxLength: 200 },
    ],
  };
}

export const passeport: ProcedureSeed = {
  slug: "passeport",
  titleFr: "Passeport biométrique (première demande ou renouvellement)",
  titleEn: "Biometric passport (first application or renewal)",
  summaryFr:
    "Déposer en ligne votre demande de passeport ordinaire biométrique, puis vous présenter au rendez-vous pour la prise des empreintes et de la photo. Le passeport est remis au centre choisi.",
  summaryEn:
    "File your application for an ordinary biometric passport online, then attend the appointment for fingerprints and photo. The passport is handed over at the chosen centre.",
  eligibilityFr: "Tout citoyen togolais. Pour un mineur, la demande est faite par un parent ou le tuteur légal.",
  eligibilityEn: "Any Togolese citizen. For a minor, a parent or legal guardian applies.",
  category: "identity",
  agencyCode: "DGDN",
  feeXof: 50_000,
  targetDelayDays: 10,
  delivery: "pickup",
  requiredDocuments: [
    doc("acte_naissance", "Copie intégrale de l'acte de naissance", "Full copy of the birth certificate"),
    doc("certificat_nationalite", "Certificat de nationalité togolaise", "Certificate of Togolese nationality"),
    doc("photo", "Photo d'identité numérique", "Digital passport photo"),
    doc("ancien_passeport", "Ancien passeport (renouvellement)", "Previous passport (renewal)"),
    doc("declaration_perte", "Déclaration de perte ou de vol (commissariat)", "Police report of loss or theft"),
  ],
  keywords: ["passeport", "biometrique", "voyage", "visa", "renouvellement", "passport", "dgdn"],
  status: "published",
  publishedAt: "2025-01-20T08:00:00Z",
  definition: {
    sections: [
      {
        id: "type",
        title: l("Type de demande", "Type of application"),
        fields: [
          {
            type: "radio",
            name: "type_demande",
            label: l("Il s'agit", "This is"),
            required: true,
            options: [
              option("premiere", "d'une première demande", "a first application"),
              option("renouvellement", "d'un renouvellement (passeport expiré ou bientôt expiré)", "a renewal (expired or expiring passport)"),
              option("perte", "d'un remplacement après perte ou vol", "a replacement after loss or theft"),
            ],
          },
          { type: "text", name: "numero_ancien_passeport", label: l("Numéro de l'ancien passeport", "Number of the previous passport"), required: true, maxLength: 12, showIf: when("type_demande", "renouvellement", "perte") },
        ],
      },
      applicantSection([], { nationalIdRequired: true }),
      descriptionSection(),
      {
        id: "rendez_vous",
        title: l("Rendez-vous biométrique", "Biometric appointment"),
        fields: [
          { type: "date", name: "date_souhaitee", label: l("Date souhaitée pour le rendez-vous", "Preferred appointment date"), hint: l("Le centre confirme la date par SMS.", "The centre confirms the date by text message."), required: true, range: "future" },
          { type: "phone", name: "contact_urgence", label: l("Téléphone d'une personne à prévenir", "Phone of an emergency contact"), required: false },
        ],
      },
      {
        id: "pieces",
        title: l("Pièces justificatives", "Supporting documents"),
        fields: [
          upload("acte_naissance", l("Acte de naissance", "Birth certificate"), { document: "acte_naissance" }),
          upload("certificat_nationalite", l("Certificat de nationalité", "Nationality certificate"), { document: "certificat_nationalite" }),
          upload("photo", l("Photo d'identité", "Passport photo"), { document: "photo", accept: IMAGE_TYPES, maxSizeMb: 2, hint: l("Fond blanc, visage de face, sans lunettes, JPEG ou PNG, 2 Mo au plus.", "White background, face forward, no glasses, JPEG or PNG, 2 MB at most.") }),
          upload("ancien_passeport", l("Page d'identité de l'ancien passeport", "Identity page of the previous passport"), { document: "ancien_passeport", showIf: when("type_demande", "renouvellement") }),
          upload("declaration_perte", l("Déclaration de perte ou de vol", "Police report of loss or theft"), { document: "declaration_perte", showIf: when("type_demande", "perte") }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};

export const carteIdentite: ProcedureSeed = {
  slug: "carte-nationale-identite",
  titleFr: "Carte nationale d'identité",
  titleEn: "National identity card",
  summaryFr:
    "Demander ou renouveler la carte nationale d'identité (CNI). Après le dépôt en ligne, présentez-vous au centre pour les empreintes ; la carte y est retirée.",
  summaryEn:
    "Apply for or renew the national identity card (CNI). After filing online, go to the centre for fingerprints; the card is collected there.",
  eligibilityFr: "Tout Togolais âgé d'au moins 15 ans.",
  eligibilityEn: "Any Togolese national aged 15 or over.",
  category: "identity",
  agencyCode: "DGDN",
  feeXof: 5_000,
  targetDelayDays: 15,
  delivery: "pickup",
  requiredDocuments: [
    doc("acte_naissance", "Copie de l'acte de naissance", "Copy of the birth certificate"),
    doc("certificat_nationalite", "Certificat de nationalité togolaise", "Certificate of Togolese nationality"),
    doc("photo", "Photo d'identité numérique", "Digital passport photo"),
  ],
  keywords: ["carte", "identite", "cni", "carte nationale", "piece", "identity card", "id card"],
  status: "published",
  publishedAt: "2025-01-20T08:00:00Z",
  definition: {
    sections: [
      {
        id: "type",
        title: l("Type de demande", "Type of application"),
        fields: [
          {
            type: "select",
            name: "type_demande",
            label: l("Motif", "Reason"),
            required: true,
            options: [
              option("premiere", "Première demande", "First application"),
              option("renouvellement", "Renouvellement (carte expirée)", "Renewal (expired card)"),
              option("perte", "Perte ou vol", "Loss or theft"),
              option("modification", "Changement d'état civil ou d'adresse", "Change of civil status or address"),
            ],
          },
          { type: "text", name: "numero_ancienne_carte", label: l("Numéro de l'ancienne carte", "Number of the previous card"), required: false, maxLength: 20, showIf: when("type_demande", "renouvellement", "perte", "modification") },
        ],
      },
      applicantSection([{ type: "text", name: "domicile", label: l("Domicile (ville et quartier)", "Home (town and neighbourhood)"), required: true, maxLength: 120 }]),
      descriptionSection(),
      {
        id: "pieces",
        title: l("Pièces justificatives", "Supporting documents"),
        fields: [
          upload("acte_naissance", l("Acte de naissance", "Birth certificate"), { document: "acte_naissance" }),
          upload("certificat_nationalite", l("Certificat de nationalité", "Nationality certificate"), { document: "certificat_nationalite" }),
          upload("photo", l("Photo d'identité", "Passport photo"), { document: "photo", accept: IMAGE_TYPES, maxSizeMb: 2, hint: l("Fond blanc, visage de face, JPEG ou PNG, 2 Mo au plus.", "White background, face forward, JPEG or PNG, 2 MB at most.") }),
          upload("declaration_perte", l("Déclaration de perte ou de vol", "Police report of loss or theft"), { showIf: when("type_demande", "perte") }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};
