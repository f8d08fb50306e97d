import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { attachments, caseEvents, cases, notifications, procedureVersions } from "../../db/schema";
import { createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice, createStaff } from "../../db/seed/factories";
import { createTestDatabase, testDriver } from "../../db/testing";
import type { LinkStatus, RegionCode } from "~/domain/constants";
import { hashTrackingCode } from "~/utils/tracking-code.server";
import { startOrResumeDraft } from "./drafts.server";
import { submitCase } from "./submission.server";

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date("2026-05-04T09:30:00Z");

describe("submitCase", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  /** An agency with one office per given link status, a procedure, a citizen and his filled-in draft. */
  async function setup(options: { statuses?: LinkStatus[]; region?: RegionCode; data?: Record<string, unknown>; onBehalfOf?: boolean; phone?: string } = {}) {
    const { db } = handle;
    const statuses = options.statuses ?? ["up"];
    const region = options.region ?? "maritime";
    const first = await createSiteWithOffice(db, { regionCode: region, linkStatus: statuses[0] });
    const offices = [first.office];
    for (const status of statuses.slice(1)) offices.push((await createSiteWithOffice(db, { regionCode: region, linkStatus: status, agencyId: first.agency.id })).office);
    const { procedure, version } = await createProcedure(db, { agencyId: first.agency.id, targetDelayDays: 10 });
    const { user } = await createCitizen(db, { regionCode: region, phone: options.phone ?? null });
    const draft = (await startOrResumeDraft(db, { userId: user.id, procedureId: procedure.id, now: NOW }))!;
    await db
      .update(cases)
      .set({
        data: { ...(options.onBehalfOf === false ? {} : { _pourQui: "self" }), ...(options.data ?? { motif: "Dossier d'emploi" }) },
      })
      .where(eq(cases.id, draft.id));
    return { agency: first.agency, offices, procedure, version, user, draft };
  }

  async function caseRow(id: string) {
    const [row] = await handle.db.select().from(cases).where(eq(cases.id, id));
    return row!;
  }
  const eventsOf = (id: string) => handle.db.select().from(caseEvents).where(eq(caseEvents.caseId, id));
  const notificationsOf = (reference: string) =>
    handle.db.select().from(notifications).where(sql`${notifications.payload}->>'reference' = ${reference}`);

  it("files the draft: status, office, due date, code hash, event and notifications in one go", async () => {
    const { db } = handle;
    const { offices, user, draft } = await setup({ phone: `+2289${String(Date.now()).slice(-7)}` });
    const { user: agent } = await createStaff(db, { role: "agent", officeId: offices[0]!.id });
    const { user: supervisor } = await createStaff(db, { role: "supervisor", officeId: offices[0]!.id, overrides: { locale: "en" } });

    const result = await submitCase(db, { userId: user.id, reference: draft.reference, idempotencyKey: "k-1", now: NOW, baseUrl: "https://guichet.test" });
    expect(result).toMatchObject({ ok: true, reference: draft.reference, status: "submitted" });
    const code = result.ok ? result.trackingCode : null;
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);

    const row = await caseRow(draft.id);
    expect(row).toMatchObject({ status: "submitted", officeId: offices[0]!.id, routingReason: "least_loaded_up", idempotencyKey: "k-1", version: 1, submittedAt: NOW });
    expect(row.dueAt!.getTime()).toBe(NOW.getTime() + 10 * DAY);
    expect(row.trackingCodeHash).toBe(hashTrackingCode(code!));
    expect(row.trackingCodeHash).not.toContain(code!.replace("-", ""));

    const events = await eventsOf(draft.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "submitted", fromStatus: "draft", toStatus: "submitted", actorId: user.id, payload: { officeId: offices[0]!.id, officeName: offices[0]!.name, reason: "least_loaded_up" } });

    const sent = await notificationsOf(draft.reference);
    const toCitizen = sent.filter((n) => n.userId === user.id);
    expect(toCitizen.map((n) => n.channel).sort()).toEqual(["email", "in_app", "sms"]);
    expect(toCitizen.every((n) => n.template === "case_submitted")).toBe(true);
    expect(toCitizen[0]!.payload).toMatchObject({
      reference: draft.reference,
      officeName: offices[0]!.name,
      dueDate: "14 mai 2026",
      url: `https://guichet.test/mon-espace/dossiers/${draft.reference}`,
    });
    expect(String(toCitizen[0]!.payload.procedure)).toMatch(/^Démarche de test/);
    const toStaff = sent.filter((n) => n.template === "case_new_staff");
    expect(toStaff.map((n) => [n.userId, n.channel]).sort()).toEqual([[agent.id, "in_app"], [supervisor.id, "in_app"]].sort());
    expect(toStaff.find((n) => n.userId === supervisor.id)!.payload.procedure).toMatch(/^Test procedure/);
  });

  it("leaves nothing behind when a write fails midway (after the status and the event)", async () => {
    const { db } = handle;
    const { user, draft } = await setup();
    // The notifications are the last writes: make them fail.
    await db.execute(sql`create or replace function fail_submitted_notice() returns trigger language plpgsql as $$
      begin if new.template = 'case_submitted' then raise exception 'outbox unavailable'; end if; return new; end $$`);
    await db.execute(sql`create trigger fail_submitted_notice before insert on notification for each row execute function fail_submitted_notice()`);
    try {
      await expect(submitCase(db, { userId: user.id, reference: draft.reference, now: NOW })).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger fail_submitted_notice on notification`);
    }
    const row = await caseRow(draft.id);
    expect(row).toMatchObject({ status: "draft", version: 0, officeId: null, submittedAt: null, trackingCodeHash: null });
    expect(await eventsOf(draft.id)).toHaveLength(0);
    expect(await notificationsOf(draft.reference)).toHaveLength(0);

    // And it can be filed once the fault is gone.
    expect(await submitCase(db, { userId: user.id, reference: draft.reference, now: NOW })).toMatchObject({ ok: true, status: "submitted" });
  });

  it("is idempotent: concurrent or repeated submissions make one transition, one event, one code", async () => {
    const { db } = handle;
    const { user, draft } = await setup();
    const input = { userId: user.id, reference: draft.reference, idempotencyKey: "same-key", now: NOW };
    const results =
      testDriver === "postgres"
        ? await Promise.all([submitCase(db, input), submitCase(db, input), submitCase(db, input)])
        : [await submitCase(db, input), await submitCase(db, input), await submitCase(db, input)];
    for (const result of results) expect(result).toMatchObject({ ok: true, reference: draft.reference, status: "submitted" });
    const codes = results.map((r) => (r.ok ? r.trackingCode : null)).filter(Boolean);
    expect(codes).toHaveLength(1);
    expect((await caseRow(draft.id)).trackingCodeHash).toBe(hashTrackingCode(codes[0]!));
    expect(await eventsOf(draft.id)).toHaveLength(1);
    const sent = await notificationsOf(draft.reference);
    expect(sent.filter((n) => n.channel === "in_app" && n.userId === user.id)).toHaveLength(1);

    // A retry long after (another key, a resend of the form) changes nothing either.
    expect(await submitCase(db, { ...input, idempotencyKey: "other", now: new Date(NOW.getTime() + DAY) })).toEqual({
      ok: true,
      reference: draft.reference,
      status: "submitted",
      trackingCode: null,
    });
    expect(await caseRow(draft.id)).toMatchObject({ version: 1, idempotencyKey: "same-key" });
  });

  it("queues the case, with the reason, when every eligible office is down", async () => {
    const { db } = handle;
    const { offices, user, draft } = await setup({ statuses: ["down", "maintenance"], region: "kara" });
    await createStaff(db, { role: "agent", officeId: offices[0]!.id });
    const result = await submitCase(db, { userId: user.id, reference: draft.reference, now: NOW });
    expect(result).toMatchObject({ ok: true, status: "queued" });
    expect(result.ok && result.trackingCode).toBeTruthy();
    expect(await caseRow(draft.id)).toMatchObject({ status: "queued", officeId: null, dueAt: null, submittedAt: NOW, routingReason: "queued_unreachable" });
    const [event] = await eventsOf(draft.id);
    expect(event).toMatchObject({ type: "queued", toStatus: "queued", payload: { officeId: null, reason: "queued_unreachable" } });
    const sent = await notificationsOf(draft.reference);
    expect(new Set(sent.map((n) => n.template))).toEqual(new Set(["case_queued"]));
    expect(sent.every((n) => n.userId === user.id)).toBe(true);
  });

  it("honours the office the citizen chose when it is reachable", async () => {
    const { db } = handle;
    const { offices, user, draft } = await setup({ statuses: ["up", "degraded"], region: "plateaux" });
    await db.update(cases).set({ preferredOfficeId: offices[1]!.id }).where(eq(cases.id, draft.id));
    expect(await submitCase(db, { userId: user.id, reference: draft.reference, now: NOW })).toMatchObject({ ok: true, status: "submitted" });
    expect(await caseRow(draft.id)).toMatchObject({ officeId: offices[1]!.id, routingReason: "preferred_office" });
  });

  it("writes nothing when the answers are incomplete, and says where", async () => {
    const { db } = handle;
    const { user, draft } = await setup({ data: {}, onBehalfOf: false });
    await db.update(cases).set({ regionCode: null }).where(eq(cases.id, draft.id));
    const result = await submitCase(db, { userId: user.id, reference: draft.reference, now: NOW });
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sectionId: "pour-qui" }),
        expect.objectContaining({ sectionId: "bureau" }),
        expect.objectContaining({ sectionId: "main", field: "motif", code: "required" }),
      ]),
    );
    expect(await caseRow(draft.id)).toMatchObject({ status: "draft", version: 0, trackingCodeHash: null });
    expect(await eventsOf(draft.id)).toHaveLength(0);
    expect(await notificationsOf(draft.reference)).toHaveLength(0);
  });

  it("asks for the name and the relationship of the person a case is filed for", async () => {
    const { db } = handle;
    const { user, draft } = await setup({ data: { _pourQui: "other", motif: "Pour ma fille" } });
    const refused = await submitCase(db, { userId: user.id, reference: draft.reference, now: NOW });
    expect(refused.ok ? [] : refused.errors.map((e) => [e.sectionId, e.field])).toEqual([
      ["pour-qui", "fullName"],
      ["pour-qui", "relationship"],
    ]);
    await db.update(cases).set({ onBehalfOf: { fullName: "Ama Mensah", relationship: "Ma fille" } }).where(eq(cases.id, draft.id));
    expect(await submitCase(db, { userId: user.id, reference: draft.reference, now: NOW })).toMatchObject({ ok: true });
  });

  it("counts a required document as given only while its upload is there", async () => {
    const { db } = handle;
    const { version, user, draft } = await setup();
    await db
      .update(procedureVersions)
      .set({
        definition: {
          sections: [
            ...version.definition.sections,
            {
              id: "pieces",
              title: { fr: "Pièces", en: "Documents" },
              fields: [{ type: "file", name: "piece_identite", label: { fr: "Pièce d'identité", en: "Identity document" }, required: true, accept: ["application/pdf"], maxSizeMb: 5 }],
            },
          ],
        },
      })
      .where(eq(procedureVersions.id, version.id));
    const file = (key: string, extra: Partial<typeof attachments.$inferInsert> = {}) => ({
      ownerId: user.id,
      caseId: draft.id,
      fieldName: "piece_identite",
      filename: "cni.pdf",
      mimeType: "application/pdf",
      sizeBytes: 1234,
      sha256: "0".repeat(64),
      storageKey: `test/${draft.id}/${key}`,
      ...extra,
    });
    // Removed before submission: it does not count.
    await db.insert(attachments).values(file("old", { deletedAt: NOW }));
    const refused = await submitCase(db, { userId: user.id, reference: draft.reference, now: NOW });
    expect(refused).toEqual({ ok: false, errors: [{ sectionId: "pieces", field: "piece_identite", code: "file_required" }] });
    await db.insert(attachments).values(file("new"));
    expect(await submitCase(db, { userId: user.id, reference: draft.reference, now: NOW })).toMatchObject({ ok: true, status: "submitted" });
  });

  it("answers 404 for another citizen's draft and leaves it alone", async () => {
    const { db } = handle;
    const { draft } = await setup();
    const { user: other } = await createCitizen(db);
    const thrown = await submitCase(db, { userId: other.id, reference: draft.reference, now: NOW }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
    const [row] = await db.select({ status: cases.status }).from(cases).where(and(eq(cases.id, draft.id)));
    expect(row!.status).toBe("draft");
  });
});
