import type { SiteKind } from "../../../app/domain/constants";

/** A named building: [name, kind, quarter of Lomé where it stands]. */
export type NamedSite = readonly [name: string, kind: SiteKind, quarter: string];

/** Every ministry of the Government has its head office on the network. */
export const LOME_MINISTRIES: readonly NamedSite[] = [
  ["Ministère de la Justice et de la Législation", "ministry", "Hanoukopé"],
  ["Ministère de l'Économie et des Finances", "ministry", "Nyékonakpoè"],
  ["Ministère de la Santé, de l'Hygiène publique et de l'Accès universel aux soins", "ministry", "Tokoin"],
  ["Ministère de la Sécurité et de la Protection civile", "ministry", "Amoutivé"],
  ["Ministère des Armées", "ministry", "Dékon"],
  ["Ministère des Affaires étrangères, de l'Intégration régionale et des Togolais de l'extérieur", "ministry", "Dékon"],
  ["Ministère de l'Administration territoriale, de la Décentralisation et du Développement des territoires", "ministry", "Amoutivé"],
  ["Ministère de l'Enseignement supérieur et de la Recherche", "ministry", "Tokoin"],
  ["Ministère des Enseignements primaire, secondaire, technique et de l'Artisanat", "ministry", "Hanoukopé"],
  ["Ministère de l'Urbanisme, de l'Habitat et de la Réforme foncière", "ministry", "Nukafu"],
  ["Ministère des Transports routiers, aériens et ferroviaires", "ministry", "Gbossimé"],
  ["Ministère de la Fonction publique, du Travail et du Dialogue social", "ministry", "Hanoukopé"],
  ["Ministère de l'Agriculture, de l'Élevage et du Développement rural", "ministry", "Kégué"],
  ["Ministère du Commerce, de l'Artisanat et de la Consommation locale", "ministry", "Nyékonakpoè"],
  ["Ministère de l'Économie numérique et de la Transformation digitale", "ministry", "Lomé II"],
  ["Ministère des Mines et des Ressources énergétiques", "ministry", "Kodjoviakopé"],
  ["Ministère de l'Eau et de l'Hydraulique villageoise", "ministry", "Tokoin"],
  ["Ministère de l'Environnement et des Ressources forestières", "ministry", "Kodjoviakopé"],
  ["Ministère des Travaux publics", "ministry", "Gbossimé"],
  ["Ministère de la Communication et des Médias", "ministry", "Nyékonakpoè"],
  ["Ministère de la Culture et du Tourisme", "ministry", "Bè"],
  ["Ministère des Sports et des Loisirs", "ministry", "Tokoin"],
  ["Ministère de l'Action sociale, de la Solidarité et de la Promotion de la femme", "ministry", "Amoutivé"],
  ["Ministère des Droits de l'homme et des Relations avec les institutions de la République", "ministry", "Dékon"],
  ["Ministère de la Planification du développement et de la Coopération", "ministry", "Hanoukopé"],
  ["Ministère de l'Économie maritime, de la Pêche et de la Protection côtière", "ministry", "Akodésséwa"],
  ["Ministère du Développement à la base, de l'Inclusion financière et de l'Emploi des jeunes", "ministry", "Bè"],
  ["Ministère de l'Enseignement technique et de la Formation professionnelle", "ministry", "Tokoin"],
  ["Ministère de la Promotion de l'investissement", "ministry", "Nyékonakpoè"],
];

/** Every institution of the Republic. */
export const LOME_INSTITUTIONS: readonly NamedSite[] = [
  ["Présidence de la République", "institution", "Lomé II"],
  ["Primature", "institution", "Dékon"],
  ["Assemblée nationale", "institution", "Lomé II"],
  ["Sénat", "institution", "Lomé II"],
  ["Cour constitutionnelle", "institution", "Kodjoviakopé"],
  ["Cour suprême", "institution", "Hanoukopé"],
  ["Cour des comptes", "institution", "Tokoin"],
  ["Cour d'appel de Lomé", "institution", "Hanoukopé"],
  ["Haute Autorité de l'audiovisuel et de la communication (HAAC)", "institution", "Tokoin"],
  ["Commission électorale nationale indépendante (CENI)", "institution", "Tokoin"],
  ["Commission nationale des droits de l'homme (CNDH)", "institution", "Hédzranawoé"],
  ["Médiateur de la République", "institution", "Kodjoviakopé"],
  ["Conseil économique et social", "institution", "Dékon"],
  ["Haute Cour de justice", "institution", "Hanoukopé"],
  ["Secrétariat général du Gouvernement", "institution", "Dékon"],
  ["Conseil supérieur de la magistrature", "institution", "Hanoukopé"],
  ["Haute Autorité de prévention et de lutte contre la corruption (HAPLUCIA)", "institution", "Tokoin"],
];

