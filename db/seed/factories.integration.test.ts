import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../app/utils/password.server";
import type { DatabaseHandle } from "../client";
import { officeRegions, staffRoles } from "../schema";
import { createTestDatabase } from "../testing";
import { createCitizen, createSiteWithOffice, createStaff } from "./factories";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
}, 60_000);
afterAll(async () => {
  await handle?.close();
});

describe("test factories on an empty database", () => {
  it("creates citizens with a working password, unique on every call", async () => {
    const a = await createCitizen(handle.db);
    const b = await createCitizen(handle.db, { email: null, phone: "+22891234567", password: "mot-de-passe-choisi" });
    expect(a.user.email).not.toBe(b.user.email);
    expect(b.user.phone).toBe("+22891234567");
    expect(await verifyPassword(a.user.passwordHash ?? "", a.password)).toBe(true);
    expect(await verifyPassword(b.user.passwordHash ?? "", "mot-de-passe-choisi")).toBe(true);
  });

  it("creates a building with an office serving the given regions", async () => {
    const { site, office, town } = await createSiteWithOffice(handle.db, { linkStatus: "down", regionCode: "kara", serves: ["kara", "savanes"], nationalCompetence: true });
    expect(site.linkStatus).toBe("down");
    expect(town.name).toBe("Kara");
    expect(office.nationalCompetence).toBe(true);
    const served = await handle.db.select().from(officeRegions).where(eq(officeRegions.officeId, office.id));
    expect(served.map((r) => r.regionCode).sort()).toEqual(["kara", "savanes"]);
    const planned = await createSiteWithOffice(handle.db, { linkStatus: "not_connected", regionCode: "savanes", agencyId: office.agencyId });
    expect(planned.site.connectedOn).toBeNull();
    expect(planned.agency.id).toBe(office.agencyId);
  });

  it("creates staff: office roles get an office, global roles none", async () => {
    const { office } = await createSiteWithOffice(handle.db);
    const agent = await createStaff(handle.db, { role: "agent", officeId: office.id });
    const supervisor = await createStaff(handle.db, { role: "supervisor" });
    const operator = await createStaff(handle.db, { role: "operator" });
    expect(agent.officeId).toBe(office.id);
    expect(supervisor.officeId).not.toBeNull();
    expect(operator.officeId).toBeNull();
    const roles = await handle.db.select().from(staffRoles).where(eq(staffRoles.userId, operator.user.id));
    expect(roles).toEqual([expect.objectContaining({ role: "operator", officeId: null })]);
    expect(await verifyPassword(agent.user.passwordHash ?? "", agent.password)).toBe(true);
  });
});
