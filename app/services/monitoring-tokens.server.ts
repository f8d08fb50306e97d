import { timingSafeEqual } from "node:crypto";
import { and, asc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { monitoringTokens, users } from "../../db/schema";
import type { Executor } from "~/utils/db.server";
import { generateSecretToken, hashSecretToken } from "~/utils/session.server";
import { audit } from "./audit.server";

/**
 * Bearer tokens of the probes and of Alertmanager. Only the SHA-256 is stored; the plain token is
 * shown once, at creation. MONITORING_TOKEN from the environment is also accepted (tests, simple
 * set-ups with one Alertmanager).
 */

/** last_used_at is written at most this often per token (not one write per heartbeat). */
export const LAST_USED_RESOLUTION_MS = 60_000;
const TOKEN_PREFIX = "gmt_";

export type MonitoringToken = Omit<typeof monitoringTokens.$inferSelect, "tokenHash">;

export type TokenIdentity = { kind: "stored"; id: number; name: string } | { kind: "environment"; name: "MONITORING_TOKEN" };

export class MonitoringTokenError extends Error {
  constructor(readonly code: "name_taken" | "not_found" | "invalid_name", message: string) {
    super(message);
  }
}

export const TOKEN_NAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/i;

/** Creates a token; returns the plain token, which is never stored nor shown again. */
export async function createMonitoringToken(
  db: Executor,
  input: {
    name: string;
    createdBy?: string | null;
    ip?: string | null;
    requestId?: string | null;
  },
): Promise<{ token: string; record: MonitoringToken }> {
  if (!TOKEN_NAME_PATTERN.test(input.name)) throw new MonitoringTokenError("invalid_name", "name: letters, digits, '.', '_' or '-' (at most 63)");
  const [existing] = await db.select({ id: monitoringTokens.id }).from(monitoringTokens).where(eq(monitoringTokens.name, input.name));
  if (existing) throw new MonitoringTokenError("name_taken", `a token named ${input.name} exists (revoke it or choose another name)`);
  const token = `${TOKEN_PREFIX}${generateSecretToken()}`;
  const [row] = await db
    .insert(monitoringTokens)
    .values({
      name: input.name,
      tokenHash: hashSecretToken(token),
      createdBy: input.createdBy ?? null,
    })
    .returning();
  const { tokenHash: _hash, ...record } = row!;
  await audit(db, {
    action: "monitoring_token.create",
    actorId: input.createdBy ?? null,
    targetType: "monitoring_token",
    targetId: String(record.id),
    ip: input.ip ?? null,
    requestId: input.requestId ?? null,
    details: { name: record.name },
  });
  return { token, record };
}

export async function listMonitoringTokens(db: Executor): Promise<MonitoringToken[]> {
  return db
    .select({
      id: monitoringTokens.id,
      name: monitoringTokens.name,
      createdBy: monitoringTokens.createdBy,
      createdAt: monitoringTokens.createdAt,
      lastUsedAt: monitoringTokens.lastUsedAt,
      revokedAt: monitoringTokens.revokedAt,
    })
    .from(monitoringTokens)
    .orderBy(asc(monitoringTokens.name));
}

/** Revokes a token by name: the next request with it is refused (no cache in between). */
export async function revokeMonitoringToken(
  db: Executor,
  input: {
    name: string;
    actorId?: string | null;
    ip?: string | null;
    requestId?: string | null;
    now?: Date;
  },
): Promise<MonitoringToken> {
  const [row] = await db
    .update(monitoringTokens)
    .set({ revokedAt: input.now ?? new Date() })
    .where(and(eq(monitoringTokens.name, input.name), isNull(monitoringTokens.revokedAt)))
    .returning();
  if (!row) throw new MonitoringTokenError("not_found", `no active token named ${input.name}`);
  const { tokenHash: _hash, ...record } = row;
  await audit(db, {
    action: "monitoring_token.revoke",
    actorId: input.actorId ?? null,
    targetType: "monitoring_token",
    targetId: String(record.id),
    ip: input.ip ?? null,
    requestId: input.requestId ?? null,
    details: { name: record.name },
  });
  return record;
}

/** The tokens with the name of the person who created each (null: created from the command line). */
export async function listMonitoringTokensWithCreators(db: Executor): Promise<(MonitoringToken & { createdByName: string | null })[]> {
  return db
    .select({
      id: monitoringTokens.id,
      name: monitoringTokens.name,
      createdBy: monitoringTokens.createdBy,
      createdByName: users.fullName,
      createdAt: monitoringTokens.createdAt,
      lastUsedAt: monitoringTokens.lastUsedAt,
      revokedAt: monitoringTokens.revokedAt,
    })
    .from(monitoringTokens)
    .leftJoin(users, eq(users.id, monitoringTokens.createdBy))
    .orderBy(sql`${monitoringTokens.revokedAt} is not null`, asc(monitoringTokens.name));
}

function sameSecret(a: string, b: string): boolean {
  // Compare digests: equal lengths, and no early exit on the first differing character.
  const da = Buffer.from(hashSecretToken(a), "hex");
  const db = Buffer.from(hashSecretToken(b), "hex");
  return timingSafeEqual(da, db);
}

/** Who holds this token, or null when it is unknown or revoked. */
export async function verifyMonitoringToken(db: Executor, token: string, options: { now?: Date; env?: NodeJS.ProcessEnv } = {}): Promise<TokenIdentity | null> {
  const now = options.now ?? new Date();
  const fromEnv = (options.env ?? process.env).MONITORING_TOKEN;
  if (fromEnv && fromEnv.length >= 16 && sameSecret(token, fromEnv)) return { kind: "environment", name: "MONITORING_TOKEN" };

  // Looked up by its hash: an index probe, which leaks nothing usable about other tokens.
  const [row] = await db
    .select({
      id: monitoringTokens.id,
      name: monitoringTokens.name,
      lastUsedAt: monitoringTokens.lastUsedAt,
    })
    .from(monitoringTokens)
    .where(and(eq(monitoringTokens.tokenHash, hashSecretToken(token)), isNull(monitoringTokens.revokedAt)));
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const threshold = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
    await db
      .update(monitoringTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(monitoringTokens.id, row.id), or(isNull(monitoringTokens.lastUsedAt), lt(monitoringTokens.lastUsedAt, threshold))));
  }
  return { kind: "stored", id: row.id, name: row.name };
}
