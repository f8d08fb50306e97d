import { applicantSection, contactSection, declarationSection, doc, l, option, upload, when, type ProcedureSeed } from "./fields";

export const casierJudiciaire: ProcedureSeed = {
  slug: "extrait-casier-judiciaire",
  titleFr: "Extrait de casier judiciaire (bulletin n° 3)",
  titleEn: "Criminal record extract (bulletin no. 3)",
  summaryFr:
    "Obtenir le bulletin n° 3 du casier judiciaire, demandé pour un emploi, un concours, un visa ou un marché public. Le bulletin signé électroniquement est envoyé dans votre espace.",
  summaryEn:
    "Get bulletin no. 3 of your criminal record, required for a job, a competitive exam, a visa or a public tender. The electronically signed bulletin is sent to your account.",
  eligibilityFr: "Toute personne née au Togo, majeure, pour elle-même. Les personnes nées à l'étranger s'adressent au service central du casier judiciaire.",
  eligibilityEn: "Anyone born in Togo, of age, for themselves. People born abroad apply to the central criminal record service.",
  category: "justice",
  agencyCode: "TPI",
  feeXof: 1_000,
  targetDelayDays: 3,
  delivery: "electronic",
  requiredDocuments: [
    doc("piece_identite", "Pièce d'identité en cours de validité", "Valid identity document", l("Carte nationale d'identité, passeport ou carte e-ID.", "National identity card, passport or e-ID card.")),
    doc("acte_naissance", "Copie de l'acte de naissance", "Copy of the birth certificate"),
  ],
  keywords: ["casier", "judiciaire", "b3", "bulletin 3", "extrait", "antecedents", "criminal record", "police record"],
  status: "published",
  publishedAt: "2025-01-15T08:00:00Z",
  definition: {
    sections: [
      applicantSection(
        [
          { type: "text", name: "nom_pere", label: l("Nom et prénoms du père", "Father's full name"), required: true, maxLength: 160 },
          { type: "text", name: "nom_mere", label: l("Nom et prénoms de la mère", "Mother's full name"), required: true, maxLength: 160 },
        ],
        { nationalIdRequired: true },
      ),
      {
        id: "demande",
        title: l("Votre demande", "Your request"),
        fields: [
          {
            type: "select",
            name: "motif",
            label: l("Motif de la demande", "Reason for the request"),
            required: true,
            options: [
              option("emploi", "Constitution d'un dossier d'emploi", "Job application"),
              option("concours", "Concours administratif", "Civil service exam"),
              option("visa", "Demande de visa ou de titre de séjour", "Visa or residence permit"),
              option("marche_public", "Marché public", "Public tender"),
              option("autre", "Autre motif", "Other reason"),
            ],
          },
          { type: "text", name: "motif_autre", label: l("Précisez le motif", "Specify the reason"), required: true, maxLength: 200, showIf: when("motif", "autre") },
          { type: "number", name: "nombre_exemplaires", label: l("Nombre d'exemplaires", "Number of copies"), hint: l("1 000 FCFA par exemplaire.", "1,000 FCFA per copy."), required: true, min: 1, max: 5, integer: true },
        ],
      },
      {
        id: "pieces",
        title: l("Pièces justificatives", "Supporting documents"),
        fields: [
          upload("piece_identite", l("Pièce d'identité", "Identity document"), { document: "piece_identite" }),
          upload("acte_naissance", l("Acte de naissance", "Birth certificate"), { document: "acte_naissance" }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};

export const certificatNationalite: ProcedureSeed = {
  slug: "certificat-nationalite",
  titleFr: "Certificat de nationalité togolaise",
  titleEn: "Certificate of Togolese nationality",
  summaryFr:
    "Le certificat de nationalité prouve que vous êtes Togolais. Il est délivré par le président du tribunal de première instance, à retirer au greffe.",
  summaryEn:
    "The nationality certificate proves that you are Togolese. It is issued by the president of the court of first instance and collected at the registry.",
  eligibilityFr: "Toute personne de nationalité togolaise, par filiation, par mariage ou par naturalisation. Pour un mineur, la demande est faite par un parent.",
  eligibilityEn: "Any Togolese national, by descent, marriage or naturalisation. For a minor, a parent applies.",
  category: "justice",
  agencyCode: "TPI",
  feeXof: 2_500,
  targetDelayDays: 7,
  delivery: "pickup",
  requiredDocuments: [
    doc("acte_naissance", "Copie intégrale de l'acte de naissance", "Full copy of the birth certificate"),
    doc("nationalite_parent", "Certificat de nationalité du père ou de la mère", "Nationality certificate of the father or mother"),
    doc("acte_mariage", "Acte de mariage (nationalité par mariage)", "Marriage certificate (nationality by marriage)"),
    doc("photo", "Photo d'identité récente", "Recent passport photo"),
  ],
  keywords: ["nationalite", "certificat", "togolais", "citoyennete", "nationality", "citizenship"],
  status: "published",
  publishedAt: "2025-01-15T08:00:00Z",
  definition: {
    sections: [
      applicantSection(),
      {
        id: "fondement",
        title: l("Fondement de la nationalité", "Grounds for nationality"),
        fields: [
          {
            type: "radio",
            name: "fondement",
            label: l("Vous êtes Togolais…", "You are Togolese…"),
            required: true,
            options: [
              option("filiation", "par filiation (un parent togolais)", "by descent (a Togolese parent)"),
              option("mariage", "par mariage avec un(e) Togolais(e)", "by marriage to a Togolese national"),
              option("naturalisation", "par naturalisation", "by naturalisation"),
            ],
          },
          {
            type: "radio",
            name: "parent_togolais",
            label: l("Parent de nationalité togolaise", "Parent of Togolese nationality"),
            required: true,
            showIf: when("fondement", "filiation"),
            options: [option("pere", "Le père", "Father"), option("mere", "La mère", "Mother"), option("les_deux", "Les deux", "Both")],
          },
          { type: "text", name: "nom_parent", label: l("Nom et prénoms de ce parent", "Full name of that parent"), required: true, maxLength: 160, showIf: when("fondement", "filiation") },
          { type: "date", name: "date_mariage", label: l("Date du mariage", "Date of marriage"), required: true, range: "past", showIf: when("fondement", "mariage") },
          { type: "text", name: "reference_decret", label: l("Référence du décret de naturalisation", "Reference of the naturalisation decree"), required: true, maxLength: 60, showIf: when("fondement", "naturalisation") },
        ],
      },
      {
        id: "pieces",
        title: l("Pièces justificatives", "Supporting documents"),
        fields: [
          upload("acte_naissance", l("Copie intégrale de l'acte de naissance", "Full copy of the birth certificate"), { document: "acte_naissance" }),
          upload("nationalite_parent", l("Certificat de nationalité du parent", "Parent's nationality certificate"), { document: "nationalite_parent", showIf: when("fondement", "filiation") }),
          upload("acte_mariage", l("Acte de mariage", "Marriage certificate"), { document: "acte_mariage", showIf: when("fondement", "mariage") }),
          upload("photo", l("Photo d'identité", "Passport photo"), { document: "photo", accept: ["image/jpeg", "image/png"], maxSizeMb: 2, hint: l("Fond clair, visage de face, JPEG ou PNG, 2 Mo au plus.", "Light background, face forward, JPEG or PNG, 2 MB at most.") }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};
