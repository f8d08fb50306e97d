import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, caseEvents, cases, users } from "../../db/schema";
import { createProcedure } from "../../db/seed/case-factories";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { isDevFactoriesEnabled } from "~/services/dev-factories.server";
import { setDatabaseHandle } from "~/utils/db.server";
import { validateSessionToken } from "~/utils/session.server";
import { action } from "./dev.fabrique";

/** The e2e factory (decision 017): closed in production without its own switch; makes real rows. */

const ORIGINAL = { NODE_ENV: process.env.NODE_ENV, DEV_FACTORIES: process.env.DEV_FACTORIES, DEV_CASE_TOOLS: process.env.DEV_CASE_TOOLS, APP_URL: process.env.APP_URL };
let handle: DatabaseHandle;
let slug: string;
let officeId: number;

/** What the action answers (`data(…)`), or what it throws (a 404 Response), in one shape. */
type Reply = { data?: Record<string, unknown>; init?: { status?: number } | null; status?: number };

function post(fields: Record<string, string>): Promise<Reply> {
  const request = new Request("http://localhost/dev/fabrique", { method: "POST", body: new URLSearchParams(fields) });
  return action({ request, params: {}, context: { cspNonce: "n", requestId: "r", ip: "203.0.113.9" } }).then(
    (value) => value as unknown as Reply,
    (thrown: unknown) => thrown as Reply,
  );
}

function inProduction(env: { DEV_FACTORIES?: string; DEV_CASE_TOOLS?: string }) {
  process.env.NODE_ENV = "production";
  process.env.APP_URL = "http://localhost:3000";
  delete process.env.DEV_FACTORIES;
  delete process.env.DEV_CASE_TOOLS;
  Object.assign(process.env, env);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  const { office, agency } = await createSiteWithOffice(handle.db, { regionCode: "kara" });
  officeId = office.id;
  slug = (await createProcedure(handle.db, { agencyId: agency.id })).procedure.slug;
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

describe("the e2e factory", () => {
  it.each([
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", DEV_CASE_TOOLS: "1" }, false],
    [{ NODE_ENV: "production", DEV_FACTORIES: "1" }, true],
  ])("%o → enabled: %s", (env, expected) => {
    expect(isDevFactoriesEnabled(env as NodeJS.ProcessEnv)).toBe(expected);
  });

  it("is a 404 in a production build without DEV_FACTORIES, and makes nobody", async () => {
    inProduction({ DEV_CASE_TOOLS: "1" });
    const before = (await handle.db.select({ id: users.id }).from(users)).length;
    expect(await post({ nom: "Personne" })).toMatchObject({ status: 404 });
    expect(await handle.db.select({ id: users.id }).from(users)).toHaveLength(before);
  });

  it("makes a signed-in citizen who has filed the procedure, routed to the region's office, and journals it", async () => {
    inProduction({ DEV_FACTORIES: "1" });
    const reply = await post({ nom: "Essowè Kpatcha", demarche: slug, region: "kara" });
    expect(reply.init?.status ?? 200).toBe(200);
    const body = reply.data as { email: string; reference: string; trackingCode: string; session: { value: string } };
    const [kase] = await handle.db.select().from(cases).where(eq(cases.reference, body.reference));
    expect(kase).toMatchObject({ status: "submitted", officeId, regionCode: "kara" });
    expect(body.trackingCode).toBeTruthy();
    expect(await handle.db.select().from(caseEvents).where(and(eq(caseEvents.caseId, kase!.id), eq(caseEvents.type, "submitted")))).toHaveLength(1);
    const session = await validateSessionToken(handle.db, body.session.value);
    expect(session?.user).toMatchObject({ fullName: "Essowè Kpatcha", email: body.email });
    expect(await handle.db.select().from(auditLog).where(and(eq(auditLog.action, "dev.factory_used"), eq(auditLog.actorId, session!.user.id)))).toHaveLength(1);
  });

  it("answers 400 without a name or with an unknown region, 422 for an unknown procedure", async () => {
    inProduction({ DEV_FACTORIES: "1" });
    expect((await post({ nom: "" })).init?.status).toBe(400);
    expect((await post({ nom: "Afi", region: "atlantide" })).init?.status).toBe(400);
    expect((await post({ nom: "Afi", demarche: "cette-demarche-n-existe-pas" })).init?.status).toBe(422);
  });
});
