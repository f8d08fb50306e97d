import { applicantSection, contactSection, declarationSection, doc, l, option, upload, when, type ProcedureSeed } from "./fields";

const COMPANY_FORMS = ["sarl", "sarlu", "sa", "sas"];

export const creationEntreprise: ProcedureSeed = {
  slug: "creation-entreprise",
  titleFr: "Création d'entreprise (immatriculation au RCCM)",
  titleEn: "Starting a business (registration in the RCCM)",
  summaryFr:
    "Immatriculer une entreprise individuelle ou une société au registre du commerce et du crédit mobilier (RCCM) en une seule démarche au guichet unique du CFE : numéro d'identification fiscale, CNSS et déclaration d'existence compris.",
  summaryEn:
    "Register a sole proprietorship or a company in the trade and personal property credit register (RCCM) in a single step at the CFE one-stop shop: tax number, CNSS and declaration of existence included.",
  eligibilityFr: "Toute personne majeure non frappée d'une interdiction d'exercer le commerce, de nationalité togolaise ou étrangère.",
  eligibilityEn: "Any adult not barred from trading, Togolese or foreign.",
  category: "business",
  agencyCode: "CFE",
  feeXof: 10_000,
  targetDelayDays: 2,
  delivery: "electronic",
  requiredDocuments: [
    doc("piece_identite", "Pièce d'identité du promoteur ou du gérant", "Identity document of the owner or manager"),
    doc("casier_judiciaire", "Extrait de casier judiciaire de moins de 3 mois", "Criminal record extract less than 3 months old"),
    doc("statuts", "Statuts signés (sociétés)", "Signed articles of association (companies)"),
    doc("justificatif_siege", "Contrat de bail ou titre de propriété du siège", "Lease or title deed of the registered office"),
  ],
  keywords: ["entreprise", "creation", "societe", "rccm", "registre commerce", "sarl", "cfe", "api zf", "business", "company"],
  status: "published",
  publishedAt: "2025-02-17T08:00:00Z",
  definition: {
    sections: [
      {
        id: "entreprise",
        title: l("L'entreprise", "The business"),
        fields: [
          {
            type: "select",
            name: "forme_juridique",
            label: l("Forme juridique", "Legal form"),
            required: true,
            options: [
              option("ei", "Entreprise individuelle", "Sole proprietorship"),
              option("sarl", "Société à responsabilité limitée (SARL)", "Limited liability company (SARL)"),
              option("sarlu", "SARL unipersonnelle (SARLU)", "Single-member SARL (SARLU)"),
              option("sa", "Société anonyme (SA)", "Public limited company (SA)"),
              option("sas", "Société par actions simplifiée (SAS)", "Simplified joint-stock company (SAS)"),
            ],
          },
          { type: "text", name: "denomination", label: l("Dénomination ou nom commercial", "Company or trade name"), required: true, maxLength: 120 },
          { type: "text", name: "sigle", label: l("Sigle", "Acronym"), required: false, maxLength: 20 },
          { type: "textarea", name: "activite", label: l("Activité principale", "Main activity"), hint: l("Décrivez en quelques mots ce que fera l'entreprise.", "Describe in a few words what the business will do."), required: true, maxLength: 500 },
          { type: "number", name: "capital", label: l("Capital social (FCFA)", "Share capital (FCFA)"), required: true, min: 1, max: 10_000_000_000, integer: true, showIf: when("forme_juridique", ...COMPANY_FORMS) },
          { type: "number", name: "nombre_associes", label: l("Nombre d'associés", "Number of partners"), required: true, min: 1, max: 500, integer: true, showIf: when("forme_juridique", "sarl", "sa", "sas") },
          { type: "textarea", name: "adresse_siege", label: l("Adresse du siège", "Registered office address"), required: true, maxLength: 300 },
          { type: "number", name: "effectif_prevu", label: l("Nombre d'employés prévus", "Expected number of employees"), required: false, min: 0, max: 100_000, integer: true },
        ],
      },
      applicantSection([
        { type: "radio", name: "qualite", label: l("Vous êtes", "You are"), required: true, options: [option("promoteur", "Le promoteur ou le gérant", "The owner or manager"), option("mandataire", "Un mandataire", "A representative")] },
      ], { nationalIdRequired: true }),
      {
        id: "options",
        title: l("Formalités complémentaires", "Additional formalities"),
        fields: [
          {
            type: "checkbox",
            name: "formalites",
            label: l("Demander en même temps", "Also request"),
            required: false,
            options: [
              option("cnss_employeur", "L'immatriculation employeur à la CNSS", "CNSS employer registration"),
              option("carte_importateur", "La carte d'importateur", "The importer card"),
              option("carte_operateur", "La carte d'opérateur économique", "The economic operator card"),
            ],
          },
        ],
      },
      {
        id: "pieces",
        title: l("Pièces justificatives", "Supporting documents"),
        fields: [
          upload("piece_identite", l("Pièce d'identité", "Identity document"), { document: "piece_identite" }),
          upload("casier_judiciaire", l("Extrait de casier judiciaire", "Criminal record extract"), { document: "casier_judiciaire" }),
          upload("statuts", l("Statuts signés", "Signed articles of association"), { document: "statuts", accept: ["application/pdf"], maxSizeMb: 10, showIf: when("forme_juridique", ...COMPANY_FORMS) }),
          upload("justificatif_siege", l("Justificatif du siège", "Proof of registered office"), { document: "justificatif_siege" }),
          upload("procuration", l("Procuration", "Power of attorney"), { showIf: when("qualite", "mandataire") }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};

export const attestationCnss: ProcedureSeed = {
  slug: "attestation-immatriculation-cnss",
  titleFr: "Attestation d'immatriculation à la CNSS",
  titleEn: "CNSS registration certificate",
  summaryFr:
    "Obtenir l'attestation d'immatriculation d'un employeur ou d'un assuré à la Caisse nationale de sécurité sociale, demandée pour les marchés publics, les banques ou l'employeur.",
  summaryEn:
    "Get the registration certificate of an employer or an insured person with the National Social Security Fund, required for public tenders, banks or employers.",
  eligibilityFr: "Les employeurs immatriculés et les assurés sociaux (salariés, assurés volontaires).",
  eligibilityEn: "Registered employers and insured persons (employees, voluntary members).",
  category: "social",
  agencyCode: "CNSS",
  feeXof: 0,
  targetDelayDays: 3,
  delivery: "electronic",
  requiredDocuments: [doc("piece_identite", "Pièce d'identité du demandeur", "Applicant's identity document")],
  keywords: ["cnss", "securite sociale", "immatriculation", "attestation", "employeur", "assure", "social security"],
  status: "published",
  publishedAt: "2025-03-03T08:00:00Z",
  definition: {
    sections: [
      {
        id: "immatriculation",
        title: l("Immatriculation", "Registration"),
        fields: [
          { type: "radio", name: "qualite", label: l("L'attestation concerne", "The certificate is for"), required: true, options: [option("employeur", "Un employeur", "An employer"), option("assure", "Un assuré", "An insured person")] },
          { type: "text", name: "numero_employeur", label: l("Numéro d'employeur CNSS", "CNSS employer number"), required: true, maxLength: 15, showIf: when("qualite", "employeur") },
          { type: "text", name: "raison_sociale", label: l("Raison sociale", "Company name"), required: true, maxLength: 120, showIf: when("qualite", "employeur") },
          { type: "text", name: "numero_assure", label: l("Numéro d'assuré social", "Social insurance number"), required: true, maxLength: 15, showIf: when("qualite", "assure") },
          {
            type: "select",
            name: "usage",
            label: l("Usage de l'attestation", "Use of the certificate"),
            required: true,
            options: [
              option("marche_public", "Marché public", "Public tender"),
              option("banque", "Dossier bancaire", "Bank file"),
              option("employeur", "Dossier auprès d'un employeur", "File for an employer"),
              option("autre", "Autre", "Other"),
            ],
          },
        ],
      },
      applicantSection(),
      { id: "pieces", title: l("Pièce d'identité", "Identity document"), fields: [upload("piece_identite", l("Pièce d'identité", "Identity document"), { document: "piece_identite" })] },
      contactSection(),
      declarationSection(),
    ],
  },
};

/** Being prepared by the OTR: a draft, not shown in the catalogue. */
export const regulariteFiscale: ProcedureSeed = {
  slug: "attestation-regularite-fiscale",
  titleFr: "Attestation de régularité fiscale",
  titleEn: "Tax compliance certificate",
  summaryFr: "Obtenir l'attestation prouvant que l'entreprise est à jour de ses obligations fiscales, exigée pour les marchés publics.",
  summaryEn: "Get the certificate proving that the business is up to date with its tax obligations, required for public tenders.",
  eligibilityFr: "Les entreprises disposant d'un numéro d'identification fiscale (NIF).",
  eligibilityEn: "Businesses holding a tax identification number (NIF).",
  category: "business",
  agencyCode: "OTR",
  feeXof: 0,
  targetDelayDays: 5,
  delivery: "electronic",
  requiredDocuments: [doc("statuts", "Statuts de l'entreprise", "Articles of association")],
  keywords: ["impots", "fiscal", "otr", "nif", "regularite", "quitus fiscal", "tax clearance"],
  status: "draft",
  publishedAt: null,
  definition: {
    sections: [
      {
        id: "entreprise",
        title: l("L'entreprise", "The business"),
        fields: [
          { type: "text", name: "nif", label: l("Numéro d'identification fiscale (NIF)", "Tax identification number (NIF)"), required: true, maxLength: 15 },
          { type: "text", name: "raison_sociale", label: l("Raison sociale", "Company name"), required: true, maxLength: 120 },
          upload("statuts", l("Statuts", "Articles of association"), { document: "statuts", accept: ["application/pdf"], maxSizeMb: 10 }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};
