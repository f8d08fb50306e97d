import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, cases } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { generateReference } from "~/domain/reference";
import { isDevCaseToolsEnabled } from "~/services/dev-case-tools.server";
import { setDatabaseHandle } from "~/utils/db.server";
import { createSession, sessionCookieName } from "~/utils/session.server";
import { action } from "./dev.dossiers.$reference.complement";

/** Issue 11, item 14: the development case tool never acts anonymously, nor on the outbox's switch. */

const ORIGINAL = { NODE_ENV: process.env.NODE_ENV, DEV_OUTBOX: process.env.DEV_OUTBOX, DEV_CASE_TOOLS: process.env.DEV_CASE_TOOLS };
let handle: DatabaseHandle;
let reference: string;
let citizenToken: string;
let agentToken: string;

function decide(token?: string) {
  const request = new Request(`http://localhost/dev/dossiers/${reference}/complement`, {
    method: "POST",
    body: new URLSearchParams({ intent: "decide", decision: "reject", reason: "Refus anonyme" }),
    headers: token ? { Cookie: `${sessionCookieName()}=${token}` } : {},
  });
  return action({ request, params: { reference }, context: { cspNonce: "n", requestId: "r", ip: "203.0.113.7" } });
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => value,
    (thrown: unknown) => thrown,
  );
}

const statusOfCase = async () => (await handle.db.select({ status: cases.status }).from(cases).where(eq(cases.reference, reference)))[0]?.status;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  const { db } = handle;
  const { office, agency } = await createSiteWithOffice(db);
  const { procedure, version } = await createProcedure(db, { agencyId: agency.id });
  const citizen = (await createCitizen(db)).user;
  const agent = (await createStaff(db, { role: "agent", officeId: office.id })).user;
  const kase = await createCase(db, { procedure, versionId: version.id, applicantId: citizen.id, officeId: office.id });
  // The tool reads references the way the desk does (check character included).
  reference = generateReference(2026, (n) => randomBytes(n));
  await db.update(cases).set({ reference }).where(eq(cases.id, kase.id));
  citizenToken = (await createSession(db, citizen.id)).token;
  agentToken = (await createSession(db, agent.id)).token;
});
afterAll(async () => {
  await handle?.close();
});
afterEach(() => {
  for (const [key, value] of Object.entries(ORIGINAL)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe("the development case tool", () => {
  it.each([
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", DEV_OUTBOX: "1" }, false],
    [{ NODE_ENV: "production", DEV_CASE_TOOLS: "1" }, true],
  ])("%o → enabled: %s", (env, expected) => {
    expect(isDevCaseToolsEnabled(env as NodeJS.ProcessEnv)).toBe(expected);
  });

  it("is a 404 in a production build with only the outbox switched on", async () => {
    process.env.NODE_ENV = "production";
    process.env.DEV_OUTBOX = "1";
    delete process.env.DEV_CASE_TOOLS;
    expect(await outcome(decide(agentToken))).toMatchObject({ status: 404 });
    expect(await statusOfCase()).toBe("submitted");
  });

  it("does nothing without a staff session: anonymous goes to sign-in, a citizen is refused", async () => {
    process.env.NODE_ENV = "production";
    process.env.DEV_CASE_TOOLS = "1";
    const anonymous = (await outcome(decide())) as Response;
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/connexion/);
    const citizen = (await outcome(decide(citizenToken))) as Response;
    expect([403, 404]).toContain(citizen.status);
    expect(await statusOfCase()).toBe("submitted");
  });

  it("acts for a signed-in staff member, recorded in the audit log", async () => {
    process.env.DEV_CASE_TOOLS = "1";
    expect(await outcome(decide(agentToken))).toMatchObject({ data: { error: null, done: "decide" } });
    expect(await statusOfCase()).toBe("rejected");
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.action, "dev.case_tool_used"));
    expect(entry).toMatchObject({ targetId: reference, details: { intent: "decide" } });
  });
});
