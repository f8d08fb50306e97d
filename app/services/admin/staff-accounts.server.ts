import { and, asc, count, eq, exists, ilike, inArray, isNotNull, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { offices, passwordResetTokens, sessions, staffRoles, users } from "../../../db/schema";
import type { StaffRole } from "~/domain/constants";
import {
  disableProblem,
  INVITATION_TTL_MS,
  roleChangeProblem,
  roleList,
  staffAccountState,
  STAFF_PAGE_SIZE,
  type RoleAssignment,
  type StaffAccountState,
} from "~/domain/staff-admin";
import { passwordResetUrl } from "~/services/auth.server";
import { enqueueNotifications } from "~/services/outbox.server";
import type { Database, Executor } from "~/utils/db.server";
import { generateSecretToken, hashSecretToken, invalidateUserSessions, listActiveSessions } from "~/utils/session.server";
import { auditAdminChange, type AdminActor } from "./admin-audit.server";

/** Staff accounts for administrators: list, invitation, roles, state, sessions. No case content. */

export type Channel = "email" | "sms";
type UserRow = typeof users.$inferSelect;

const isStaff = () => exists(sql`(select 1 from ${staffRoles} where ${staffRoles.userId} = ${users.id})`);

export async function listOffices(db: Executor) {
  return db.select({ id: offices.id, code: offices.code, name: offices.name }).from(offices).orderBy(asc(offices.name));
}

export interface StaffFilters {
  officeId?: number;
  role?: StaffRole;
  state?: StaffAccountState;
  q?: string;
  page?: number;
}

const stateCondition: Record<StaffAccountState, SQL> = {
  disabled: isNotNull(users.disabledAt),
  invited: and(isNull(users.disabledAt), isNull(users.passwordHash))!,
  active: and(isNull(users.disabledAt), isNotNull(users.passwordHash))!,
};

async function rolesOf(db: Executor, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db
    .select({ userId: staffRoles.userId, role: staffRoles.role, officeId: staffRoles.officeId, officeCode: offices.code, officeName: offices.name })
    .from(staffRoles)
    .leftJoin(offices, eq(offices.id, staffRoles.officeId))
    .where(inArray(staffRoles.userId, userIds))
    .orderBy(asc(staffRoles.role), asc(offices.code));
}

export async function listStaffAccounts(db: Executor, filters: StaffFilters) {
  const roleFilter = [
    filters.officeId ? eq(staffRoles.officeId, filters.officeId) : undefined,
    filters.role ? eq(staffRoles.role, filters.role) : undefined,
  ].filter(Boolean) as SQL[];
  const q = filters.q?.trim();
  const digits = q?.replace(/\D/g, "") ?? "";
  const pattern = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = and(
    exists(db.select({ one: sql`1` }).from(staffRoles).where(and(eq(staffRoles.userId, users.id), ...roleFilter))),
    filters.state ? stateCondition[filters.state] : undefined,
    pattern ? or(ilike(users.fullName, pattern), ilike(users.email, pattern), digits.length >= 4 ? like(users.phone, `%${digits}%`) : undefined) : undefined,
  );
  const page = Math.max(1, filters.page ?? 1);
  const [[total], rows] = await Promise.all([
    db.select({ n: count() }).from(users).where(where),
    db.select().from(users).where(where).orderBy(asc(users.fullName), asc(users.id)).limit(STAFF_PAGE_SIZE).offset((page - 1) * STAFF_PAGE_SIZE),
  ]);
  const roles = await rolesOf(db, rows.map((r) => r.id));
  return {
    total: total?.n ?? 0,
    page,
    pageCount: Math.max(1, Math.ceil((total?.n ?? 0) / STAFF_PAGE_SIZE)),
    accounts: rows.map((u) => ({
      id: u.id,
      fullName: u.fullName,
      email: u.email,
      phone: u.phone,
      state: staffAccountState(u),
      lastLoginAt: u.lastLoginAt,
      roles: roles.filter((r) => r.userId === u.id).map(({ role, officeCode }) => ({ role, officeCode })),
    })),
  };
}

/** The account when the user is staff; null for a citizen or an unknown id. */
export async function loadStaffAccount(db: Executor, userId: string, now: Date = new Date()) {
  if (!/^[0-9a-f-]{36}$/i.test(userId)) return null;
  const [user] = await db.select().from(users).where(and(eq(users.id, userId), isStaff()));
  if (!user) return null;
  const [roles, activeSessions] = await Promise.all([rolesOf(db, [user.id]), listActiveSessions(db, user.id, now)]);
  return { user, state: staffAccountState(user), roles, sessions: activeSessions };
}

async function currentRoles(db: Executor, userId: string): Promise<RoleAssignment[]> {
  return db.select({ role: staffRoles.role, officeId: staffRoles.officeId }).from(staffRoles).where(eq(staffRoles.userId, userId));
}

async function activeAdminCount(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(users)
    .where(and(isNull(users.disabledAt), exists(sql`(select 1 from ${staffRoles} where ${staffRoles.userId} = ${users.id} and ${staffRoles.role} = 'admin')`)));
  return row?.n ?? 0;
}

// ——— Invitation ———

export interface InviteInput {
  fullName: string;
  email: string | null;
  phone: string | null;
  role: "agent" | "supervisor";
  officeIds: number[];
  channel: Channel;
  baseUrl: string;
}

export type InviteResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "staff_exists"; userId: string; field: "email" | "phone" }
  | { ok: false; reason: "citizen_exists"; field: "email" | "phone" }
  | { ok: false; reason: "unknown_office" };

