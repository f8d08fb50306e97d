/**
 * Mass link changes (decision 019): a probe batch that moves many buildings answers with the new
 * statuses at once and leaves their consequences (outages, paused deadlines, notices) to the
 * link-effects job, which applies each exactly once, in order per building.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { cases, linkStatusChanges, notifications, siteOutages, sites } from "../../db/schema";
import { createCase, createProcedure } from "../../db/seed/case-factories";
import { createCitizen, createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase, testDriver } from "../../db/testing";
import { ingestHeartbeats, INLINE_CHANGES_MAX } from "./ingest.server";
import { applyPendingLinkEffects } from "./link-effects.server";
import { changeSiteLinkStatus } from "./link-status.server";

const MIN = 60_000;
const LOST = { latencyMs: 0, lossPct: 100 };

describe(`mass link changes (${testDriver})`, () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle?.close());

  const t0 = new Date(Date.now() - 2 * 60 * MIN);
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000).toISOString();

  /** `count` buildings, each with an office and one citizen's open case there. */
  async function buildings(count: number) {
    const made = [];
    for (let i = 0; i < count; i++) {
      const { site, office, agency } = await createSiteWithOffice(handle.db);
      await handle.db.update(sites).set({ linkStatusSince: new Date(t0.getTime() - 86_400_000) }).where(eq(sites.id, site.id));
      const { procedure, version } = await createProcedure(handle.db, { agencyId: agency.id, targetDelayDays: 10 });
      const { user } = await createCitizen(handle.db, { phone: `+2289${Math.floor(1e7 + Math.random() * 9e7)}` });
      const filed = await createCase(handle.db, { procedure, versionId: version.id, applicantId: user.id, officeId: office.id, submittedAt: t0, status: "in_review" });
      made.push({ site, user, filed });
    }
    return made;
  }

  /** Two lost samples 30 s apart per building: the hysteresis confirms down for each. */
  const goDown = (list: { site: { code: string } }[], from = 0) =>
    ingestHeartbeats(
      handle.db,
      list.flatMap(({ site }) => [from, from + 30].map((s) => ({ site: site.code, at: at(s), ...LOST }))),
      { sourceName: `bench-${randomBytes(3).toString("hex")}` },
    );

  const openOutages = (ids: number[]) => handle.db.select().from(siteOutages).where(and(inArray(siteOutages.siteId, ids), isNull(siteOutages.endedAt)));
  const outageNotices = (userIds: string[]) =>
    handle.db.select().from(notifications).where(and(eq(notifications.template, "office_outage"), eq(notifications.channel, "email"), inArray(notifications.userId, userIds)));

  it("a batch moving many buildings answers with their new status and leaves the effects to the job, which applies each once", async () => {
    const list = await buildings(INLINE_CHANGES_MAX + 5);
    const ids = list.map((b) => b.site.id);

    const result = await goDown(list);
    expect(result.changes).toHaveLength(list.length);
    const shown = await handle.db.select({ linkStatus: sites.linkStatus }).from(sites).where(inArray(sites.id, ids));
    expect(shown.every((s) => s.linkStatus === "down")).toBe(true);
    // Recorded with the change, in the same transaction: nothing lost if the server stops now.
    const pending = await handle.db.select().from(linkStatusChanges).where(and(inArray(linkStatusChanges.siteId, ids), isNull(linkStatusChanges.effectsAppliedAt)));
    expect(pending).toHaveLength(list.length);
    expect(await openOutages(ids)).toHaveLength(0);

    expect(await applyPendingLinkEffects(handle.db)).toBe(list.length);
    expect(await openOutages(ids)).toHaveLength(list.length);
    expect(await outageNotices(list.map((b) => b.user.id))).toHaveLength(list.length);
    // Applied once: another run finds nothing and sends nothing more.
    expect(await applyPendingLinkEffects(handle.db)).toBe(0);
    expect(await outageNotices(list.map((b) => b.user.id))).toHaveLength(list.length);
  });

  it("a building changed again before the job ran gets its effects in order: the outage opens and closes", async () => {
    const list = await buildings(INLINE_CHANGES_MAX + 1);
    await goDown(list);
    const [first] = list;
    const backAt = new Date(t0.getTime() + 40 * MIN);
    // The operator brings it back up while the down change still waits for the job.
    const back = await handle.db.transaction((tx) => changeSiteLinkStatus(tx, { siteId: first!.site.id, to: "up", source: "operator", note: "Réparé", at: backAt }));
    expect(back.changed).toBe(true);
    expect(await openOutages([first!.site.id])).toHaveLength(0);

    await applyPendingLinkEffects(handle.db);
    const outages = await handle.db.select().from(siteOutages).where(eq(siteOutages.siteId, first!.site.id));
    expect(outages).toHaveLength(1);
    expect(outages[0]!.endedAt).toEqual(backAt);
    // Its case got the time down back on its deadline.
    const [after] = await handle.db.select({ pausedMs: cases.pausedMs }).from(cases).where(eq(cases.id, first!.filed.id));
    expect(after!.pausedMs).toBeGreaterThan(0);
  });

  it("two job runners at once apply each change exactly once", async () => {
    const list = await buildings(INLINE_CHANGES_MAX + 9);
    const ids = list.map((b) => b.site.id);
    await goDown(list);
    const [a, b] = await Promise.all([applyPendingLinkEffects(handle.db), applyPendingLinkEffects(handle.db)]);
    expect(a + b).toBe(list.length);
    expect(await openOutages(ids)).toHaveLength(list.length);
    expect(await outageNotices(list.map((x) => x.user.id))).toHaveLength(list.length);
  });

  it("a batch moving a few buildings applies their effects at once", async () => {
    const list = await buildings(3);
    const result = await goDown(list);
    expect(result.changes).toHaveLength(3);
    expect(await openOutages(list.map((b) => b.site.id))).toHaveLength(3);
    expect(await applyPendingLinkEffects(handle.db)).toBe(0);
  });
});
