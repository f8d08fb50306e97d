import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, staffRoles, users } from "../../db/schema";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { getOptionalSession, getOptionalUser, homePathFor, requireAnonymous, requireRole, requireStaffOf, requireUser } from "./auth.server";
import { setDatabaseHandle } from "./db.server";
import { createSession, sessionCookieName } from "./session.server";

let handle: DatabaseHandle;
let citizenToken: string;
let agentToken: string;
let agentId: string;
let officeId: number;
let otherOfficeId: number;

function request(path: string, token?: string) {
  return new Request(`http://localhost${path}`, { headers: token ? { Cookie: `${sessionCookieName()}=${token}` } : {} });
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  const [citizen] = await handle.db.insert(users).values({ fullName: "Citoyenne", email: "citoyenne@example.tg" }).returning();
  const [agent] = await handle.db.insert(users).values({ fullName: "Agent", email: "agent@example.tg" }).returning();
  agentId = agent!.id;
  officeId = (await createSiteWithOffice(handle.db)).office.id;
  otherOfficeId = (await createSiteWithOffice(handle.db)).office.id;
  await handle.db.insert(staffRoles).values({ userId: agentId, role: "agent", officeId });
  citizenToken = (await createSession(handle.db, citizen!.id)).token;
  agentToken = (await createSession(handle.db, agentId)).token;
});
afterAll(() => handle?.close());

describe("guards", () => {
  it("getOptionalUser: null without a valid cookie, the user with roles otherwise", async () => {
    expect(await getOptionalUser(request("/"))).toBeNull();
    expect(await getOptionalUser(request("/", "bogus"))).toBeNull();
    expect(await getOptionalUser(request("/", citizenToken))).toMatchObject({ fullName: "Citoyenne", roles: ["citizen"], officeRoles: [] });
    expect(await getOptionalUser(request("/", agentToken))).toMatchObject({ roles: ["agent"], officeRoles: [{ officeId, role: "agent" }] });
  });

  it("looks the session up once per request", async () => {
    const r = request("/", citizenToken);
    const a = getOptionalSession(r);
    const b = getOptionalSession(r);
    expect(a).toBe(b);
  });

  it("requireUser redirects to /connexion with the current relative path", async () => {
    const response = await thrown(requireUser(request("/mon-espace/dossiers/TG-1?onglet=messages")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/connexion?redirectTo=%2Fmon-espace%2Fdossiers%2FTG-1%3Fonglet%3Dmessages");
  });

  it("requireAnonymous sends signed-in users to their space", async () => {
    await expect(requireAnonymous(request("/connexion"))).resolves.toBeUndefined();
    expect((await thrown(requireAnonymous(request("/connexion", citizenToken)))).headers.get("Location")).toBe("/mon-espace");
    expect((await thrown(requireAnonymous(request("/connexion", agentToken)))).headers.get("Location")).toBe("/agent");
  });

  it("requireRole: 404 (not 403) for a missing role, written to the audit log", async () => {
    expect(await requireRole(request("/agent", agentToken), ["agent", "supervisor"])).toMatchObject({ id: agentId });
    const response = await thrown(requireRole(request("/admin/offices", agentToken), "admin", { ip: "198.51.100.7", requestId: "r-42" }));
    expect(response.status).toBe(404);
    const [row] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "access.refused")).orderBy(desc(auditLog.id)).limit(1);
    expect(row).toMatchObject({ outcome: "refused", actorId: agentId, targetId: "/admin/offices", ip: "198.51.100.7", requestId: "r-42" });
    // Signed out: a redirect to sign in, not a 404.
    expect((await thrown(requireRole(request("/admin"), "admin"))).status).toBe(302);
  });

  it("requireStaffOf: only the offices where the user is staff", async () => {
    expect(await requireStaffOf(request("/agent", agentToken), officeId)).toMatchObject({ id: agentId });
    expect((await thrown(requireStaffOf(request("/agent", agentToken), otherOfficeId))).status).toBe(404);
    expect((await thrown(requireStaffOf(request("/agent", agentToken), officeId, { role: "supervisor" }))).status).toBe(404);
    expect((await thrown(requireStaffOf(request("/agent", citizenToken), officeId))).status).toBe(404);
  });

  it("homePathFor by role", () => {
    expect(homePathFor({ roles: ["citizen"] })).toBe("/mon-espace");
    expect(homePathFor({ roles: ["supervisor"] })).toBe("/agent");
    expect(homePathFor({ roles: ["operator"] })).toBe("/reseau");
    expect(homePathFor({ roles: ["admin"] })).toBe("/admin");
  });
});
