import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../db/client";
import { auditLog, notifications, passwordResetTokens, staffRoles, users } from "../../../db/schema";
import { createCitizen, createSiteWithOffice, createStaff } from "../../../db/seed/factories";
import { createTestDatabase } from "../../../db/testing";
import { INVITATION_TTL_MS } from "~/domain/staff-admin";
import { isPasswordResetTokenUsable, passwordTokenPurpose, requestPasswordReset, resetPassword } from "~/services/auth.server";
import { createSession, validateSessionToken } from "~/utils/session.server";
import {
  inviteStaff,
  listStaffAccounts,
  loadStaffAccount,
  resendInvitation,
  revokeStaffSessions,
  sessionKey,
  setStaffDisabled,
  setStaffRoles,
} from "./staff-accounts.server";

let handle: DatabaseHandle;
let officeId: number;
let adminId: string;
const BASE = "https://guichet.test";
let n = 0;
const unique = () => `${Date.now().toString(36)}${++n}`;

beforeAll(async () => {
  handle = await createTestDatabase();
  officeId = (await createSiteWithOffice(handle.db)).office.id;
  adminId = (await createStaff(handle.db, { role: "admin" })).user.id;
});
afterAll(() => handle?.close());

const actor = () => ({ id: adminId, ip: "192.0.2.9", requestId: "req-admin" });

async function lastAudit(action: string, targetId: string) {
  const [row] = await handle.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.targetId, targetId))).orderBy(desc(auditLog.id)).limit(1);
  return row;
}

function tokenFrom(url: string) {
  return new URL(url).searchParams.get("token")!;
}

async function invite(overrides: Partial<Parameters<typeof inviteStaff>[2]> = {}) {
  const email = `agent-${unique()}@exemple.tg`;
  const result = await inviteStaff(handle.db, actor(), { fullName: "Afi Mensah", email, phone: null, role: "agent", officeIds: [officeId], channel: "email", baseUrl: BASE, ...overrides });
  if (!result.ok) throw new Error(result.reason);
  return { userId: result.userId, email };
}

describe("invitation", () => {
  it("creates the account without a password, its roles, a 48 h token and the message, audited without the token", async () => {
    const now = new Date();
    const { userId, email } = await invite();
    const [user] = await handle.db.select().from(users).where(eq(users.id, userId));
    expect(user).toMatchObject({ passwordHash: null, locale: "fr", email });
    expect(await handle.db.select({ role: staffRoles.role, officeId: staffRoles.officeId }).from(staffRoles).where(eq(staffRoles.userId, userId))).toEqual([{ role: "agent", officeId }]);
    const [token] = await handle.db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    expect(token?.purpose).toBe("invitation");
    expect(Math.abs(token!.expiresAt.getTime() - now.getTime() - INVITATION_TTL_MS)).toBeLessThan(60_000);
    const [message] = await handle.db.select().from(notifications).where(eq(notifications.userId, userId));
    expect(message).toMatchObject({ channel: "email", recipient: email, template: "staff_invitation" });
    const url = (message!.payload as { url: string }).url;
    expect(await isPasswordResetTokenUsable(handle.db, tokenFrom(url))).toBe(true);
    expect(await passwordTokenPurpose(handle.db, tokenFrom(url))).toBe("invitation");
    const entry = await lastAudit("admin.staff.invite", userId);
    expect(entry?.actorId).toBe(adminId);
    expect(JSON.stringify(entry?.details)).not.toContain(tokenFrom(url));
    expect((await loadStaffAccount(handle.db, userId))?.state).toBe("invited");

    const done = await resetPassword(handle.db, { token: tokenFrom(url), password: "la lagune de Bè au matin" });
    expect(done.ok).toBe(true);
    expect((await loadStaffAccount(handle.db, userId))?.state).toBe("active");
  });

  it("sends by SMS to a phone number", async () => {
    const phone = `+2289${String(Date.now()).slice(-7)}`;
    const result = await inviteStaff(handle.db, actor(), { fullName: "Kossi Agbo", email: null, phone, role: "supervisor", officeIds: [officeId], channel: "sms", baseUrl: BASE });
    expect(result.ok).toBe(true);
    const [message] = await handle.db.select().from(notifications).where(eq(notifications.recipient, phone));
    expect(message).toMatchObject({ channel: "sms", template: "staff_invitation" });
  });

  it("refuses an identifier already used, saying whether by staff or a citizen", async () => {
    const { userId, email } = await invite();
    expect(await inviteStaff(handle.db, actor(), { fullName: "X Y", email, phone: null, role: "agent", officeIds: [officeId], channel: "email", baseUrl: BASE })).toEqual({ ok: false, reason: "staff_exists", userId, field: "email" });
    const citizen = await createCitizen(handle.db);
    expect(await inviteStaff(handle.db, actor(), { fullName: "X Y", email: citizen.user.email, phone: null, role: "agent", officeIds: [officeId], channel: "email", baseUrl: BASE })).toEqual({ ok: false, reason: "citizen_exists", field: "email" });
    expect(await loadStaffAccount(handle.db, citizen.user.id)).toBeNull();
  });

  it("resends: a new token, the old one spent; a forgotten-password request still works", async () => {
    const { userId, email } = await invite();
    const [first] = await handle.db.select().from(notifications).where(eq(notifications.userId, userId));
    expect((await resendInvitation(handle.db, actor(), userId, BASE)).ok).toBe(true);
    expect(await isPasswordResetTokenUsable(handle.db, tokenFrom((first!.payload as { url: string }).url))).toBe(false);
    expect(await lastAudit("admin.staff.invitation.resend", userId)).toBeTruthy();
    expect((await requestPasswordReset(handle.db, { identifier: { kind: "email", value: email }, baseUrl: BASE }, { ip: "192.0.2.77" })).ok).toBe(true);
    const sent = await handle.db.select().from(notifications).where(eq(notifications.userId, userId));
    expect(sent.map((m) => m.template).sort()).toEqual(["password_reset", "staff_invitation", "staff_invitation"]);
  });

  it("lists staff with filters", async () => {
    const { userId } = await invite({ fullName: "Zoé Filtrée" });
    const found = await listStaffAccounts(handle.db, { q: "Filtrée", state: "invited", officeId });
    expect(found.accounts.map((a) => a.id)).toEqual([userId]);
    expect((await listStaffAccounts(handle.db, { q: "Filtrée", state: "active" })).accounts).toEqual([]);
  });
});