/** Every university campus and school of higher education of the capital. */
export const LOME_CAMPUSES: readonly NamedSite[] = [
  ["Université de Lomé — campus nord", "campus", "Adéwui"],
  ["Université de Lomé — campus sud", "campus", "Tokoin"],
  ["Université de Lomé — Faculté de droit", "campus", "Tokoin"],
  ["Université de Lomé — Faculté des sciences économiques et de gestion", "campus", "Tokoin"],
  ["Université de Lomé — Faculté des lettres, langues et arts", "campus", "Tokoin"],
  ["Université de Lomé — Faculté des sciences de l'homme et de la société", "campus", "Tokoin"],
  ["Université de Lomé — Faculté des sciences", "campus", "Adéwui"],
  ["Université de Lomé — Faculté des sciences de la santé", "campus", "Tokoin"],
  ["Université de Lomé — École nationale supérieure d'ingénieurs", "campus", "Adéwui"],
  ["Université de Lomé — École supérieure des techniques biologiques et alimentaires", "campus", "Adéwui"],
  ["Université de Lomé — École supérieure d'agronomie", "campus", "Adéwui"],
  ["Université de Lomé — École des assistants médicaux", "campus", "Tokoin"],
  ["Université de Lomé — Institut universitaire de technologie", "campus", "Adéwui"],
  ["Université de Lomé — Bibliothèque universitaire centrale", "campus", "Tokoin"],
  ["Université de Lomé — Centre informatique et de calcul", "campus", "Tokoin"],
  ["École nationale d'administration (ENA)", "campus", "Hédzranawoé"],
  ["Institut national de la jeunesse et des sports", "campus", "Kégué"],
];

/** Every CHU and the main hospitals of the capital. */
export const LOME_HOSPITALS: readonly NamedSite[] = [
  ["CHU Sylvanus Olympio", "hospital", "Tokoin"],
  ["CHU Campus", "hospital", "Adéwui"],
  ["CHR Lomé-Commune", "hospital", "Bè"],
  ["Hôpital de Bè", "hospital", "Bè"],
  ["Hôpital d'Agoè-Nyivé", "hospital", "Agoè"],
  ["Hôpital de district de Baguida", "hospital", "Baguida"],
  ["Hôpital d'instruction des armées de Lomé-Tokoin", "hospital", "Tokoin"],
  ["Centre national de transfusion sanguine", "hospital", "Tokoin"],
];

/** The city hall of Grand Lomé and its thirteen communes. */
export const LOME_TOWN_HALLS: readonly NamedSite[] = [
  ["Hôtel de ville — District autonome du Grand Lomé", "town_hall", "Nyékonakpoè"],
  ["Mairie de Golfe 1 (Bè-Afédomé)", "town_hall", "Bè"],
  ["Mairie de Golfe 2 (Hédzranawoé)", "town_hall", "Hédzranawoé"],
  ["Mairie de Golfe 3 (Bè-Kpota)", "town_hall", "Bè-Kpota"],
  ["Mairie de Golfe 4 (Amoutivé)", "town_hall", "Amoutivé"],
  ["Mairie de Golfe 5 (Aflao-Gakli)", "town_hall", "Aflao-Gakli"],
  ["Mairie de Golfe 6 (Baguida)", "town_hall", "Baguida"],
  ["Mairie de Golfe 7 (Djagblé)", "town_hall", "Sanguéra"],
  ["Mairie d'Agoè-Nyivé 1 (Agoè-Centre)", "town_hall", "Agoè"],
  ["Mairie d'Agoè-Nyivé 2 (Légbassito)", "town_hall", "Légbassito"],
  ["Mairie d'Agoè-Nyivé 3 (Togblékopé)", "town_hall", "Togblékopé"],
  ["Mairie d'Agoè-Nyivé 4 (Sanguéra)", "town_hall", "Sanguéra"],
  ["Mairie d'Agoè-Nyivé 5 (Vakpossito)", "town_hall", "Vakpossito"],
  ["Mairie d'Agoè-Nyivé 6 (Zanguéra)", "town_hall", "Zanguéra"],
];

