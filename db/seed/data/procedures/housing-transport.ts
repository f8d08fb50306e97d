import { applicantSection, contactSection, declarationSection, doc, l, option, upload, when, type ProcedureSeed } from "./fields";

export const permisConstruire: ProcedureSeed = {
  slug: "permis-de-construire",
  titleFr: "Permis de construire",
  titleEn: "Building permit",
  summaryFr:
    "Demander l'autorisation de construire, d'agrandir ou de transformer un bâtiment. Le dossier est instruit par les services de l'urbanisme, qui peuvent demander des plans complémentaires.",
  summaryEn:
    "Apply for permission to build, extend or alter a building. The file is examined by the urban planning services, who may ask for further plans.",
  eligibilityFr: "Le propriétaire du terrain, ou son mandataire muni d'une procuration.",
  eligibilityEn: "The owner of the plot, or a representative holding a power of attorney.",
  category: "housing",
  agencyCode: "MUHRF",
  feeXof: 50_000,
  targetDelayDays: 30,
  infoRequestExpiryDays: 60,
  delivery: "pickup",
  requiredDocuments: [
    doc("titre_foncier", "Titre foncier ou attestation de propriété", "Land title or certificate of ownership"),
    doc("plans", "Plans du projet (situation, masse, façades, coupes)", "Project plans (location, site, elevations, sections)", l("Signés par un architecte agréé au-delà de 150 m².", "Signed by a registered architect above 150 m².")),
    doc("piece_identite", "Pièce d'identité du demandeur", "Applicant's identity document"),
  ],
  keywords: ["permis", "construire", "construction", "batiment", "maison", "urbanisme", "building permit"],
  status: "published",
  publishedAt: "2025-03-17T08:00:00Z",
  definition: {
    sections: [
      applicantSection([
        { type: "radio", name: "qualite", label: l("Vous êtes", "You are"), required: true, options: [option("proprietaire", "Le propriétaire du terrain", "The owner of the plot"), option("mandataire", "Le mandataire du propriétaire", "The owner's representative")] },
        { type: "text", name: "nom_proprietaire", label: l("Nom du propriétaire", "Owner's name"), required: true, maxLength: 160, showIf: when("qualite", "mandataire") },
      ]),
      {
        id: "terrain",
        title: l("Le terrain", "The plot"),
        fields: [
          {
            type: "select",
            name: "ville",
            label: l("Ville", "Town"),
            required: true,
            options: [option("lome", "Lomé", "Lomé"), option("kara", "Kara", "Kara"), option("atakpame", "Atakpamé", "Atakpamé"), option("sokode", "Sokodé", "Sokodé"), option("dapaong", "Dapaong", "Dapaong"), option("autre", "Autre localité", "Other locality")],
          },
          { type: "text", name: "ville_autre", label: l("Localité", "Locality"), required: true, maxLength: 80, showIf: when("ville", "autre") },
          { type: "text", name: "quartier", label: l("Quartier", "Neighbourhood"), required: true, maxLength: 80 },
          { type: "text", name: "numero_titre_foncier", label: l("Numéro du titre foncier", "Land title number"), required: false, maxLength: 30 },
          { type: "number", name: "superficie_terrain", label: l("Superficie du terrain (m²)", "Plot area (m²)"), required: true, min: 50, max: 1_000_000, integer: true },
        ],
      },
      {
        id: "projet",
        title: l("Le projet", "The project"),
        fields: [
          { type: "radio", name: "nature", label: l("Nature des travaux", "Type of works"), required: true, options: [option("neuve", "Construction neuve", "New building"), option("extension", "Extension", "Extension"), option("transformation", "Transformation ou surélévation", "Alteration or raising")] },
          { type: "select", name: "usage", label: l("Usage du bâtiment", "Use of the building"), required: true, options: [option("habitation", "Habitation", "Housing"), option("commerce", "Commerce", "Retail"), option("bureaux", "Bureaux", "Offices"), option("mixte", "Mixte", "Mixed")] },
          { type: "number", name: "niveaux", label: l("Nombre de niveaux (rez-de-chaussée compris)", "Number of storeys (ground floor included)"), required: true, min: 1, max: 40, integer: true },
          { type: "number", name: "surface_plancher", label: l("Surface de plancher créée (m²)", "Floor area created (m²)"), required: true, min: 1, max: 500_000 },
          { type: "textarea", name: "description", label: l("Description du projet", "Project description"), required: true, maxLength: 1_000 },
          { type: "checkbox", name: "architecte", label: l("Les plans sont signés par un architecte agréé", "The plans are signed by a registered architect"), required: false },
        ],
      },
      {
        id: "pieces",
        title: l("Pièces justificatives", "Supporting documents"),
        fields: [
          upload("titre_foncier", l("Titre foncier", "Land title"), { document: "titre_foncier" }),
          upload("plans", l("Plans du projet (un seul PDF)", "Project plans (a single PDF)"), { document: "plans", accept: ["application/pdf"], maxSizeMb: 20, hint: l("Un seul fichier PDF, 20 Mo au plus.", "A single PDF file, 20 MB at most.") }),
          upload("piece_identite", l("Pièce d'identité", "Identity document"), { document: "piece_identite" }),
          upload("procuration", l("Procuration", "Power of attorney"), { showIf: when("qualite", "mandataire") }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};

export const duplicataPermisConduire: ProcedureSeed = {
  slug: "duplicata-permis-conduire",
  titleFr: "Duplicata du permis de conduire",
  titleEn: "Duplicate driving licence",
  summaryFr: "Remplacer un permis de conduire perdu, volé ou détérioré. Le duplicata est retiré à la direction des transports routiers choisie.",
  summaryEn: "Replace a lost, stolen or damaged driving licence. The duplicate is collected at the chosen road transport office.",
  eligibilityFr: "Tout titulaire d'un permis de conduire délivré au Togo.",
  eligibilityEn: "Any holder of a driving licence issued in Togo.",
  category: "transport",
  agencyCode: "DGTR",
  feeXof: 15_000,
  targetDelayDays: 7,
  delivery: "pickup",
  requiredDocuments: [
    doc("declaration_perte", "Déclaration de perte ou de vol", "Police report of loss or theft"),
    doc("permis_deteriore", "Photo du permis détérioré", "Photo of the damaged licence"),
    doc("photo", "Photo d'identité numérique", "Digital passport photo"),
    doc("piece_identite", "Pièce d'identité", "Identity document"),
  ],
  keywords: ["permis", "conduire", "duplicata", "perte", "vol", "dgtr", "driving licence", "driver license"],
  status: "published",
  publishedAt: "2025-03-17T08:00:00Z",
  definition: {
    sections: [
      {
        id: "permis",
        title: l("Le permis", "The licence"),
        fields: [
          { type: "text", name: "numero_permis", label: l("Numéro du permis", "Licence number"), required: true, maxLength: 20 },
          { type: "date", name: "date_delivrance", label: l("Date de délivrance", "Date of issue"), required: true, range: "past" },
          {
            type: "checkbox",
            name: "categories",
            label: l("Catégories obtenues", "Categories held"),
            required: true,
            options: [option("A", "A — motocyclettes", "A — motorcycles"), option("B", "B — véhicules légers", "B — light vehicles"), option("C", "C — poids lourds", "C — heavy goods vehicles"), option("D", "D — transport de personnes", "D — passenger transport"), option("E", "E — remorques", "E — trailers")],
          },
          { type: "radio", name: "motif", label: l("Motif", "Reason"), required: true, options: [option("perte", "Perte", "Loss"), option("vol", "Vol", "Theft"), option("deterioration", "Détérioration", "Damage")] },
        ],
      },
      applicantSection([], { nationalIdRequired: true }),
      {
        id: "pieces",
        title: l("Pièces justificatives", "Supporting documents"),
        fields: [
          upload("declaration_perte", l("Déclaration de perte ou de vol", "Police report of loss or theft"), { document: "declaration_perte", showIf: when("motif", "perte", "vol") }),
          upload("permis_deteriore", l("Photo du permis détérioré", "Photo of the damaged licence"), { document: "permis_deteriore", showIf: when("motif", "deterioration") }),
          upload("photo", l("Photo d'identité", "Passport photo"), { document: "photo", accept: ["image/jpeg", "image/png"], maxSizeMb: 2 }),
          upload("piece_identite", l("Pièce d'identité", "Identity document"), { document: "piece_identite" }),
        ],
      },
      contactSection(),
      declarationSection(),
    ],
  },
};
