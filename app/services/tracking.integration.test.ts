import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { caseEvents, cases } from "../../db/schema";
import { createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { startOrResumeDraft } from "./drafts.server";
import { submitCase } from "./submission.server";
import { lookupTrackedCase, renewTrackingCode } from "./tracking.server";

const NOW = new Date("2026-05-04T09:30:00Z");

describe("tracking without an account", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  async function filedCase() {
    const { db } = handle;
    const { agency } = await createSiteWithOffice(db);
    const { procedure } = await createProcedure(db, { agencyId: agency.id, targetDelayDays: 5 });
    const { user } = await createCitizen(db);
    const draft = (await startOrResumeDraft(db, { userId: user.id, procedureId: procedure.id, now: NOW }))!;
    await db.update(cases).set({ data: { _pourQui: "self", motif: "Emploi" } }).where(eq(cases.id, draft.id));
    const result = await submitCase(db, { userId: user.id, reference: draft.reference, now: NOW });
    if (!result.ok || !result.trackingCode) throw new Error("not filed");
    return { user, draft, procedure, code: result.trackingCode };
  }

  it("opens a case with its reference and code, typed loosely, and shows no personal data", async () => {
    const { draft, procedure, code } = await filedCase();
    const typed = { reference: draft.reference.toLowerCase().replace(/-/g, " "), code: code.toLowerCase().replace("-", "") };
    const found = await lookupTrackedCase(handle.db, typed);
    expect(found).toEqual({
      reference: draft.reference,
      status: "submitted",
      procedureTitleFr: procedure.titleFr,
      procedureTitleEn: procedure.titleEn,
      submittedAt: NOW,
      dueAt: new Date(NOW.getTime() + 5 * 86_400_000),
      lastUpdateAt: NOW,
    });
  });

  it("gives the same nothing for a wrong code, an unknown reference, a malformed one and a draft", async () => {
    const { db } = handle;
    const { draft, code } = await filedCase();
    expect(await lookupTrackedCase(db, { reference: draft.reference, code: "AAAAA-AAAAA" })).toBeNull();
    expect(await lookupTrackedCase(db, { reference: "TG-2026-0000-0000", code })).toBeNull();
    expect(await lookupTrackedCase(db, { reference: "n'importe quoi", code })).toBeNull();
    expect(await lookupTrackedCase(db, { reference: draft.reference, code: "" })).toBeNull();
    const { user: other } = await createCitizen(db);
    const { procedure } = await filedCase();
    const otherDraft = (await startOrResumeDraft(db, { userId: other.id, procedureId: procedure.id }))!;
    expect(await lookupTrackedCase(db, { reference: otherDraft.reference, code })).toBeNull();
  });

  it("a new code replaces the old one, for the applicant only; the last event dates the last update", async () => {
    const { db } = handle;
    const { user, draft, code } = await filedCase();
    const { user: stranger } = await createCitizen(db);
    expect(await renewTrackingCode(db, { userId: stranger.id, caseId: draft.id })).toBeNull();
    const renewed = await renewTrackingCode(db, { userId: user.id, caseId: draft.id });
    expect(renewed).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await lookupTrackedCase(db, { reference: draft.reference, code })).toBeNull();
    const later = new Date(NOW.getTime() + 3_600_000);
    await db.insert(caseEvents).values({ caseId: draft.id, type: "deadline_extended", at: later, payload: {} });
    expect(await lookupTrackedCase(db, { reference: draft.reference, code: renewed! })).toMatchObject({ status: "submitted", lastUpdateAt: later });
  });
});
