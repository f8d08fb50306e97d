import type { Executor } from "~/utils/db.server";
import { audit } from "../audit.server";

/** Who made an administrative change, and from where (see `requestMetaFor` in utils/auth.server). */
export interface AdminActor {
  id: string;
  ip?: string | null;
  requestId?: string | null;
}

type Snapshot = Record<string, unknown>;

export interface AdminChange {
  /** Dotted verb under "admin.", e.g. "admin.office.update" (see docs/decisions/011). */
  action: `admin.${string}`;
  targetType: string;
  targetId: string | number;
  /** The record before the change (null for a creation) and after it (null for a deletion). */
  before?: Snapshot | null;
  after?: Snapshot | null;
  /** Anything else worth keeping (never passwords or tokens). */
  details?: Snapshot;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The keys whose values differ, with their value on each side: what an update changed, without
 * repeating what it did not. A creation (before null) or a deletion (after null) keeps the whole
 * record on its side.
 */
export function changedValues(before: Snapshot | null | undefined, after: Snapshot | null | undefined): { before: Snapshot | null; after: Snapshot | null } {
  if (!before || !after) return { before: before ?? null, after: after ?? null };
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !same(before[key], after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
}

/**
 * Journal an administrator's change, in the caller's transaction, with the before and after values
 * of what changed (DESIGN.md §6: every admin change goes to the audit log).
 */
export async function auditAdminChange(executor: Executor, actor: AdminActor, change: AdminChange): Promise<void> {
  const { before, after } = changedValues(change.before, change.after);
  await audit(executor, {
    action: change.action,
    actorId: actor.id,
    targetType: change.targetType,
    targetId: String(change.targetId),
    ip: actor.ip ?? null,
    requestId: actor.requestId ?? null,
    details: { ...change.details, before, after },
  });
}
