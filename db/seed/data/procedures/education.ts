import { applicantSection, contactSection, declarationSection, doc, l, option, upload, when, type ProcedureSeed } from "./fields";

export const authentificationDiplome: ProcedureSeed = {
  slug: "authentification-diplome",
  titleFr: "Authentification de diplôme",
  titleEn: "Diploma authentication",
  summaryFr:
    "Faire confirmer par le ministère de l'Enseignement supérieur l'authenticité d'un diplôme délivré au Togo, pour un employeur, une école ou une administration étrangère. L'attestation est envoyée par voie électronique.",
  summaryEn:
    "Have the Ministry of Higher Education confirm that a diploma issued in Togo is genuine, for an employer, a school or a foreign authority. The certificate is sent electronically.",
  eligibilityFr: "Le titulaire du diplôme, ou l'organisme qui le recrute avec son accord.",
  eligibilityEn: "The holder of the diploma, or the organisation recruiting them with their consent.",
  category: "education",
  agencyCode: "MESR",
  feeXof: 5_000,
  targetDelayDays: 10,
  delivery: "electronic",
  requiredDocuments: [
    doc("diplome", "Copie du diplôme", "Copy of the diploma"),
    doc("releve_notes", "Relevé de notes de la dernière année", "Transcript of the final year"),
    doc("piece_identite", "Pièce d'identité", "Identity document"),
  ],
  keywords: ["authentification", "diplome", "verification", "licence", "master", "bac", "universite", "diploma", "degree"],
  status: "published",
  publishedAt: "2025-02-24T08:00:00Z",
  definition: {
    sections: [
      {
        id: "diplome",
        title: l("Le diplôme", "The diploma"),
        fields: [
          {
            type: "select",
            name: "niveau",
            label: l("Diplôme", "Diploma"),
            required: true,
            options: [
              option("bts", "Brevet de technicien supérieur (BTS)", "Higher technician certificate (BTS)"),
              option("licence", "Licence", "Bachelor's degree"),
              option("master", "Master", "Master's degree"),
              option("doctorat", "Doctorat", "Doctorate"),
              option("ingenieur", "Diplôme d'ingénieur", "Engineering degree"),
            ],
          },
          { type: "text", name: "intitule", label: l("Intitulé exact (mention, spécialité)", "Exact title (field, speciality)"), required: true, maxLength: 160 },
          {
            type: "radio",
            name: "etablissement",
            label: l("Établissement", "Institution"),
            required: true,
            options: [option("ul", "Université de Lomé", "University of Lomé"), option("uk", "Université de Kara", "University of Kara"), option("autre", "Autre établissement agréé", "Other accredited institution")],
          },
          { type: "text", name: "etablissement_autre", label: l("Nom de l'établissement", "Name of the institution"), required: true, maxLength: 160, showIf: when("etablissement", "autre") },
          { type: "number", name: "annee_obtention", label: l("Année d'obtention", "Year obtained"), required: true, min: 1970, max: 2100, integer: true },
          { type: "text", name: "numero_diplome", label: l("Numéro du diplôme", "Diploma number"), required: false, maxLength: 30 },
        ],
      },
      {
        id: "destinataire",
        title: l("Destinataire de l'attestation", "Recipient of the certificate"),
        fields: [
          { type: "text", name: "organisme", label: l("Organisme destinataire", "Receiving organisation"), required: true, maxLength: 160 },
          { type: "email", name: "courriel_organisme", label: l("Adresse électronique de l'organisme", "Organisation's e-mail address"), hint: l("Une copie de l'attestation lui sera envoyée directement.", "A copy of the certificate will be sent to it directly."), required: false },
        ],
      },
      applicantSection(),
      {
        id: "pieces",
        title: l("Pièces justificatives", "Supporting documents"),
        fields: [
          upload("diplome", l("Diplôme", "Diploma"), { document: "diplome" }),
          upload("releve_notes", l("Relevé de notes", "Transcript"), { document: "releve_notes" }),
          upload("piece_identite", l("Pièce d'identité", "Identity document"), { document: "piece_identite" }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};

/** Last year's campaign, closed: kept for the cases filed while it was open. */
export const bourseEtudes: ProcedureSeed = {
  slug: "bourse-etudes-superieures-2024-2025",
  titleFr: "Bourse et aide d'études supérieures — année 2024-2025",
  titleEn: "Higher education grant and study aid — 2024-2025",
  summaryFr: "Campagne de demande de bourse et d'aide d'études pour l'année universitaire 2024-2025. La campagne est close.",
  summaryEn: "Application campaign for grants and study aid for the 2024-2025 academic year. The campaign is closed.",
  eligibilityFr: "Étudiants togolais inscrits dans une université publique du Togo, âgés de moins de 26 ans.",
  eligibilityEn: "Togolese students enrolled in a Togolese public university, under 26 years of age.",
  category: "education",
  agencyCode: "MESR",
  feeXof: 0,
  targetDelayDays: 45,
  delivery: "electronic",
  requiredDocuments: [doc("inscription", "Certificat d'inscription", "Enrolment certificate")],
  keywords: ["bourse", "aide", "etudes", "etudiant", "universite", "grant", "scholarship"],
  status: "closed",
  publishedAt: "2024-09-02T08:00:00Z",
  definition: {
    sections: [
      applicantSection([], { nationalIdRequired: true }),
      {
        id: "etudes",
        title: l("Vos études", "Your studies"),
        fields: [
          { type: "radio", name: "universite", label: l("Université", "University"), required: true, options: [option("ul", "Université de Lomé", "University of Lomé"), option("uk", "Université de Kara", "University of Kara")] },
          { type: "text", name: "numero_carte_etudiant", label: l("Numéro de carte d'étudiant", "Student card number"), required: true, maxLength: 20 },
          upload("inscription", l("Certificat d'inscription", "Enrolment certificate"), { document: "inscription" }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};
