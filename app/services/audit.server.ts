import { auditLog } from "../../db/schema";
import type { Executor } from "~/utils/db.server";

export interface AuditEntry {
  /** Dotted verb, e.g. "auth.login", "auth.login_failed", "access.refused", "admin.office.update". */
  action: string;
  outcome?: "success" | "failure" | "refused";
  actorId?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  requestId?: string | null;
  /** Never passwords or tokens. For admin changes: { before, after }. */
  details?: Record<string, unknown>;
}

/** Append to the security journal, in the caller's transaction when there is one. */
export async function audit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    action: entry.action,
    outcome: entry.outcome ?? "success",
    actorId: entry.actorId ?? null,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId ?? null,
    ip: entry.ip ?? null,
    requestId: entry.requestId ?? null,
    details: entry.details ?? {},
  });
}
