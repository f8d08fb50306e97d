import type { RegionCode, SiteKind } from "../../../app/domain/constants";
import type { Random } from "../random";
import { deName } from "../text";
import { LOME_QUARTERS, TOWNS } from "./regions";
import {
  KARA_CONNECTED_SITES,
  LOME_ADMINISTRATIONS,
  LOME_CAMPUSES,
  LOME_CONNECTED_SITES,
  LOME_HOSPITALS,
  LOME_INSTITUTIONS,
  LOME_MINISTRIES,
  LOME_QUARTER_TEMPLATES,
  LOME_TARGETS,
  LOME_TOWN_HALLS,
  type NamedSite,
} from "./sites-lome";

export interface SiteSeed {
  code: string;
  name: string;
  kind: SiteKind;
  townName: string;
  regionCode: RegionCode;
  address: string;
  lat: number;
  lng: number;
  phase: 1 | 2;
  /** ISO date; null for planned (not yet connected) sites. */
  connectedOn: string | null;
}

/** The 17 buildings connected in Kara (phase 1 extension, 2018). */
const KARA_SITES: readonly (readonly [string, SiteKind])[] = [
  ["Université de Kara — campus nord", "campus"],
  ["Université de Kara — campus sud", "campus"],
  ["CHU Kara", "hospital"],
  ["Préfecture de la Kozah", "administration"],
  ["Mairie de Kozah 1 (Kara)", "town_hall"],
  ["Tribunal de première instance de Kara", "administration"],
  ["Direction régionale de la documentation nationale, Kara", "administration"],
  ["CNSS — agence régionale de Kara", "administration"],
  ["Direction régionale des transports routiers, Kara", "administration"],
  ["Direction régionale de l'urbanisme et de l'habitat, Kara", "administration"],
  ["Lycée de Kara", "lycee"],
  ["Lycée de Tomdè", "lycee"],
  ["Direction régionale de l'éducation, Kara", "administration"],
  ["Conseil régional de la Kara", "institution"],
  ["Centre des impôts de Kara", "administration"],
  ["Direction régionale de la santé, Kara", "administration"],
  ["Maison de l'entreprise — antenne CFE de Kara", "administration"],
];

/** Phase 2: buildings planned in the other regions (and the rest of Maritime), not yet connected. */
const PLANNED_SITES: readonly (readonly [town: string, name: string, kind: SiteKind])[] = [
  ["Tsévié", "Préfecture de Zio", "administration"],
  ["Tsévié", "Mairie de Zio 1 (Tsévié)", "town_hall"],
  ["Tsévié", "CHR Tsévié", "hospital"],
  ["Aného", "Préfecture des Lacs", "administration"],
  ["Aného", "Mairie des Lacs 1 (Aného)", "town_hall"],
  ["Vogan", "Préfecture de Vo", "administration"],
  ["Atakpamé", "Préfecture de l'Ogou", "administration"],
  ["Atakpamé", "Mairie d'Ogou 1 (Atakpamé)", "town_hall"],
  ["Atakpamé", "Tribunal de première instance d'Atakpamé", "administration"],
  ["Atakpamé", "CHR Atakpamé", "hospital"],
  ["Atakpamé", "École normale supérieure d'Atakpamé", "campus"],
  ["Atakpamé", "Direction régionale de la documentation nationale, Atakpamé", "administration"],
  ["Atakpamé", "Direction régionale des transports routiers, Atakpamé", "administration"],
  ["Kpalimé", "Préfecture de Kloto", "administration"],
  ["Kpalimé", "Mairie de Kloto 1 (Kpalimé)", "town_hall"],
  ["Kpalimé", "Lycée de Kpalimé", "lycee"],
  ["Notsé", "Préfecture du Haho", "administration"],
  ["Badou", "Préfecture de Wawa", "administration"],
  ["Sokodé", "Préfecture de Tchaoudjo", "administration"],
  ["Sokodé", "Mairie de Tchaoudjo 1 (Sokodé)", "town_hall"],
  ["Sokodé", "Tribunal de première instance de Sokodé", "administration"],
  ["Sokodé", "CHR Sokodé", "hospital"],
  ["Sokodé", "CNSS — agence de Sokodé", "administration"],
  ["Tchamba", "Préfecture de Tchamba", "administration"],
  ["Sotouboua", "Préfecture de Sotouboua", "administration"],
  ["Bassar", "Préfecture de Bassar", "administration"],
  ["Bassar", "Hôpital de Bassar", "hospital"],
  ["Niamtougou", "Préfecture de la Doufelgou", "administration"],
  ["Niamtougou", "Mairie de Doufelgou 1 (Niamtougou)", "town_hall"],
  ["Bafilo", "Mairie d'Assoli 1 (Bafilo)", "town_hall"],
  ["Dapaong", "Préfecture de Tône", "administration"],
  ["Dapaong", "Mairie de Tône 1 (Dapaong)", "town_hall"],
  ["Dapaong", "Tribunal de première instance de Dapaong", "administration"],
  ["Dapaong", "CHR Dapaong", "hospital"],
  ["Dapaong", "Direction régionale de la santé, Savanes", "administration"],
  ["Mango", "Préfecture de l'Oti", "administration"],
  ["Mango", "Mairie d'Oti 1 (Mango)", "town_hall"],
  ["Cinkassé", "Préfecture de Cinkassé", "administration"],
];

