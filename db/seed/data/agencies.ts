import type { AgencyKind } from "../../../app/domain/constants";

export interface AgencySeed {
  code: string;
  nameFr: string;
  nameEn: string;
  kind: AgencyKind;
  parentCode: string | null;
}

/** Administrations, parents first (the insert resolves parent codes in this order). */
export const AGENCIES: readonly AgencySeed[] = [
  {
    code: "MSPC",
    nameFr: "Ministère de la Sécurité et de la Protection civile",
    nameEn: "Ministry of Security and Civil Protection",
    kind: "ministry",
    parentCode: null,
  },
  {
    code: "DGDN",
    nameFr: "Direction générale de la documentation nationale (DGDN)",
    nameEn: "Directorate General of National Documentation (DGDN)",
    kind: "direction",
    parentCode: "MSPC",
  },
  {
    code: "MJL",
    nameFr: "Ministère de la Justice et de la Législation",
    nameEn: "Ministry of Justice and Legislation",
    kind: "ministry",
    parentCode: null,
  },
  {
    code: "TPI",
    nameFr: "Tribunaux de première instance — greffes",
    nameEn: "Courts of first instance — registries",
    kind: "public_body",
    parentCode: "MJL",
  },
  {
    code: "MATDDT",
    nameFr: "Ministère de l'Administration territoriale, de la Décentralisation et du Développement des territoires",
    nameEn: "Ministry of Territorial Administration, Decentralisation and Territorial Development",
    kind: "ministry",
    parentCode: null,
  },
  {
    code: "DEC",
    nameFr: "Direction de l'état civil",
    nameEn: "Civil Registration Directorate",
    kind: "direction",
    parentCode: "MATDDT",
  },
  {
    code: "DAGL",
    nameFr: "District autonome du Grand Lomé",
    nameEn: "Autonomous District of Greater Lomé",
    kind: "commune",
    parentCode: "MATDDT",
  },
  {
    code: "APIZF",
    nameFr: "Agence de promotion des investissements et de la zone franche (API-ZF)",
    nameEn: "Investment and Free Zone Promotion Agency (API-ZF)",
    kind: "public_body",
    parentCode: null,
  },
  {
    code: "CFE",
    nameFr: "Centre de formalités des entreprises (CFE)",
    nameEn: "Business Formalities Centre (CFE)",
    kind: "direction",
    parentCode: "APIZF",
  },
  {
    code: "MAEIT",
    nameFr: "Ministère des Affaires étrangères, de l'Intégration régionale et des Togolais de l'extérieur",
    nameEn: "Ministry of Foreign Affairs, Regional Integration and Togolese Abroad",
    kind: "ministry",
    parentCode: null,
  },
  {
    code: "MESR",
    nameFr: "Ministère de l'Enseignement supérieur et de la Recherche",
    nameEn: "Ministry of Higher Education and Research",
    kind: "ministry",
    parentCode: null,
  },
  {
    code: "MTRAF",
    nameFr: "Ministère des Transports routiers, aériens et ferroviaires",
    nameEn: "Ministry of Road, Air and Rail Transport",
    kind: "ministry",
    parentCode: null,
  },
  {
    code: "DGTR",
    nameFr: "Direction générale des transports routiers",
    nameEn: "Directorate General of Road Transport",
    kind: "direction",
    parentCode: "MTRAF",
  },
  {
    code: "MUHRF",
    nameFr: "Ministère de l'Urbanisme, de l'Habitat et de la Réforme foncière",
    nameEn: "Ministry of Urban Planning, Housing and Land Reform",
    kind: "ministry",
    parentCode: null,
  },
  {
    code: "MFPTDS",
    nameFr: "Ministère de la Fonction publique, du Travail et du Dialogue social",
    nameEn: "Ministry of Civil Service, Labour and Social Dialogue",
    kind: "ministry",
    parentCode: null,
  },
  {
    code: "CNSS",
    nameFr: "Caisse nationale de sécurité sociale (CNSS)",
    nameEn: "National Social Security Fund (CNSS)",
    kind: "public_body",
    parentCode: "MFPTDS",
  },
  {
    code: "MEF",
    nameFr: "Ministère de l'Économie et des Finances",
    nameEn: "Ministry of Economy and Finance",
    kind: "ministry",
    parentCode: null,
  },
  {
    code: "OTR",
    nameFr: "Office togolais des recettes (OTR)",
    nameEn: "Togolese Revenue Authority (OTR)",
    kind: "public_body",
    parentCode: "MEF",
  },
];
