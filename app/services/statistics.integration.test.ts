import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { cases, siteOutages } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { CaseStatus } from "~/domain/constants";
import { officeStatistics, statisticsCsvStream, type OfficeStatistics } from "./statistics.server";

const H = 3_600_000;
const D = 24 * H;
const at = (iso: string) => new Date(`${iso}Z`);

describe("office statistics", () => {
  let handle: DatabaseHandle;
  let stats: OfficeStatistics;
  let p1Id: number;
  let p2Id: number;

  beforeAll(async () => {
    handle = await createTestDatabase();
    const { db } = handle;
    const { office, agency, site } = await createSiteWithOffice(db);
    const { office: other, site: otherSite } = await createSiteWithOffice(db, { agencyId: agency.id });
    const { procedure: p1, version: v1 } = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 10 });
    const { procedure: p2, version: v2 } = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 5 });
    p1Id = p1.id;
    p2Id = p2.id;
    const { user } = await createCitizen(db);

    async function make(
      proc: typeof p1,
      versionId: number,
      status: CaseStatus,
      submitted: string | null,
      extra: { decided?: string; pausedMs?: number; due?: string; officeId?: number } = {},
    ) {
      const row = await createCase(db, {
        procedure: proc,
        versionId,
        applicantId: user.id,
        status,
        officeId: extra.officeId ?? office.id,
        submittedAt: submitted ? at(submitted) : null,
        ...(extra.due ? { dueAt: at(extra.due) } : {}),
      });
      if (extra.decided || extra.pausedMs) {
        await db
          .update(cases)
          .set({ decidedAt: extra.decided ? at(extra.decided) : null, pausedMs: extra.pausedMs ?? 0 })
          .where(eq(cases.id, row.id));
      }
    }

    // P1 (10 days): decided in October in 2, 9 (10 less 1 paused), 15 and 1 days; 2 within target.
    await make(p1, v1.id, "accepted", "2026-10-02T00:00:00", { decided: "2026-10-04T00:00:00" });
    await make(p1, v1.id, "rejected", "2026-10-03T00:00:00", { decided: "2026-10-13T00:00:00", pausedMs: D, due: "2026-10-12T00:00:00" });
    await make(p1, v1.id, "closed", "2026-09-20T00:00:00", { decided: "2026-10-05T00:00:00" }); // received before the period
    await make(p1, v1.id, "in_review", "2026-10-10T00:00:00");
    await make(p1, v1.id, "withdrawn", "2026-10-11T12:00:00", { decided: "2026-10-12T00:00:00" }); // received; a withdrawal is no decision
    await make(p1, v1.id, "delivered", "2026-10-20T00:00:00", { decided: "2026-10-21T00:00:00" });
    await make(p1, v1.id, "submitted", "2026-11-01T00:00:00"); // after the period: in progress only
    // Reopened after its decision (still in progress): waits for a new decision.
    await make(p1, v1.id, "in_review", "2026-09-01T00:00:00", { decided: "2026-10-07T00:00:00" });
    await make(p1, v1.id, "draft", null);
    // P2: two received, one waiting for pieces, one decided after the period.
    await make(p2, v2.id, "awaiting_info", "2026-10-05T00:00:00");
    await make(p2, v2.id, "accepted", "2026-10-06T00:00:00", { decided: "2026-11-02T00:00:00" });
    // Another office of the same agency: never counted.
    await make(p1, v1.id, "accepted", "2026-10-05T00:00:00", { decided: "2026-10-06T00:00:00", officeId: other.id });
    await make(p1, v1.id, "in_review", "2026-10-05T00:00:00", { officeId: other.id });

    await db.insert(siteOutages).values([
      { siteId: site.id, status: "down", startedAt: at("2026-09-30T12:00:00"), endedAt: at("2026-10-01T06:00:00") }, // 6 h in the period
      { siteId: site.id, status: "maintenance", startedAt: at("2026-10-10T00:00:00"), endedAt: at("2026-10-10T04:00:00") }, // 4 h
      { siteId: site.id, status: "down", startedAt: at("2026-10-31T20:00:00"), endedAt: null }, // still down: 4 h up to the end of the period
      { siteId: site.id, status: "down", startedAt: at("2026-09-01T00:00:00"), endedAt: at("2026-09-02T00:00:00") }, // before
      { siteId: otherSite.id, status: "down", startedAt: at("2026-10-15T00:00:00"), endedAt: at("2026-10-16T00:00:00") },
    ]);

    stats = (await officeStatistics(db, {
      officeId: office.id,
      period: { from: "2026-10-01", to: "2026-10-31" },
      locale: "fr",
      now: at("2026-11-05T10:00:00"),
    }))!;
  });
  afterAll(async () => handle.close());

  it("counts received, decided and in progress per procedure and overall, for this office only", () => {
    const p1 = stats.procedures.find((p) => p.procedureId === p1Id)!;
    const p2 = stats.procedures.find((p) => p.procedureId === p2Id)!;
    expect(stats.procedures.map((p) => p.procedureId)).toEqual([p1Id, p2Id]);
    expect(p1).toMatchObject({ received: 5, decided: 4, inProgress: 3, decidedWithinTarget: 2, shareWithinTarget: 0.5 });
    expect(p2).toMatchObject({ received: 2, decided: 0, inProgress: 1, medianMs: null, p90Ms: null, shareWithinTarget: null });
    expect(stats.total).toMatchObject({ procedureId: null, received: 7, decided: 4, inProgress: 4, decidedWithinTarget: 2, shareWithinTarget: 0.5 });
  });

  it("gives the median and 90th percentile of the office's own time (percentile_cont: linear interpolation)", () => {
    const p1 = stats.procedures.find((p) => p.procedureId === p1Id)!;
    // Days 1, 2, 9, 15: median (2 + 9) / 2; p90 at rank 2.7 → 9 + 0.7 × 6.
    expect(p1.medianMs).toBeCloseTo(5.5 * D, 0);
    expect(p1.p90Ms).toBeCloseTo(13.2 * D, 0);
    expect(stats.total.medianMs).toBeCloseTo(5.5 * D, 0);
    expect(stats.total.p90Ms).toBeCloseTo(13.2 * D, 0);
  });

  it("counts per ISO week (Monday), the first and last clipped to the period", () => {
    expect(stats.weeks).toEqual([
      { key: "2026-09-28", from: "2026-10-01", to: "2026-10-04", received: 2, decided: 1 },
      { key: "2026-10-05", from: "2026-10-05", to: "2026-10-11", received: 4, decided: 1 },
      { key: "2026-10-12", from: "2026-10-12", to: "2026-10-18", received: 0, decided: 1 },
      { key: "2026-10-19", from: "2026-10-19", to: "2026-10-25", received: 1, decided: 1 },
      { key: "2026-10-26", from: "2026-10-26", to: "2026-10-31", received: 0, decided: 0 },
    ]);
  });

  it("adds the time the office's building was down or in maintenance within the period", () => {
    expect(stats.outages).toEqual({ count: 3, downMs: 10 * H, maintenanceMs: 4 * H, totalMs: 14 * H });
  });

  it("exports a CSV for Excel in French: BOM, ';', French headers, decimal comma", async () => {
    const stream = statisticsCsvStream(stats, { column: (c) => `col:${c}`, allProcedures: "Toutes les démarches" });
    const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split("\r\n");
    expect(lines[0]).toBe("col:office;col:procedure;col:received;col:decided;col:inProgress;col:medianDays;col:p90Days;col:withinTargetPercent;col:outageHours;col:from;col:to");
    expect(lines[1]).toMatch(/;5;4;3;5,5;13,2;50;;2026-10-01;2026-10-31$/);
    expect(lines[3]).toMatch(/;Toutes les démarches;7;4;4;5,5;13,2;50;14;2026-10-01;2026-10-31$/);
    expect(lines).toHaveLength(5); // 2 procedures, total, trailing line end
  });

  it("is null for an unknown office and empty for a quiet period", async () => {
    expect(await officeStatistics(handle.db, { officeId: 999_999, period: { from: "2026-10-01", to: "2026-10-31" }, locale: "fr" })).toBeNull();
  });
});