function town(name: string) {
  const found = TOWNS.find((t) => t.name === name);
  if (!found) throw new Error(`Unknown town: ${name}`);
  return found;
}

function quarter(name: string) {
  const found = LOME_QUARTERS.find((q) => q.name === name);
  if (!found) throw new Error(`Unknown quarter of Lomé: ${name}`);
  return found;
}

function isoDay(start: string, offsetDays: number): string {
  const day = new Date(`${start}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + offsetDays);
  return day.toISOString().slice(0, 10);
}

const round = (value: number) => Math.round(value * 1e5) / 1e5;

/** The 543 buildings of Lomé, by kind, in a stable order. */
function lomeNamedSites(random: Random): NamedSite[] {
  const named: NamedSite[] = [
    ...LOME_INSTITUTIONS,
    ...LOME_MINISTRIES,
    ...LOME_CAMPUSES,
    ...LOME_HOSPITALS,
  ];
  const quarters = LOME_QUARTERS.map((q) => q.name);
  const fill = (kind: SiteKind, target: number, makeName: (q: string, round: number) => string, base: readonly NamedSite[] = []) => {
    const list = [...base];
    for (let turn = 0; list.length < target; turn++) {
      for (const q of quarters) {
        if (list.length >= target) break;
        list.push([makeName(q, turn), kind, q]);
      }
    }
    named.push(...list);
  };
  fill("hospital", LOME_TARGETS.hospital - LOME_HOSPITALS.length, (q) => `Centre médico-social ${deName(q)}`);
  fill("lycee", LOME_TARGETS.lycee, (q, turn) => (turn === 0 ? `Lycée ${deName(q)}` : `Lycée ${deName(q)} II`), [
    ["Lycée technique d'Adidogomé", "lycee", "Adidogomé"],
    ["Lycée technique et professionnel de Lomé", "lycee", "Tokoin"],
    ["Lycée scientifique de Lomé", "lycee", "Tokoin"],
  ]);
  fill("town_hall", LOME_TARGETS.town_hall, (q) => `Centre d'état civil ${deName(q)}`, LOME_TOWN_HALLS);
  named.push(...LOME_ADMINISTRATIONS);

  const pairs = random.shuffle(LOME_QUARTER_TEMPLATES.flatMap((template) => quarters.map((q) => [template, q] as const)));
  for (const [template, q] of pairs) {
    if (named.length >= LOME_CONNECTED_SITES) break;
    named.push([`${template.prefix} ${deName(q)}`, template.kind, q]);
  }
  if (named.length !== LOME_CONNECTED_SITES) throw new Error(`Lomé has ${named.length} sites, expected ${LOME_CONNECTED_SITES}`);
  return named;
}

/** Every site of the demo network: 543 in Lomé, 17 in Kara (connected), then the planned ones. */
export function buildSites(random: Random): SiteSeed[] {
  const sites: SiteSeed[] = [];
  const lome = town("Lomé");
  lomeNamedSites(random).forEach(([name, kind, q], index) => {
    const place = quarter(q);
    sites.push({
      code: `${lome.sitePrefix}-${String(index + 1).padStart(3, "0")}`,
      name,
      kind,
      townName: lome.name,
      regionCode: lome.regionCode,
      address: `Quartier ${q}, Lomé`,
      lat: round(place.lat + random.float(-0.005, 0.005)),
      lng: round(place.lng + random.float(-0.005, 0.005)),
      phase: 1,
      connectedOn: isoDay("2017-03-01", random.int(0, 290)),
    });
  });

  const kara = town("Kara");
  if (KARA_SITES.length !== KARA_CONNECTED_SITES) throw new Error("Kara must have 17 connected sites");
  KARA_SITES.forEach(([name, kind], index) => {
    sites.push({
      code: `${kara.sitePrefix}-${String(index + 1).padStart(3, "0")}`,
      name,
      kind,
      townName: kara.name,
      regionCode: kara.regionCode,
      address: "Kara",
      lat: round(kara.lat + random.float(-0.018, 0.018)),
      lng: round(kara.lng + random.float(-0.015, 0.015)),
      phase: 1,
      connectedOn: isoDay("2018-03-01", random.int(0, 240)),
    });
  });

  const counters = new Map<string, number>();
  for (const [townName, name, kind] of PLANNED_SITES) {
    const place = town(townName);
    const n = (counters.get(place.sitePrefix) ?? 0) + 1;
    counters.set(place.sitePrefix, n);
    sites.push({
      code: `${place.sitePrefix}-${String(n).padStart(3, "0")}`,
      name,
      kind,
      townName: place.name,
      regionCode: place.regionCode,
      address: place.name,
      lat: round(place.lat + random.float(-0.01, 0.01)),
      lng: round(place.lng + random.float(-0.01, 0.01)),
      phase: 2,
      connectedOn: null,
    });
  }
  return sites;
}
