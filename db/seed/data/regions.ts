import type { RegionCode } from "../../../app/domain/constants";

export interface RegionSeed {
  code: RegionCode;
  name: string;
  capital: string;
  position: number;
}

/** The five regions, south to north. */
export const REGIONS: readonly RegionSeed[] = [
  { code: "maritime", name: "Maritime", capital: "Lomé", position: 1 },
  { code: "plateaux", name: "Plateaux", capital: "Atakpamé", position: 2 },
  { code: "centrale", name: "Centrale", capital: "Sokodé", position: 3 },
  { code: "kara", name: "Kara", capital: "Kara", position: 4 },
  { code: "savanes", name: "Savanes", capital: "Dapaong", position: 5 },
];

export interface TownSeed {
  name: string;
  regionCode: RegionCode;
  lat: number;
  lng: number;
  /** Code prefix of the sites of this town (LOM-001, KAR-001, ATK-001…). */
  sitePrefix: string;
}

/** Main towns with approximate real coordinates. */
export const TOWNS: readonly TownSeed[] = [
  { name: "Lomé", regionCode: "maritime", lat: 6.1319, lng: 1.2228, sitePrefix: "LOM" },
  { name: "Tsévié", regionCode: "maritime", lat: 6.4261, lng: 1.2133, sitePrefix: "TSV" },
  { name: "Aného", regionCode: "maritime", lat: 6.228, lng: 1.5919, sitePrefix: "ANE" },
  { name: "Vogan", regionCode: "maritime", lat: 6.3333, lng: 1.5333, sitePrefix: "VOG" },
  { name: "Atakpamé", regionCode: "plateaux", lat: 7.5333, lng: 1.1333, sitePrefix: "ATK" },
  { name: "Kpalimé", regionCode: "plateaux", lat: 6.9, lng: 0.6333, sitePrefix: "KPM" },
  { name: "Notsé", regionCode: "plateaux", lat: 6.95, lng: 1.1667, sitePrefix: "NOT" },
  { name: "Badou", regionCode: "plateaux", lat: 7.5833, lng: 0.6, sitePrefix: "BDU" },
  { name: "Sokodé", regionCode: "centrale", lat: 8.9833, lng: 1.1333, sitePrefix: "SOK" },
  { name: "Tchamba", regionCode: "centrale", lat: 9.0333, lng: 1.4167, sitePrefix: "TCH" },
  { name: "Sotouboua", regionCode: "centrale", lat: 8.5667, lng: 0.9833, sitePrefix: "SOT" },
  { name: "Kara", regionCode: "kara", lat: 9.5511, lng: 1.1861, sitePrefix: "KAR" },
  { name: "Bassar", regionCode: "kara", lat: 9.25, lng: 0.7833, sitePrefix: "BSR" },
  { name: "Niamtougou", regionCode: "kara", lat: 9.7667, lng: 1.1, sitePrefix: "NIA" },
  { name: "Bafilo", regionCode: "kara", lat: 9.35, lng: 1.2667, sitePrefix: "BAF" },
  { name: "Dapaong", regionCode: "savanes", lat: 10.8623, lng: 0.2076, sitePrefix: "DAP" },
  { name: "Mango", regionCode: "savanes", lat: 10.3592, lng: 0.4708, sitePrefix: "MAN" },
  { name: "Cinkassé", regionCode: "savanes", lat: 11.0961, lng: 0.0151, sitePrefix: "CIN" },
];

export interface QuarterSeed {
  name: string;
  lat: number;
  lng: number;
}

/** Quarters of Lomé (approximate centres), used to place sites and make their names unique. */
export const LOME_QUARTERS: readonly QuarterSeed[] = [
  { name: "Tokoin", lat: 6.152, lng: 1.221 },
  { name: "Bè", lat: 6.136, lng: 1.241 },
  { name: "Adidogomé", lat: 6.18, lng: 1.16 },
  { name: "Agoè", lat: 6.228, lng: 1.207 },
  { name: "Nyékonakpoè", lat: 6.128, lng: 1.206 },
  { name: "Hédzranawoé", lat: 6.166, lng: 1.246 },
  { name: "Kodjoviakopé", lat: 6.126, lng: 1.197 },
  { name: "Djidjolé", lat: 6.166, lng: 1.2 },
  { name: "Baguida", lat: 6.153, lng: 1.33 },
  { name: "Amoutivé", lat: 6.136, lng: 1.229 },
  { name: "Adakpamé", lat: 6.161, lng: 1.282 },
  { name: "Akodésséwa", lat: 6.146, lng: 1.266 },
  { name: "Avédji", lat: 6.19, lng: 1.196 },
  { name: "Adéwui", lat: 6.158, lng: 1.207 },
  { name: "Kégué", lat: 6.176, lng: 1.256 },
  { name: "Totsi", lat: 6.186, lng: 1.212 },
  { name: "Wuiti", lat: 6.157, lng: 1.216 },
  { name: "Zanguéra", lat: 6.225, lng: 1.14 },
  { name: "Légbassito", lat: 6.251, lng: 1.18 },
  { name: "Sanguéra", lat: 6.232, lng: 1.12 },
  { name: "Ségbé", lat: 6.181, lng: 1.176 },
  { name: "Attiégou", lat: 6.2, lng: 1.236 },
  { name: "Klikamé", lat: 6.176, lng: 1.188 },
  { name: "Cacaveli", lat: 6.186, lng: 1.184 },
  { name: "Gbossimé", lat: 6.141, lng: 1.208 },
  { name: "Hanoukopé", lat: 6.134, lng: 1.215 },
  { name: "Lomé II", lat: 6.171, lng: 1.231 },
  { name: "Nukafu", lat: 6.173, lng: 1.222 },
  { name: "Aflao-Gakli", lat: 6.162, lng: 1.186 },
  { name: "Bè-Kpota", lat: 6.151, lng: 1.251 },
  { name: "Dékon", lat: 6.131, lng: 1.22 },
  { name: "Agbalépédogan", lat: 6.2, lng: 1.218 },
  { name: "Anfamé", lat: 6.141, lng: 1.252 },
  { name: "Atikoumé", lat: 6.156, lng: 1.236 },
  { name: "Gbényédji", lat: 6.182, lng: 1.168 },
  { name: "Avépozo", lat: 6.157, lng: 1.374 },
  { name: "Kpogan", lat: 6.171, lng: 1.351 },
  { name: "Vakpossito", lat: 6.211, lng: 1.174 },
  { name: "Togblékopé", lat: 6.262, lng: 1.221 },
  { name: "Adamavo", lat: 6.152, lng: 1.262 },
  { name: "Amadahomé", lat: 6.181, lng: 1.149 },
  { name: "Apédokoè", lat: 6.232, lng: 1.171 },
  { name: "Kanyikopé", lat: 6.164, lng: 1.212 },
  { name: "Doulassamé", lat: 6.139, lng: 1.258 },
  { name: "Souza Netimé", lat: 6.168, lng: 1.238 },
];
