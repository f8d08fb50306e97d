import type { LinkStatus, RegionCode } from "../../../app/domain/constants";

export interface OfficeSeed {
  code: string;
  agencyCode: string;
  /** Name of the building (see sites.ts) that houses the office. */
  siteName: string;
  name: string;
  nationalCompetence: boolean;
  regions: RegionCode[];
  hours: string;
  phone: string;
  email: string;
  /** Link status forced on the building, so that every availability state shows; default "up". */
  siteStatus?: Exclude<LinkStatus, "not_connected">;
}

const ADMIN_HOURS = "Lundi – vendredi, 7 h – 12 h et 14 h 30 – 17 h 30";
const CONTINUOUS_HOURS = "Lundi – vendredi, 7 h 30 – 17 h 30";

/** Offices in Lomé and Kara (connected) and in planned towns (buildings of phase 2). */
export const OFFICES: readonly OfficeSeed[] = [
  // Justice: casier judiciaire, certificat de nationalité.
  { code: "TPI-LOM", agencyCode: "TPI", siteName: "Tribunal de première instance de Lomé", name: "Greffe du tribunal de première instance de Lomé — casier judiciaire et nationalité", nationalCompetence: true, regions: ["maritime"], hours: ADMIN_HOURS, phone: "+228 22 21 26 14", email: "greffe.tpi-lome@justice.gouv.tg" },
  { code: "TPI-KAR", agencyCode: "TPI", siteName: "Tribunal de première instance de Kara", name: "Greffe du tribunal de première instance de Kara", nationalCompetence: false, regions: ["kara"], hours: ADMIN_HOURS, phone: "+228 26 60 12 38", email: "greffe.tpi-kara@justice.gouv.tg" },
  { code: "TPI-ATK", agencyCode: "TPI", siteName: "Tribunal de première instance d'Atakpamé", name: "Greffe du tribunal de première instance d'Atakpamé", nationalCompetence: false, regions: ["plateaux"], hours: ADMIN_HOURS, phone: "+228 24 40 03 17", email: "greffe.tpi-atakpame@justice.gouv.tg" },
  { code: "TPI-SOK", agencyCode: "TPI", siteName: "Tribunal de première instance de Sokodé", name: "Greffe du tribunal de première instance de Sokodé", nationalCompetence: false, regions: ["centrale"], hours: ADMIN_HOURS, phone: "+228 25 50 01 42", email: "greffe.tpi-sokode@justice.gouv.tg" },
  { code: "TPI-DAP", agencyCode: "TPI", siteName: "Tribunal de première instance de Dapaong", name: "Greffe du tribunal de première instance de Dapaong", nationalCompetence: false, regions: ["savanes"], hours: ADMIN_HOURS, phone: "+228 27 70 80 25", email: "greffe.tpi-dapaong@justice.gouv.tg" },
  // Identity: passeport, carte nationale d'identité.
  { code: "DGDN-LOM", agencyCode: "DGDN", siteName: "Direction générale de la documentation nationale (DGDN)", name: "DGDN — centre de délivrance des passeports et cartes d'identité, Lomé", nationalCompetence: true, regions: ["maritime"], hours: CONTINUOUS_HOURS, phone: "+228 22 22 35 70", email: "accueil@dgdn.gouv.tg" },
  { code: "DGDN-KAR", agencyCode: "DGDN", siteName: "Direction régionale de la documentation nationale, Kara", name: "DGDN — direction régionale de Kara", nationalCompetence: false, regions: ["kara", "centrale", "savanes"], hours: ADMIN_HOURS, phone: "+228 26 60 05 91", email: "kara@dgdn.gouv.tg", siteStatus: "degraded" },
  { code: "DGDN-ATK", agencyCode: "DGDN", siteName: "Direction régionale de la documentation nationale, Atakpamé", name: "DGDN — direction régionale d'Atakpamé", nationalCompetence: false, regions: ["plateaux"], hours: ADMIN_HOURS, phone: "+228 24 40 11 06", email: "atakpame@dgdn.gouv.tg" },
  // Civil status: actes de naissance.
  { code: "DEC-LOM", agencyCode: "DEC", siteName: "Direction de l'état civil", name: "Direction de l'état civil — service central, Lomé", nationalCompetence: true, regions: ["maritime"], hours: ADMIN_HOURS, phone: "+228 22 21 47 83", email: "etat-civil@territoire.gouv.tg" },
  { code: "DEC-G1", agencyCode: "DEC", siteName: "Mairie de Golfe 1 (Bè-Afédomé)", name: "Centre d'état civil — mairie de Golfe 1 (Bè)", nationalCompetence: false, regions: ["maritime"], hours: ADMIN_HOURS, phone: "+228 22 27 15 02", email: "etat-civil@golfe1.tg", siteStatus: "down" },
  { code: "DEC-G4", agencyCode: "DEC", siteName: "Mairie de Golfe 4 (Amoutivé)", name: "Centre d'état civil — mairie de Golfe 4 (Amoutivé)", nationalCompetence: false, regions: ["maritime"], hours: ADMIN_HOURS, phone: "+228 22 21 60 44", email: "etat-civil@golfe4.tg" },
  { code: "DEC-AN1", agencyCode: "DEC", siteName: "Mairie d'Agoè-Nyivé 1 (Agoè-Centre)", name: "Centre d'état civil — mairie d'Agoè-Nyivé 1", nationalCompetence: false, regions: ["maritime"], hours: ADMIN_HOURS, phone: "+228 22 25 81 30", email: "etat-civil@agoenyive1.tg" },
  { code: "DEC-KAR", agencyCode: "DEC", siteName: "Mairie de Kozah 1 (Kara)", name: "Centre d'état civil — mairie de Kozah 1 (Kara)", nationalCompetence: false, regions: ["kara"], hours: ADMIN_HOURS, phone: "+228 26 60 02 17", email: "etat-civil@kozah1.tg" },
  { code: "DEC-ATK", agencyCode: "DEC", siteName: "Mairie d'Ogou 1 (Atakpamé)", name: "Centre d'état civil — mairie d'Ogou 1 (Atakpamé)", nationalCompetence: false, regions: ["plateaux"], hours: ADMIN_HOURS, phone: "+228 24 40 02 55", email: "etat-civil@ogou1.tg" },
  { code: "DEC-SOK", agencyCode: "DEC", siteName: "Mairie de Tchaoudjo 1 (Sokodé)", name: "Centre d'état civil — mairie de Tchaoudjo 1 (Sokodé)", nationalCompetence: false, regions: ["centrale"], hours: ADMIN_HOURS, phone: "+228 25 50 03 68", email: "etat-civil@tchaoudjo1.tg" },
  { code: "DEC-DAP", agencyCode: "DEC", siteName: "Mairie de Tône 1 (Dapaong)", name: "Centre d'état civil — mairie de Tône 1 (Dapaong)", nationalCompetence: false, regions: ["savanes"], hours: ADMIN_HOURS, phone: "+228 27 70 81 12", email: "etat-civil@tone1.tg" },
  // Commune: certificat de résidence.
  { code: "DAGL-HDV", agencyCode: "DAGL", siteName: "Hôtel de ville — District autonome du Grand Lomé", name: "Hôtel de ville de Lomé — bureau des certificats administratifs", nationalCompetence: false, regions: ["maritime"], hours: ADMIN_HOURS, phone: "+228 22 21 30 09", email: "certificats@grandlome.tg" },
  // Business: création d'entreprise.
  { code: "CFE-LOM", agencyCode: "CFE", siteName: "Guichet unique API-ZF — Centre de formalités des entreprises", name: "Centre de formalités des entreprises — guichet unique de Lomé", nationalCompetence: true, regions: ["maritime", "plateaux"], hours: CONTINUOUS_HOURS, phone: "+228 22 23 12 60", email: "cfe@apizf.tg" },
  { code: "CFE-KAR", agencyCode: "CFE", siteName: "Maison de l'entreprise — antenne CFE de Kara", name: "Centre de formalités des entreprises — antenne de Kara", nationalCompetence: false, regions: ["kara", "centrale", "savanes"], hours: CONTINUOUS_HOURS, phone: "+228 26 60 14 75", email: "cfe.kara@apizf.tg" },
  // Foreign affairs: légalisation.
  { code: "MAE-LEG", agencyCode: "MAEIT", siteName: "Direction des affaires consulaires", name: "Service de la légalisation — direction des affaires consulaires", nationalCompetence: true, regions: ["maritime", "plateaux", "centrale", "kara", "savanes"], hours: "Lundi – vendredi, 8 h – 12 h (dépôt) et 15 h – 17 h (retrait)", phone: "+228 22 21 29 10", email: "legalisation@diplomatie.gouv.tg" },
  // Higher education: authentification de diplôme.
  { code: "MESR-LOM", agencyCode: "MESR", siteName: "Ministère de l'Enseignement supérieur et de la Recherche", name: "Service d'authentification des diplômes — ministère de l'Enseignement supérieur", nationalCompetence: true, regions: ["maritime", "plateaux"], hours: ADMIN_HOURS, phone: "+228 22 21 68 52", email: "authentification@mesr.gouv.tg" },
  { code: "MESR-KAR", agencyCode: "MESR", siteName: "Université de Kara — campus nord", name: "Université de Kara — service de la scolarité et des diplômes", nationalCompetence: false, regions: ["kara", "centrale", "savanes"], hours: ADMIN_HOURS, phone: "+228 26 60 18 40", email: "scolarite@univkara.tg" },
  // Transport: permis de conduire.
  { code: "DGTR-LOM", agencyCode: "DGTR", siteName: "Direction générale des transports routiers", name: "DGTR — service des permis de conduire, Lomé", nationalCompetence: true, regions: ["maritime"], hours: ADMIN_HOURS, phone: "+228 22 26 41 37", email: "permis@transports.gouv.tg", siteStatus: "maintenance" },
  { code: "DGTR-KAR", agencyCode: "DGTR", siteName: "Direction régionale des transports routiers, Kara", name: "DGTR — direction régionale de Kara", nationalCompetence: false, regions: ["kara", "centrale", "savanes"], hours: ADMIN_HOURS, phone: "+228 26 60 09 24", email: "permis.kara@transports.gouv.tg" },
  { code: "DGTR-ATK", agencyCode: "DGTR", siteName: "Direction régionale des transports routiers, Atakpamé", name: "DGTR — direction régionale d'Atakpamé", nationalCompetence: false, regions: ["plateaux"], hours: ADMIN_HOURS, phone: "+228 24 40 07 81", email: "permis.atakpame@transports.gouv.tg" },
  // Housing: permis de construire.
  { code: "URB-LOM", agencyCode: "MUHRF", siteName: "Direction générale de l'urbanisme et de l'habitat", name: "Direction générale de l'urbanisme — guichet des permis de construire", nationalCompetence: true, regions: ["maritime", "plateaux"], hours: ADMIN_HOURS, phone: "+228 22 21 75 93", email: "permis-construire@urbanisme.gouv.tg" },
  { code: "URB-KAR", agencyCode: "MUHRF", siteName: "Direction régionale de l'urbanisme et de l'habitat, Kara", name: "Direction régionale de l'urbanisme et de l'habitat, Kara", nationalCompetence: false, regions: ["kara", "centrale", "savanes"], hours: ADMIN_HOURS, phone: "+228 26 60 11 56", email: "urbanisme.kara@urbanisme.gouv.tg" },
  // Social security: attestation CNSS.
  { code: "CNSS-LOM", agencyCode: "CNSS", siteName: "Caisse nationale de sécurité sociale (CNSS) — direction générale", name: "CNSS — direction générale, service des immatriculations", nationalCompetence: true, regions: ["maritime", "plateaux"], hours: CONTINUOUS_HOURS, phone: "+228 22 21 37 51", email: "immatriculation@cnss.tg" },
  { code: "CNSS-KAR", agencyCode: "CNSS", siteName: "CNSS — agence régionale de Kara", name: "CNSS — agence régionale de Kara", nationalCompetence: false, regions: ["kara", "savanes"], hours: CONTINUOUS_HOURS, phone: "+228 26 60 03 44", email: "kara@cnss.tg" },
  { code: "CNSS-SOK", agencyCode: "CNSS", siteName: "CNSS — agence de Sokodé", name: "CNSS — agence de Sokodé", nationalCompetence: false, regions: ["centrale"], hours: CONTINUOUS_HOURS, phone: "+228 25 50 04 19", email: "sokode@cnss.tg" },
  // Tax: attestation de régularité fiscale (draft procedure).
  { code: "OTR-LOM", agencyCode: "OTR", siteName: "Office togolais des recettes (OTR) — siège", name: "OTR — centre des impôts, service des attestations", nationalCompetence: true, regions: ["maritime", "plateaux", "centrale", "kara", "savanes"], hours: CONTINUOUS_HOURS, phone: "+228 22 53 14 00", email: "attestations@otr.tg" },
];
