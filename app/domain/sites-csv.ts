import { REGION_CODES, SITE_KINDS, type RegionCode, type SiteKind } from "./constants";

/**
 * Sites (buildings of the network): the rules of their fields, shared by the admin form and the
 * CSV import, and the reading of an import file. Pure: no database, no translations (errors are
 * keys of the `admin-organisation` namespace, under `errors.`).
 */

/** Upper-case letters, digits and hyphens, starting with a letter (e.g. LOM-0123). */
export const SITE_CODE = /^[A-Z][A-Z0-9-]{1,29}$/;
/** Togo's bounding box, roughly. */
export const TOGO_BOUNDS = { latMin: 6, latMax: 11.2, lngMin: -0.2, lngMax: 1.9 } as const;
export const CSV_MAX_BYTES = 1_000_000;
export const CSV_MAX_LINES = 2_000;

export const CSV_COLUMNS = ["code", "nom", "type", "region", "ville", "adresse", "latitude", "longitude", "phase", "capacite_mbps", "raccorde_le"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ["code", "nom", "type", "region", "ville", "latitude", "longitude", "phase"];

/** Lower case, without accents, spaces and hyphens as "_": "Capacité Mbps" → "capacite_mbps". */
export function normaliseName(value: string): string {
  return value
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

export function normaliseSiteCode(value: string): string {
  return value.trim().toUpperCase();
}

/** A decimal number, with a point or a French comma; null when it is not one. */
export function parseDecimal(value: string): number | null {
  const text = value.trim().replace(/\s/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** jj/mm/aaaa (or aaaa-mm-jj) → ISO date; null when it is not a real date. */
export function parseFrenchDate(value: string): string | null {
  const text = value.trim();
  const fr = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const [y, m, d] = fr ? [fr[3], fr[2], fr[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return null;
  return date.toISOString().slice(0, 10);
}

/** ISO date → jj/mm/aaaa (for the form). */
export function isoToFrenchDate(iso: string | null): string {
  if (!iso) return "";
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

export interface SiteFieldsInput {
  code: string;
  name: string;
  kind: string;
  region: string;
  town: string;
  address: string;
  lat: string;
  lng: string;
  phase: string;
  capacityMbps: string;
  connectedOn: string;
}

export interface SiteValues {
  code: string;
  name: string;
  kind: SiteKind;
  regionCode: RegionCode;
  townId: number;
  address: string | null;
  lat: number;
  lng: number;
  phase: 1 | 2;
  capacityMbps: number;
  connectedOn: string | null;
}

export interface TownRef {
  id: number;
  name: string;
  regionCode: RegionCode;
}

export interface RegionRef {
  code: RegionCode;
  name: string;
}

export type SiteFieldErrors = Partial<Record<keyof SiteFieldsInput, string>>;

/**
 * Check a site's fields (form or CSV line). `town` is a town id (form) or a town name (CSV,
 * `townByName`); `region` a region code or name.
 */
export function checkSiteFields(
  input: SiteFieldsInput,
  reference: { regions: readonly RegionRef[]; towns: readonly TownRef[] },
  options: { townByName?: boolean } = {},
): { values?: SiteValues; errors: SiteFieldErrors } {
  const errors: SiteFieldErrors = {};
  const code = normaliseSiteCode(input.code);
  if (!code) errors.code = "errors.code.required";
  else if (!SITE_CODE.test(code)) errors.code = "errors.code.format";
  const name = input.name.trim();
  if (!name) errors.name = "errors.name.required";
  else if (name.length > 200) errors.name = "errors.name.tooLong";
  const kind = SITE_KINDS.find((k) => k === normaliseName(input.kind));
  if (!input.kind.trim()) errors.kind = "errors.kind.required";
  else if (!kind) errors.kind = "errors.kind.unknown";
  const wanted = normaliseName(input.region);
  const region = reference.regions.find((r) => r.code === wanted || normaliseName(r.name) === wanted);
  if (!wanted) errors.region = "errors.region.required";
  else if (!region || !REGION_CODES.includes(region.code)) errors.region = "errors.region.unknown";
  let town: TownRef | undefined;
  if (!input.town.trim()) errors.town = "errors.town.required";
  else if (region) {
    town = options.townByName
      ? reference.towns.find((t) => t.regionCode === region.code && normaliseName(t.name) === normaliseName(input.town))
      : reference.towns.find((t) => String(t.id) === input.town.trim());
    if (!town) errors.town = options.townByName ? "errors.town.unknown" : "errors.town.notInRegion";
    else if (town.regionCode !== region.code) errors.town = "errors.town.notInRegion";
  }
  const lat = parseDecimal(input.lat);
  if (!input.lat.trim()) errors.lat = "errors.lat.required";
  else if (lat === null) errors.lat = "errors.decimal";
  else if (lat < TOGO_BOUNDS.latMin || lat > TOGO_BOUNDS.latMax) errors.lat = "errors.lat.outOfTogo";
  const lng = parseDecimal(input.lng);
  if (!input.lng.trim()) errors.lng = "errors.lng.required";
  else if (lng === null) errors.lng = "errors.decimal";
  else if (lng < TOGO_BOUNDS.lngMin || lng > TOGO_BOUNDS.lngMax) errors.lng = "errors.lng.outOfTogo";
  const phase = input.phase.trim();
  if (phase !== "1" && phase !== "2") errors.phase = "errors.phase";
  const capacityText = input.capacityMbps.trim() || "100";
  const capacityMbps = /^\d{1,6}$/.test(capacityText) ? Number(capacityText) : 0;
  if (capacityMbps <= 0) errors.capacityMbps = "errors.capacity";
  const connectedOn = input.connectedOn.trim() ? parseFrenchDate(input.connectedOn) : null;
  if (input.connectedOn.trim() && !connectedOn) errors.connectedOn = "errors.date";
  const address = input.address.trim();
  if (address.length > 300) errors.address = "errors.address.tooLong";
  if (Object.keys(errors).length > 0 || !kind || !region || !town || lat === null || lng === null) return { errors };
  return {
    errors,
    values: { code, name, kind, regionCode: region.code, townId: town.id, address: address || null, lat, lng, phase: phase === "1" ? 1 : 2, capacityMbps, connectedOn },
  };
}

/** The records of a CSV text (quotes, doubled quotes, separators and line breaks inside quotes). */
export function parseCsvRecords(text: string, separator: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (c === separator) {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      records.push({ line: start, cells });
      cells = [];
      cell = "";
      line++;
      start = line;
    } else cell += c;
  }
  if (cell !== "" || cells.length > 0) records.push({ line: start, cells: [...cells, cell] });
  return records.filter((r) => r.cells.some((c) => c.trim() !== ""));
}

export interface CsvError {
  /** The file's line (1 = header); 0 for the whole file. */
  line: number;
  column?: CsvColumn;
  key: string;
  value?: string;
}

export interface CsvSiteLine {
  line: number;
  values: SiteValues;
}

const FIELD_COLUMN: Record<keyof SiteFieldsInput, CsvColumn> = {
  code: "code",
  name: "nom",
  kind: "type",
  region: "region",
  town: "ville",
  address: "adresse",
  lat: "latitude",
  lng: "longitude",
  phase: "phase",
  capacityMbps: "capacite_mbps",
  connectedOn: "raccorde_le",
};

/** Read and check every line of an import file: the valid lines, and every error (none written while any). */
export function readSitesCsv(raw: string, reference: { regions: readonly RegionRef[]; towns: readonly TownRef[] }): { lines: CsvSiteLine[]; errors: CsvError[] } {
  const text = raw.replace(/^\uFEFF/, "");
  const headerEnd = text.search(/\r?\n|$/);
  const headerLine = text.slice(0, headerEnd);
  if (!headerLine.trim()) return { lines: [], errors: [{ line: 0, key: "errors.csv.empty" }] };
  const separator = headerLine.split(";").length >= headerLine.split(",").length ? ";" : ",";
  const records = parseCsvRecords(text, separator);
  const header = records.shift()!.cells.map(normaliseName);
  const errors: CsvError[] = [];
  for (const column of REQUIRED_COLUMNS) if (!header.includes(column)) errors.push({ line: 1, column, key: "errors.csv.missingColumn" });
  header.forEach((name) => {
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) errors.push({ line: 1, key: "errors.csv.unknownColumn", value: name });
  });
  if (errors.length > 0) return { lines: [], errors };
  if (records.length === 0) return { lines: [], errors: [{ line: 0, key: "errors.csv.noLines" }] };
  if (records.length > CSV_MAX_LINES) return { lines: [], errors: [{ line: 0, key: "errors.csv.tooManyLines" }] };

  const lines: CsvSiteLine[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    const cell = (column: CsvColumn) => {
      const index = header.indexOf(column);
      return index < 0 ? "" : (record.cells[index] ?? "");
    };
    if (record.cells.length > header.length) errors.push({ line: record.line, key: "errors.csv.tooManyCells" });
    const input = Object.fromEntries(Object.entries(FIELD_COLUMN).map(([field, column]) => [field, cell(column)])) as unknown as SiteFieldsInput;
    const checked = checkSiteFields(input, reference, { townByName: true });
    for (const [field, key] of Object.entries(checked.errors)) {
      const column = FIELD_COLUMN[field as keyof SiteFieldsInput];
      errors.push({ line: record.line, column, key, value: cell(column) });
    }
    const code = normaliseSiteCode(input.code);
    const first = seen.get(code);
    if (code && first !== undefined) errors.push({ line: record.line, column: "code", key: "errors.csv.duplicateCode", value: String(first) });
    else if (code) seen.set(code, record.line);
    if (checked.values) lines.push({ line: record.line, values: checked.values });
  }
  return { lines, errors };
}
