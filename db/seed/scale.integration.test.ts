import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseReference } from "../../app/domain/reference";
import type { DatabaseHandle } from "../client";
import { createTestDatabase } from "../testing";
import { createProcedure } from "./case-factories";
import { createSiteWithOffice, createStaff } from "./factories";
import { seedScale } from "./scale";

describe("scale seed", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("adds cases with real unique references, spread over offices, procedures, statuses and dates", async () => {
    const { db } = handle;
    const { agency, office } = await createSiteWithOffice(db);
    await createSiteWithOffice(db, { agencyId: agency.id, regionCode: "kara" });
    await createProcedure(db, { agencyId: agency.id, targetDelayDays: 10 });
    await createProcedure(db, { agencyId: agency.id, targetDelayDays: 30 });
    const staff = await createStaff(db, { role: "agent", officeId: office.id });

    const summary = await seedScale(db, { cases: 1200 });
    expect(summary).toMatchObject({ cases: 1200, offices: 2 });
    expect(summary.citizens).toBeGreaterThanOrEqual(100);

    const rows = (await db.execute(sql`select reference, status, office_id, procedure_id, applicant_id, assignee_id, submitted_at, due_at from "case"`)) as unknown as {
      reference: string; status: string; office_id: number; procedure_id: number; applicant_id: string; assignee_id: string | null; submitted_at: string; due_at: string;
    }[];
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: typeof rows }).rows;
    expect(list).toHaveLength(1200);
    expect(new Set(list.map((r) => r.reference)).size).toBe(1200);
    expect(list.every((r) => parseReference(r.reference) === r.reference)).toBe(true);
    expect(new Set(list.map((r) => r.office_id)).size).toBe(2);
    expect(new Set(list.map((r) => r.procedure_id)).size).toBe(2);
    expect(new Set(list.map((r) => r.status)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(list.map((r) => r.applicant_id)).size).toBeGreaterThan(50);
    expect(list.every((r) => r.due_at !== null && r.submitted_at !== null)).toBe(true);
    expect(list.filter((r) => r.status === "submitted").every((r) => r.assignee_id === null)).toBe(true);
    expect(list.some((r) => r.assignee_id === staff.user.id)).toBe(true);
  });
});