/** A new invitation token (the old ones are spent) and its message, in the caller's transaction. */
async function issueInvitation(tx: Executor, user: UserRow, channel: Channel, baseUrl: string, now: Date) {
  await tx
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
  const token = generateSecretToken();
  await tx.insert(passwordResetTokens).values({
    id: hashSecretToken(token),
    userId: user.id,
    purpose: "invitation",
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    createdAt: now,
  });
  const recipient = channel === "email" ? user.email : user.phone;
  if (!recipient) throw new Error(`no ${channel} address for the invitation`);
  await enqueueNotifications(tx, [
    { userId: user.id, channel, recipient, template: "staff_invitation", locale: user.locale, payload: { name: user.fullName, url: passwordResetUrl(baseUrl, token) } },
  ]);
}

export async function inviteStaff(db: Database, actor: AdminActor, input: InviteInput, now: Date = new Date()): Promise<InviteResult> {
  for (const field of ["email", "phone"] as const) {
    const value = input[field];
    if (!value) continue;
    const [taken] = await db.select({ id: users.id, staff: isStaff() }).from(users).where(eq(users[field], value)).limit(1);
    if (taken) return taken.staff ? { ok: false, reason: "staff_exists", userId: taken.id, field } : { ok: false, reason: "citizen_exists", field };
  }
  const known = await db.select({ id: offices.id }).from(offices).where(inArray(offices.id, input.officeIds));
  if (known.length !== new Set(input.officeIds).size || known.length === 0) return { ok: false, reason: "unknown_office" };
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        fullName: input.fullName,
        email: input.email,
        phone: input.phone,
        notifyByEmail: Boolean(input.email),
        notifyBySms: Boolean(input.phone),
        locale: "fr",
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const roles = input.officeIds.map((officeId) => ({ role: input.role, officeId }));
    await tx.insert(staffRoles).values(roles.map((r) => ({ ...r, userId: user!.id, createdAt: now })));
    await issueInvitation(tx, user!, input.channel, input.baseUrl, now);
    await auditAdminChange(tx, actor, {
      action: "admin.staff.invite",
      targetType: "user",
      targetId: user!.id,
      before: null,
      after: { fullName: input.fullName, email: input.email, phone: input.phone, roles: roleList(roles) },
      details: { channel: input.channel },
    });
    return { ok: true as const, userId: user!.id };
  });
}

type Refusal = { ok: false; error: string };
type Done = { ok: true } | Refusal;

