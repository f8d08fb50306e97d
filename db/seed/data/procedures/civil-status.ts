import { applicantSection, contactSection, declarationSection, doc, l, option, upload, when, type ProcedureSeed } from "./fields";

export const acteNaissance: ProcedureSeed = {
  slug: "copie-acte-naissance",
  titleFr: "Copie intégrale ou extrait d'acte de naissance",
  titleEn: "Full copy or extract of a birth certificate",
  summaryFr:
    "Demander une copie intégrale ou un extrait d'un acte de naissance enregistré dans un centre d'état civil du Togo, pour vous-même, votre enfant ou une personne que vous représentez.",
  summaryEn:
    "Request a full copy or an extract of a birth certificate registered at a Togolese civil registry office, for yourself, your child or someone you represent.",
  eligibilityFr: "La personne concernée, ses parents, son conjoint, ses enfants, ou un mandataire muni d'une procuration.",
  eligibilityEn: "The person concerned, their parents, spouse or children, or a representative holding a power of attorney.",
  category: "civil_status",
  agencyCode: "DEC",
  feeXof: 500,
  targetDelayDays: 3,
  delivery: "pickup",
  requiredDocuments: [
    doc("piece_identite", "Pièce d'identité du demandeur", "Applicant's identity document"),
    doc("procuration", "Procuration (demande pour un tiers)", "Power of attorney (request for someone else)"),
  ],
  keywords: ["acte", "naissance", "copie integrale", "extrait", "etat civil", "birth certificate"],
  status: "published",
  publishedAt: "2025-02-03T08:00:00Z",
  definition: {
    sections: [
      {
        id: "acte",
        title: l("L'acte demandé", "The certificate requested"),
        fields: [
          {
            type: "radio",
            name: "type_acte",
            label: l("Type de document", "Type of document"),
            hint: l("La copie intégrale reproduit tout l'acte et ses mentions ; l'extrait n'en donne que l'essentiel.", "The full copy reproduces the whole certificate and its annotations; the extract only the essentials."),
            required: true,
            options: [option("copie_integrale", "Copie intégrale", "Full copy"), option("extrait", "Extrait", "Extract")],
          },
          {
            type: "radio",
            name: "beneficiaire",
            label: l("L'acte concerne", "The certificate is for"),
            required: true,
            options: [option("moi", "Moi-même", "Myself"), option("enfant", "Mon enfant mineur", "My minor child"), option("tiers", "Une autre personne", "Someone else")],
          },
          { type: "text", name: "nom_titulaire", label: l("Nom et prénoms de la personne concernée", "Full name of the person concerned"), required: true, maxLength: 160, showIf: when("beneficiaire", "enfant", "tiers") },
          { type: "date", name: "date_naissance_titulaire", label: l("Sa date de naissance", "Their date of birth"), required: true, range: "past", min: "1900-01-01", showIf: when("beneficiaire", "enfant", "tiers") },
          { type: "text", name: "centre_etat_civil", label: l("Centre d'état civil où la naissance a été déclarée", "Civil registry office where the birth was registered"), hint: l("Par exemple : mairie de Golfe 1, centre secondaire de Baguida.", "For example: Golfe 1 town hall, Baguida secondary office."), required: true, maxLength: 120 },
          { type: "text", name: "numero_acte", label: l("Numéro de l'acte", "Certificate number"), hint: l("Il figure en haut de l'acte ; laissez vide si vous ne le connaissez pas.", "It is printed at the top of the certificate; leave empty if you do not know it."), required: false, maxLength: 30 },
          { type: "number", name: "annee_acte", label: l("Année d'enregistrement", "Year of registration"), required: true, min: 1920, max: 2100, integer: true },
          { type: "number", name: "nombre_copies", label: l("Nombre de copies", "Number of copies"), required: true, min: 1, max: 10, integer: true },
        ],
      },
      applicantSection([
        {
          type: "select",
          name: "lien",
          label: l("Votre lien avec la personne concernée", "Your relationship to the person concerned"),
          required: true,
          showIf: when("beneficiaire", "tiers"),
          options: [
            option("parent", "Parent", "Parent"),
            option("conjoint", "Conjoint(e)", "Spouse"),
            option("enfant", "Enfant", "Child"),
            option("mandataire", "Mandataire", "Representative"),
          ],
        },
      ]),
      {
        id: "pieces",
        title: l("Pièces justificatives", "Supporting documents"),
        fields: [
          upload("piece_identite", l("Votre pièce d'identité", "Your identity document"), { document: "piece_identite" }),
          upload("procuration", l("Procuration signée", "Signed power of attorney"), { document: "procuration", showIf: when("lien", "mandataire") }),
          upload("ancienne_copie", l("Ancienne copie de l'acte, si vous en avez une", "An old copy of the certificate, if you have one"), { required: false }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};

export const certificatResidence: ProcedureSeed = {
  slug: "certificat-residence",
  titleFr: "Certificat de résidence",
  titleEn: "Certificate of residence",
  summaryFr: "Attester de votre domicile dans une commune du Grand Lomé, pour un dossier administratif, bancaire ou scolaire.",
  summaryEn: "Certify your home address in a commune of Greater Lomé, for an administrative, banking or school file.",
  eligibilityFr: "Toute personne majeure résidant dans l'une des treize communes du Grand Lomé.",
  eligibilityEn: "Any adult living in one of the thirteen communes of Greater Lomé.",
  category: "civil_status",
  agencyCode: "DAGL",
  feeXof: 1_000,
  targetDelayDays: 2,
  delivery: "pickup",
  requiredDocuments: [
    doc("piece_identite", "Pièce d'identité", "Identity document"),
    doc("attestation_chef_quartier", "Attestation du chef de quartier", "Certificate from the neighbourhood chief"),
    doc("justificatif_domicile", "Facture d'eau ou d'électricité, ou contrat de bail", "Water or electricity bill, or lease"),
  ],
  keywords: ["residence", "domicile", "certificat", "adresse", "mairie", "residence certificate", "proof of address"],
  status: "published",
  publishedAt: "2025-02-03T08:00:00Z",
  definition: {
    sections: [
      applicantSection([], { nationalIdRequired: true }),
      {
        id: "domicile",
        title: l("Votre domicile", "Your home"),
        fields: [
          {
            type: "select",
            name: "commune",
            label: l("Commune", "Commune"),
            required: true,
            options: [
              ...[1, 2, 3, 4, 5, 6, 7].map((n) => option(`golfe_${n}`, `Golfe ${n}`, `Golfe ${n}`)),
              ...[1, 2, 3, 4, 5, 6].map((n) => option(`agoe_nyive_${n}`, `Agoè-Nyivé ${n}`, `Agoè-Nyivé ${n}`)),
            ],
          },
          { type: "text", name: "quartier", label: l("Quartier", "Neighbourhood"), required: true, maxLength: 80 },
          { type: "textarea", name: "adresse", label: l("Adresse précise", "Full address"), hint: l("Rue, numéro de maison, repère (école, église, pharmacie…).", "Street, house number, landmark (school, church, pharmacy…)."), required: true, maxLength: 400 },
          { type: "date", name: "resident_depuis", label: l("Vous habitez à cette adresse depuis le", "You have lived at this address since"), required: true, range: "past" },
          { type: "textarea", name: "usage", label: l("À quoi servira le certificat ?", "What is the certificate for?"), required: false, maxLength: 300 },
        ],
      },
      {
        id: "pieces",
        title: l("Pièces justificatives", "Supporting documents"),
        fields: [
          upload("piece_identite", l("Pièce d'identité", "Identity document"), { document: "piece_identite" }),
          upload("attestation_chef_quartier", l("Attestation du chef de quartier", "Certificate from the neighbourhood chief"), { document: "attestation_chef_quartier" }),
          upload("justificatif_domicile", l("Justificatif de domicile", "Proof of address"), { document: "justificatif_domicile" }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};

export const legalisation: ProcedureSeed = {
  slug: "legalisation-documents",
  titleFr: "Légalisation de documents destinés à l'étranger",
  titleEn: "Legalisation of documents for use abroad",
  summaryFr:
    "Faire légaliser par le ministère des Affaires étrangères la signature d'un document public togolais (acte d'état civil, diplôme, casier judiciaire…) pour le présenter à l'étranger.",
  summaryEn:
    "Have the Ministry of Foreign Affairs legalise the signature on a Togolese public document (civil status record, diploma, criminal record…) to present it abroad.",
  eligibilityFr: "Le titulaire du document ou toute personne qui le présente. Le document doit d'abord être signé par l'autorité compétente.",
  eligibilityEn: "The holder of the document or anyone presenting it. The document must first be signed by the competent authority.",
  category: "civil_status",
  agencyCode: "MAEIT",
  feeXof: 2_000,
  targetDelayDays: 3,
  delivery: "pickup",
  requiredDocuments: [
    doc("documents", "Les documents originaux à légaliser (numérisés)", "The original documents to legalise (scanned)", l("Les originaux sont présentés au retrait.", "The originals are shown at collection.")),
    doc("piece_identite", "Pièce d'identité du demandeur", "Applicant's identity document"),
  ],
  keywords: ["legalisation", "legaliser", "apostille", "affaires etrangeres", "signature", "legalization"],
  status: "published",
  publishedAt: "2025-03-10T08:00:00Z",
  definition: {
    sections: [
      {
        id: "documents",
        title: l("Les documents", "The documents"),
        fields: [
          {
            type: "checkbox",
            name: "types_documents",
            label: l("Nature des documents", "Kind of documents"),
            hint: l("Cochez tout ce qui s'applique.", "Tick all that apply."),
            required: true,
            options: [
              option("etat_civil", "Acte d'état civil", "Civil status record"),
              option("diplome", "Diplôme ou relevé de notes", "Diploma or transcript"),
              option("casier", "Extrait de casier judiciaire", "Criminal record extract"),
              option("commercial", "Document commercial", "Commercial document"),
              option("autre", "Autre document", "Other document"),
            ],
          },
          { type: "textarea", name: "description_autre", label: l("Décrivez les autres documents", "Describe the other documents"), required: true, maxLength: 400, showIf: when("types_documents", "autre") },
          { type: "number", name: "nombre_documents", label: l("Nombre de documents", "Number of documents"), hint: l("2 000 FCFA par document.", "2,000 FCFA per document."), required: true, min: 1, max: 20, integer: true },
          { type: "text", name: "pays_destination", label: l("Pays de destination", "Destination country"), required: true, maxLength: 80 },
          upload("documents", l("Documents numérisés (un seul PDF)", "Scanned documents (a single PDF)"), { document: "documents", accept: ["application/pdf"], maxSizeMb: 10, hint: l("Un seul fichier PDF, 10 Mo au plus.", "A single PDF file, 10 MB at most.") }),
        ],
      },
      applicantSection(),
      {
        id: "pieces",
        title: l("Pièce d'identité", "Identity document"),
        fields: [upload("piece_identite", l("Pièce d'identité", "Identity document"), { document: "piece_identite" })],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};
