import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { auditLog, staffRoles } from "../../db/schema";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { setDatabaseHandle } from "~/utils/db.server";
import { createSession, sessionCookieName } from "~/utils/session.server";
import { loadStatisticsRequest } from "./statistics-request.server";

// Who may see an office's statistics: its supervisors only; the office selector lists the
// offices the user supervises; everyone else gets the audited 404.

const NOW = new Date("2026-11-22T10:00:00Z");
let handle: DatabaseHandle;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
const offices: Record<"a" | "b" | "c", { id: number; code: string; name: string }> = {} as never;

function load(who: string, query = "") {
  const request = new Request(`http://localhost/agent/statistiques${query}`, { headers: { Cookie: `${sessionCookieName()}=${tokens[who]}` } });
  return loadStatisticsRequest(request, "fr", { requestId: "req-stats", ip: "203.0.113.7" }, NOW);
}

async function refused(promise: Promise<unknown>): Promise<number> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Response)) throw new Error(`expected a thrown Response, got ${String(error)}`);
  return error.status;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  const { db } = handle;
  const { office: a, agency } = await createSiteWithOffice(db);
  const { office: b } = await createSiteWithOffice(db, { agencyId: agency.id });
  const { office: c } = await createSiteWithOffice(db, { agencyId: agency.id });
  Object.assign(offices, { a, b, c });
  // A head of two offices (A and B) who is a mere agent at C.
  const chief = (await createStaff(db, { role: "supervisor", officeId: a.id })).user;
  await db.insert(staffRoles).values([
    { userId: chief.id, role: "supervisor", officeId: b.id },
    { userId: chief.id, role: "agent", officeId: c.id },
  ]);
  const people = {
    chief,
    agent: (await createStaff(db, { role: "agent", officeId: a.id })).user,
    citizen: (await createCitizen(db)).user,
    operator: (await createStaff(db, { role: "operator" })).user,
  };
  for (const [name, user] of Object.entries(people)) {
    tokens[name] = (await createSession(db, user.id)).token;
    ids[name] = user.id;
  }
});
afterAll(async () => handle.close());

describe("statistics access", () => {
  it("a head of several offices picks one; the first by name by default", async () => {
    const byDefault = await load("chief");
    const names = [offices.a, offices.b].map((o) => o.name).sort((x, y) => x.localeCompare(y));
    expect(byDefault.offices.map((o) => o.name)).toEqual(names);
    expect(byDefault.office.name).toBe(names[0]);
    expect(byDefault.period).toEqual({ ok: true, period: { from: "2026-08-25", to: "2026-11-22" } });
    expect(byDefault.stats?.total).toMatchObject({ received: 0, decided: 0, inProgress: 0 });

    const chosen = await load("chief", `?bureau=${offices.b.code}&from=01/10/2026&to=31/10/2026`);
    expect(chosen.office.id).toBe(offices.b.id);
    expect(chosen.stats?.period).toEqual({ from: "2026-10-01", to: "2026-10-31" });
  });

  it("a wrong period is returned with its errors and no figures", async () => {
    const result = await load("chief", "?from=31/10/2026&to=01/10/2026");
    expect(result.period).toEqual({ ok: false, errors: { from: "from_after_to" } });
    expect(result.raw).toEqual({ from: "31/10/2026", to: "01/10/2026" });
    expect(result.stats).toBeNull();
  });

  it("refuses with an audited 404: an agent, an office one is only agent of, an unknown office, a citizen, an operator", async () => {
    expect(await refused(load("agent"))).toBe(404);
    expect(await refused(load("chief", `?bureau=${offices.c.code}`))).toBe(404);
    expect(await refused(load("chief", "?bureau=NOPE"))).toBe(404);
    expect(await refused(load("citizen"))).toBe(404);
    expect(await refused(load("operator"))).toBe(404);
    const refusals = await handle.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "access.refused"), eq(auditLog.targetId, "/agent/statistiques")));
    expect(refusals.map((r) => r.actorId).sort()).toEqual([ids.agent, ids.chief, ids.chief, ids.citizen, ids.operator].sort());
    expect(refusals[0]).toMatchObject({ outcome: "refused", ip: "203.0.113.7", requestId: "req-stats" });
  });
});
