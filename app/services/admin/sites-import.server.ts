import { inArray } from "drizzle-orm";
import { sites } from "../../../db/schema";
import { readSitesCsv, type CsvError, type SiteValues } from "~/domain/sites-csv";
import type { Database, Executor } from "~/utils/db.server";
import { auditAdminChange, type AdminActor } from "./admin-audit.server";
import { afterSitesChange, forgetSiteMemos, insertSite, siteReference, updateSiteRow } from "./sites.server";

export type ImportLineState = "new" | "modified" | "unchanged";

export interface ImportPreviewLine {
  line: number;
  code: string;
  name: string;
  state: ImportLineState;
  /** The fields an update changes. */
  changes: string[];
}

export interface ImportPreview {
  lines: ImportPreviewLine[];
  errors: CsvError[];
  counts: Record<ImportLineState, number>;
}

type ExistingSite = SiteValues & { id: number };

async function existingSites(db: Executor, codes: string[]): Promise<Map<string, ExistingSite>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({
      id: sites.id,
      code: sites.code,
      name: sites.name,
      kind: sites.kind,
      regionCode: sites.regionCode,
      townId: sites.townId,
      address: sites.address,
      lat: sites.lat,
      lng: sites.lng,
      phase: sites.phase,
      capacityMbps: sites.capacityMbps,
      connectedOn: sites.connectedOn,
    })
    .from(sites)
    .where(inArray(sites.code, codes));
  return new Map(rows.map((row) => [row.code, { ...row, phase: row.phase === 1 ? 1 : 2 }]));
}

const COMPARED: readonly (keyof SiteValues)[] = ["name", "kind", "regionCode", "townId", "address", "lat", "lng", "phase", "capacityMbps", "connectedOn"];

function changedFields(before: SiteValues, after: SiteValues): string[] {
  return COMPARED.filter((key) => (before[key] ?? null) !== (after[key] ?? null));
}

async function analyse(db: Executor, csv: string) {
  const { lines, errors } = readSitesCsv(csv, await siteReference(db));
  const existing = await existingSites(db, lines.map((l) => l.values.code));
  const preview: ImportPreviewLine[] = lines.map(({ line, values }) => {
    const before = existing.get(values.code);
    const changes = before ? changedFields(before, values) : [];
    return { line, code: values.code, name: values.name, state: !before ? "new" : changes.length > 0 ? "modified" : "unchanged", changes };
  });
  const counts = { new: 0, modified: 0, unchanged: 0 };
  for (const l of preview) counts[l.state]++;
  return { lines, errors, existing, preview: { lines: preview, errors, counts } satisfies ImportPreview };
}

/** Read and check the whole file, compare it with the sites on record; writes nothing. */
export async function previewSitesImport(db: Executor, csv: string): Promise<ImportPreview> {
  return (await analyse(db, csv)).preview;
}

export type ImportResult = { ok: true; counts: Record<ImportLineState, number> } | { ok: false; preview: ImportPreview };

/**
 * Check the file again and, when every line is valid, write all of it in one transaction: new
 * sites, updated sites, one `admin.site.import` entry and one create/update entry per site.
 */
export async function importSites(db: Database, actor: AdminActor, csv: string, now = new Date()): Promise<ImportResult> {
  const result = await db.transaction(async (tx) => {
    const { lines, errors, existing, preview } = await analyse(tx, csv);
    if (errors.length > 0) return { ok: false as const, preview };
    const details = { import: true };
    for (const { values } of lines) {
      const before = existing.get(values.code);
      if (!before) await insertSite(tx, actor, values, now, details);
      else await updateSiteRow(tx, actor, before, values, now, details);
    }
    const codes = (state: ImportLineState) => preview.lines.filter((l) => l.state === state).map((l) => l.code);
    await auditAdminChange(tx, actor, {
      action: "admin.site.import",
      targetType: "site",
      targetId: "import",
      details: { counts: preview.counts, created: codes("new"), updated: codes("modified") },
    });
    if (preview.counts.new + preview.counts.modified > 0) await afterSitesChange(tx);
    return { ok: true as const, counts: preview.counts };
  });
  if (result.ok) forgetSiteMemos(db);
  return result;
}