/** Directions, public bodies, courts and préfectures with a building of their own. */
export const LOME_ADMINISTRATIONS: readonly NamedSite[] = [
  ["Tribunal de première instance de Lomé", "administration", "Hanoukopé"],
  ["Tribunal de commerce de Lomé", "administration", "Nyékonakpoè"],
  ["Tribunal pour enfants de Lomé", "administration", "Hanoukopé"],
  ["Direction générale de la documentation nationale (DGDN)", "administration", "Tokoin"],
  ["Agence nationale d'identification (ANID)", "administration", "Tokoin"],
  ["Guichet unique API-ZF — Centre de formalités des entreprises", "administration", "Nyékonakpoè"],
  ["Office togolais des recettes (OTR) — siège", "administration", "Hédzranawoé"],
  ["Caisse nationale de sécurité sociale (CNSS) — direction générale", "administration", "Tokoin"],
  ["Caisse de retraite du Togo (CRT)", "administration", "Tokoin"],
  ["Institut national d'assurance maladie (INAM)", "administration", "Tokoin"],
  ["Direction générale des transports routiers", "administration", "Gbossimé"],
  ["Direction générale de l'urbanisme et de l'habitat", "administration", "Nukafu"],
  ["Direction des affaires domaniales et cadastrales", "administration", "Nukafu"],
  ["Direction de l'état civil", "administration", "Amoutivé"],
  ["Direction des examens, concours et certifications", "administration", "Tokoin"],
  ["Préfecture du Golfe", "administration", "Amoutivé"],
  ["Préfecture d'Agoè-Nyivé", "administration", "Agoè"],
  ["Direction générale de la police nationale", "administration", "Amoutivé"],
  ["Direction générale de la gendarmerie nationale", "administration", "Dékon"],
  ["Commissariat central de la ville de Lomé", "administration", "Amoutivé"],
  ["Direction générale du Trésor et de la comptabilité publique", "administration", "Nyékonakpoè"],
  ["Direction générale du budget et des finances", "administration", "Nyékonakpoè"],
  ["Institut national de la statistique et des études économiques et démographiques (INSEED)", "administration", "Tokoin"],
  ["Inspection générale des finances", "administration", "Nyékonakpoè"],
  ["Inspection générale d'État", "administration", "Dékon"],
  ["Cellule e-Gouvernement — centre de supervision du réseau", "administration", "Lomé II"],
  ["Agence Togo digital", "administration", "Lomé II"],
  ["Autorité de régulation des communications électroniques et des postes (ARCEP)", "administration", "Tokoin"],
  ["Société des postes du Togo — direction générale", "administration", "Nyékonakpoè"],
  ["Port autonome de Lomé — direction générale", "administration", "Akodésséwa"],
  ["Agence nationale de la protection civile", "administration", "Djidjolé"],
  ["Archives nationales du Togo", "administration", "Nyékonakpoè"],
  ["Bibliothèque nationale du Togo", "administration", "Nyékonakpoè"],
  ["Institut national d'hygiène", "administration", "Tokoin"],
  ["Centrale d'achat des médicaments essentiels génériques (CAMEG)", "administration", "Adakpamé"],
  ["Agence nationale pour l'emploi (ANPE)", "administration", "Tokoin"],
  ["Fonds national de la finance inclusive (FNFI)", "administration", "Hédzranawoé"],
  ["Direction générale de l'énergie", "administration", "Kodjoviakopé"],
  ["Direction régionale de l'éducation Golfe-Lomé", "administration", "Tokoin"],
  ["Direction régionale de la santé du Grand Lomé", "administration", "Bè"],
  ["Direction générale des infrastructures et des équipements urbains", "administration", "Nukafu"],
  ["Direction générale de la fonction publique", "administration", "Hanoukopé"],
  ["Direction générale du travail", "administration", "Hanoukopé"],
  ["Direction de la législation et du sceau", "administration", "Hanoukopé"],
  ["Direction des affaires consulaires", "administration", "Dékon"],
  ["Office du baccalauréat", "administration", "Tokoin"],
  ["Centre national de recherche scientifique et technique", "administration", "Adéwui"],
  ["Direction de la météorologie nationale", "administration", "Tokoin"],
];

/** Templates for buildings found in many quarters (one of each per quarter at most). */
export const LOME_QUARTER_TEMPLATES: readonly { prefix: string; kind: SiteKind }[] = [
  { prefix: "Commissariat de police", kind: "administration" },
  { prefix: "Centre des impôts", kind: "administration" },
  { prefix: "Inspection de l'enseignement primaire", kind: "administration" },
  { prefix: "Brigade de gendarmerie", kind: "administration" },
  { prefix: "Bureau de poste", kind: "administration" },
  { prefix: "Centre de formation professionnelle", kind: "administration" },
  { prefix: "Centre social", kind: "administration" },
  { prefix: "Inspection du travail", kind: "administration" },
  { prefix: "Agence CNSS", kind: "administration" },
  { prefix: "Service de l'urbanisme", kind: "administration" },
];

/** Targets for the generated kinds (35 % of Lomé's public lycées, medical centres, civil status centres). */
export const LOME_TARGETS = { lycee: 60, hospital: 30, town_hall: 28 } as const;
export const LOME_CONNECTED_SITES = 543;
export const KARA_CONNECTED_SITES = 17;