export async function resendInvitation(db: Database, actor: AdminActor, userId: string, baseUrl: string, now: Date = new Date()): Promise<Done> {
  const account = await loadStaffAccount(db, userId, now);
  if (!account || account.state !== "invited") return { ok: false, error: "errors.notInvited" };
  const channel: Channel = account.user.email ? "email" : "sms";
  await db.transaction(async (tx) => {
    await issueInvitation(tx, account.user, channel, baseUrl, now);
    await auditAdminChange(tx, actor, { action: "admin.staff.invitation.resend", targetType: "user", targetId: userId, details: { channel } });
  });
  return { ok: true };
}

// ——— Roles, state, sessions ———

/** Replace the account's roles with `next` (guards: at least one role, own admin role, last admin). */
export async function setStaffRoles(db: Database, actor: AdminActor, userId: string, next: RoleAssignment[]): Promise<Done> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.id, userId), isStaff())).for("update");
    if (!user) return { ok: false as const, error: "errors.notFound" };
    const before = await currentRoles(tx, userId);
    const problem = roleChangeProblem({ actorId: actor.id, targetId: userId, before, after: next, targetDisabled: Boolean(user.disabledAt), activeAdmins: await activeAdminCount(tx) });
    if (problem) return { ok: false as const, error: problem };
    if (next.some((a) => a.officeId !== null)) {
      const ids = [...new Set(next.flatMap((a) => (a.officeId === null ? [] : [a.officeId])))];
      const known = await tx.select({ id: offices.id }).from(offices).where(inArray(offices.id, ids));
      if (known.length !== ids.length) return { ok: false as const, error: "errors.unknownOffice" };
    }
    if (JSON.stringify(roleList(before)) === JSON.stringify(roleList(next))) return { ok: true as const };
    await tx.delete(staffRoles).where(eq(staffRoles.userId, userId));
    await tx.insert(staffRoles).values(next.map((a) => ({ userId, role: a.role, officeId: a.officeId })));
    await auditAdminChange(tx, actor, {
      action: "admin.staff.roles.update",
      targetType: "user",
      targetId: userId,
      before: { roles: roleList(before) },
      after: { roles: roleList(next) },
    });
    return { ok: true as const };
  });
}

export async function setStaffDisabled(db: Database, actor: AdminActor, userId: string, disabled: boolean, now: Date = new Date()): Promise<Done> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.id, userId), isStaff())).for("update");
    if (!user) return { ok: false as const, error: "errors.notFound" };
    if (Boolean(user.disabledAt) === disabled) return { ok: true as const };
    if (disabled) {
      const roles = await currentRoles(tx, userId);
      const problem = disableProblem({ actorId: actor.id, targetId: userId, targetIsAdmin: roles.some((r) => r.role === "admin"), activeAdmins: await activeAdminCount(tx) });
      if (problem) return { ok: false as const, error: problem };
    }
    await tx.update(users).set({ disabledAt: disabled ? now : null, updatedAt: now }).where(eq(users.id, userId));
    const closed = disabled ? await invalidateUserSessions(tx, userId) : 0;
    await auditAdminChange(tx, actor, {
      action: disabled ? "admin.staff.disable" : "admin.staff.enable",
      targetType: "user",
      targetId: userId,
      before: { disabledAt: user.disabledAt?.toISOString() ?? null },
      after: { disabledAt: disabled ? now.toISOString() : null },
      details: disabled ? { sessionsClosed: closed } : undefined,
    });
    return { ok: true as const };
  });
}

/** The short key the page shows for a session: a prefix of its id (itself a hash: nothing to replay). */
export const sessionKey = (sessionId: string) => sessionId.slice(0, 16);

/** Close one session (by its key) or all of them. Returns how many were closed. */
export async function revokeStaffSessions(db: Database, actor: AdminActor, userId: string, key?: string): Promise<number> {
  if (key !== undefined && !/^[0-9a-f]{16}$/.test(key)) return 0;
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(and(eq(users.id, userId), isStaff()));
    if (!user) return 0;
    const closed = key
      ? (await tx.delete(sessions).where(and(eq(sessions.userId, userId), like(sessions.id, `${key}%`))).returning({ id: sessions.id })).length
      : await invalidateUserSessions(tx, userId);
    if (closed > 0) {
      await auditAdminChange(tx, actor, { action: "admin.staff.sessions.revoke", targetType: "user", targetId: userId, details: { closed, all: !key } });
    }
    return closed;
  });
}
