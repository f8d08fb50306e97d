import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { createProcedure } from "../../db/seed/case-factories";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { listProcedureAvailability, officesForProcedure } from "./availability.server";

describe("procedure availability", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("follows the offices' link status for a region, published procedures only", async () => {
    const { db } = handle;
    const { agency, office: kara } = await createSiteWithOffice(db, { regionCode: "kara", linkStatus: "down" });
    const { office: lome } = await createSiteWithOffice(db, { regionCode: "maritime", agencyId: agency.id, nationalCompetence: true, linkStatus: "degraded" });
    const { procedure } = await createProcedure(db, { agencyId: agency.id });
    await createProcedure(db, { agencyId: agency.id, status: "draft" });

    const forKara = await listProcedureAvailability(db, "kara");
    expect(forKara).toEqual([{ procedureId: procedure.id, slug: procedure.slug, titleFr: procedure.titleFr, titleEn: procedure.titleEn, agencyId: agency.id, availability: "unavailable" }]);
    expect((await listProcedureAvailability(db, "maritime"))[0]!.availability).toBe("disturbed");
    expect((await listProcedureAvailability(db, "savanes"))[0]!.availability).toBe("not_online");

    const offices = await officesForProcedure(db, procedure.id, "kara");
    expect(offices.map((o) => [o.id, o.serves, o.siteStatus, o.nationalCompetence])).toEqual([
      [kara.id, true, "down", false],
      [lome.id, false, "degraded", true],
    ]);
  });
});