describe("roles, state and sessions", () => {
  it("updates roles with before/after in the audit log", async () => {
    const { userId } = await invite();
    expect((await setStaffRoles(handle.db, actor(), userId, [{ role: "supervisor", officeId }, { role: "operator", officeId: null }])).ok).toBe(true);
    const entry = await lastAudit("admin.staff.roles.update", userId);
    expect(entry?.details).toMatchObject({ before: { roles: [`agent@${officeId}`] }, after: { roles: ["operator", `supervisor@${officeId}`] } });
    expect((await setStaffRoles(handle.db, actor(), userId, [])).ok).toBe(false);
  });

  it("guards the admin role: not one's own, not the last active admin", async () => {
    const db = await createTestDatabase();
    try {
      const only = (await createStaff(db.db, { role: "admin" })).user.id;
      const other = (await createStaff(db.db, { role: "operator" })).user.id;
      const self = { id: only };
      expect(await setStaffRoles(db.db, self, only, [{ role: "operator", officeId: null }])).toEqual({ ok: false, error: "errors.ownAdmin" });
      expect(await setStaffRoles(db.db, { id: other }, only, [{ role: "operator", officeId: null }])).toEqual({ ok: false, error: "errors.lastAdmin" });
      expect(await setStaffDisabled(db.db, self, only, true)).toEqual({ ok: false, error: "errors.disableSelf" });
      expect(await setStaffDisabled(db.db, { id: other }, only, true)).toEqual({ ok: false, error: "errors.lastAdmin" });
      expect((await setStaffRoles(db.db, self, other, [{ role: "admin", officeId: null }])).ok).toBe(true);
      expect((await setStaffRoles(db.db, { id: other }, only, [{ role: "operator", officeId: null }])).ok).toBe(true);
    } finally {
      await db.close();
    }
  });

  it("disabling deletes every session at once; enabling is audited", async () => {
    const { user } = await createStaff(handle.db, { role: "agent", officeId });
    const { token } = await createSession(handle.db, user.id);
    await createSession(handle.db, user.id);
    expect((await loadStaffAccount(handle.db, user.id))?.sessions).toHaveLength(2);
    expect((await setStaffDisabled(handle.db, actor(), user.id, true)).ok).toBe(true);
    expect((await loadStaffAccount(handle.db, user.id))?.sessions).toHaveLength(0);
    expect(await validateSessionToken(handle.db, token)).toBeNull();
    expect((await lastAudit("admin.staff.disable", user.id))?.details).toMatchObject({ sessionsClosed: 2 });
    expect((await setStaffDisabled(handle.db, actor(), user.id, false)).ok).toBe(true);
    expect(await lastAudit("admin.staff.enable", user.id)).toBeTruthy();
  });

  it("revokes one session, then all", async () => {
    const { user } = await createStaff(handle.db, { role: "agent", officeId });
    const one = await createSession(handle.db, user.id);
    const two = await createSession(handle.db, user.id);
    await createSession(handle.db, user.id);
    expect(await revokeStaffSessions(handle.db, actor(), user.id, sessionKey(one.session.id))).toBe(1);
    expect(await validateSessionToken(handle.db, one.token)).toBeNull();
    expect(await validateSessionToken(handle.db, two.token)).not.toBeNull();
    expect(await revokeStaffSessions(handle.db, actor(), user.id)).toBe(2);
    expect(await lastAudit("admin.staff.sessions.revoke", user.id)).toMatchObject({ details: { closed: 2, all: true } });
  });
});
