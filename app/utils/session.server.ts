import { sha256 } from "@oslojs/crypto/sha2";
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, desc, eq, gt, lt, ne, or } from "drizzle-orm";
import { sessions, users } from "../../db/schema";
import type { Executor } from "./db.server";

/**
 * Sessions after the Lucia design (lucia-auth.com, "Sessions"), without the deprecated package:
 * the cookie holds a random token; the database holds only its SHA-256, so a leaked session table
 * cannot be replayed. See docs/decisions for the why.
 */

/** Signed out after 30 minutes without activity… */
export const SESSION_IDLE_MS = 30 * 60 * 1000;
/** …and after 12 hours in any case. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;

export type Session = typeof sessions.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/** 160 random bits, base32 (32 characters). Used for session and password-reset tokens. */
export function generateSecretToken(): string {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What is stored in place of a token: hex SHA-256. */
export function hashSecretToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export interface SessionMeta {
  ip?: string | null;
  userAgent?: string | null;
}

export async function createSession(
  db: Executor,
  userId: string,
  meta: SessionMeta = {},
  now: Date = new Date(),
): Promise<{ token: string; session: Session }> {
  const token = generateSecretToken();
  const [session] = await db
    .insert(sessions)
    .values({
      id: hashSecretToken(token),
      userId,
      expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      absoluteExpiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS),
      createdAt: now,
      lastSeenAt: now,
      ip: meta.ip ?? null,
      userAgent: meta.userAgent ? meta.userAgent.slice(0, 512) : null,
    })
    .returning();
  return { token, session: session! };
}

/**
 * The session and its user when the token is valid at `now`; expired sessions are deleted.
 * Sliding expiry: `expiresAt` moves forward only once more than half of the idle period is used,
 * so an active user costs one write every 15 minutes, not one per request. Never past the absolute limit.
 */
export async function validateSessionToken(
  db: Executor,
  token: string,
  now: Date = new Date(),
): Promise<{ session: Session; user: UserRow } | null> {
  if (!/^[a-z2-7]{16,64}$/.test(token)) return null;
  const id = hashSecretToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id))
    .limit(1);
  if (!row) return null;
  const { session, user } = row;
  const t = now.getTime();
  if (t >= session.expiresAt.getTime() || t >= session.absoluteExpiresAt.getTime() || user.disabledAt) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (session.expiresAt.getTime() - t < SESSION_IDLE_MS / 2) {
    const expiresAt = new Date(Math.min(t + SESSION_IDLE_MS, session.absoluteExpiresAt.getTime()));
    await db.update(sessions).set({ expiresAt, lastSeenAt: now }).where(eq(sessions.id, id));
    return { session: { ...session, expiresAt, lastSeenAt: now }, user };
  }
  return { session, user };
}

export async function invalidateSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Sign the user out everywhere, or everywhere but `exceptSessionId`. Returns how many were closed. */
export async function invalidateUserSessions(
  db: Executor,
  userId: string,
  options: { exceptSessionId?: string } = {},
): Promise<number> {
  const where = options.exceptSessionId
    ? and(eq(sessions.userId, userId), ne(sessions.id, options.exceptSessionId))
    : eq(sessions.userId, userId);
  const deleted = await db.delete(sessions).where(where).returning({ id: sessions.id });
  return deleted.length;
}

/** The user's sessions still valid at `now`, most recently seen first. */
export async function listActiveSessions(db: Executor, userId: string, now: Date = new Date()): Promise<Session[]> {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.absoluteExpiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

/** Delete sessions past either limit (housekeeping; validation already refuses them). */
export async function purgeExpiredSessions(db: Executor, now: Date = new Date()): Promise<number> {
  const deleted = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.absoluteExpiresAt, now)))
    .returning({ id: sessions.id });
  return deleted.length;
}

// ——— Cookie ———

/**
 * `Secure` and the `__Host-` prefix (the browser then refuses the cookie unless it is Secure, has
 * Path=/ and no Domain) in production; COOKIE_SECURE=false turns them off for plain-http test hosts.
 */
export function isSecureCookie(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NODE_ENV === "production" && env.COOKIE_SECURE !== "false";
}

export function sessionCookieName(env: NodeJS.ProcessEnv = process.env): string {
  return isSecureCookie(env) ? "__Host-guichet_session" : "guichet_session";
}

function cookieAttributes(): string {
  // No Expires/Max-Age: a browser-session cookie; the server enforces both time limits.
  return `Path=/; HttpOnly; SameSite=Lax${isSecureCookie() ? "; Secure" : ""}`;
}

export function serializeSessionCookie(token: string): string {
  return `${sessionCookieName()}=${token}; ${cookieAttributes()}`;
}

export function serializeBlankSessionCookie(): string {
  return `${sessionCookieName()}=; Max-Age=0; ${cookieAttributes()}`;
}

/** The session token from the request's Cookie header, or null. */
export function readSessionToken(request: Request): string | null {
  return sessionTokenFromCookieHeader(request.headers.get("Cookie"));
}

/** The session token from a Cookie header's value, or null. */
export function sessionTokenFromCookieHeader(header: string | null | undefined): string | null {
  if (!header) return null;
  const name = sessionCookieName();
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return value.length > 0 ? value : null;
    }
  }
  return null;
}
