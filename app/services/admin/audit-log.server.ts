/**
 * The audit log for the administrators: filtered, newest first, paged by id (keyset: no gap nor
 * duplicate while new entries arrive), details redacted for case entries (domain/audit-log).
 */
import { and, asc, desc, eq, gt, gte, like, lt, or, sql, type SQL } from "drizzle-orm";
import { auditLog, users } from "../../../db/schema";
import { foldText, visibleDetails, type AuditFilters, type AuditOutcome } from "~/domain/audit-log";
import type { Executor } from "~/utils/db.server";

export const AUDIT_PAGE_SIZE = 50;

export interface AuditEntryView {
  id: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  outcome: AuditOutcome;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  requestId: string | null;
  /** Already redacted (visibleDetails). */
  details: Record<string, unknown>;
}

const ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿœæ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyyoa";
/** lower(unaccent(column)) without the unaccent extension (PGlite has none). */
const folded = (column: SQL | typeof users.fullName) => sql`translate(lower(coalesce(${column}, '')), ${ACCENTED}, ${PLAIN})`;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(filters: AuditFilters): SQL[] {
  const where: SQL[] = [];
  if (filters.actor) {
    const pattern = `%${escapeLike(foldText(filters.actor))}%`;
    const digits = filters.actor.replace(/[^\d]/g, "");
    const matches = [sql`${folded(users.fullName)} like ${pattern}`, sql`${folded(sql`${users.email}`)} like ${pattern}`];
    if (digits.length >= 4) matches.push(sql`${users.phone} like ${`%${digits}%`}`);
    where.push(or(...matches)!);
  }
  if (filters.action) {
    if (filters.action.endsWith(".*")) where.push(like(auditLog.action, `${escapeLike(filters.action.slice(0, -1))}%`));
    else where.push(eq(auditLog.action, filters.action));
  }
  if (filters.outcome) where.push(eq(auditLog.outcome, filters.outcome));
  if (filters.targetType) where.push(eq(auditLog.targetType, filters.targetType));
  if (filters.targetId) where.push(eq(auditLog.targetId, filters.targetId));
  if (filters.from) where.push(gte(auditLog.at, filters.from));
  if (filters.to) where.push(lt(auditLog.at, filters.to));
  return where;
}

function selectEntries(db: Executor, where: SQL[]) {
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: users.fullName,
      action: auditLog.action,
      outcome: auditLog.outcome,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      ip: auditLog.ip,
      requestId: auditLog.requestId,
      details: auditLog.details,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(...where));
}

const redact = <T extends { targetType: string | null; details: Record<string, unknown> }>(row: T): T => ({
  ...row,
  details: visibleDetails(row.targetType, row.details ?? {}),
});

export interface AuditPage {
  entries: AuditEntryView[];
  /** Cursor of the next older page (?apres=), null on the last page. */
  older: number | null;
  /** Cursor of the next newer page (?avant=), null on the first page. */
  newer: number | null;
}

/**
 * One page of entries, newest first. `after`: entries older than that id; `before`: entries newer
 * than that id (the page just before, read upwards then put back in order; the first page when
 * fewer than a page are left above).
 */
export async function listAuditEntries(
  db: Executor,
  input: {
    filters: AuditFilters;
    after?: number | null;
    before?: number | null;
    limit?: number;
  },
): Promise<AuditPage> {
  const limit = input.limit ?? AUDIT_PAGE_SIZE;
  const where = conditions(input.filters);
  if (input.before && !input.after) {
    const rows = await selectEntries(db, [...where, gt(auditLog.id, input.before)])
      .orderBy(asc(auditLog.id))
      .limit(limit + 1);
    // Back at the top: the first page, full, rather than what is left above the cursor.
    if (rows.length <= limit) return listAuditEntries(db, { filters: input.filters, limit });
    const entries = rows.slice(0, limit).reverse().map(redact);
    return {
      entries,
      newer: entries[0]!.id,
      older: entries[entries.length - 1]!.id,
    };
  }
  const rows = await selectEntries(db, input.after ? [...where, lt(auditLog.id, input.after)] : where)
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const hasOlder = rows.length > limit;
  const entries = rows.slice(0, limit).map(redact);
  let newer: number | null = null;
  if (input.after) {
    const first = entries[0]?.id ?? input.after - 1;
    const [newerRow] = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(...where, gt(auditLog.id, first)))
      .limit(1);
    newer = newerRow ? first : null;
  }
  return {
    entries,
    older: hasOlder ? entries[entries.length - 1]!.id : null,
    newer,
  };
}

/** Every entry the filters select, newest first, in batches (keyset), at most `max` (the CSV). */
export async function* auditEntriesInBatches(
  db: Executor,
  filters: AuditFilters,
  options: { max: number; batchSize?: number },
): AsyncGenerator<AuditEntryView[], void, undefined> {
  const batchSize = options.batchSize ?? 1000;
  const where = conditions(filters);
  let after: number | null = null;
  let left = options.max;
  while (left > 0) {
    const rows = await selectEntries(db, after === null ? where : [...where, lt(auditLog.id, after)])
      .orderBy(desc(auditLog.id))
      .limit(Math.min(batchSize, left));
    if (rows.length === 0) return;
    left -= rows.length;
    after = rows[rows.length - 1]!.id;
    yield rows.map(redact);
    if (rows.length < batchSize) return;
  }
}

/** The actions and target types present in the log (for the filter's selects). */
export async function auditFilterChoices(db: Executor): Promise<{ actions: string[]; targetTypes: string[] }> {
  const [actions, targetTypes] = await Promise.all([
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)),
    db
      .selectDistinct({ targetType: auditLog.targetType })
      .from(auditLog)
      .where(sql`${auditLog.targetType} is not null`)
      .orderBy(asc(auditLog.targetType)),
  ]);
  return {
    actions: actions.map((a) => a.action),
    targetTypes: targetTypes.map((t) => t.targetType!),
  };
}
