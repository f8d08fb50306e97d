import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../../db/client";
import { auditLog } from "../../../db/schema";
import { createStaff } from "../../../db/seed/factories";
import { createTestDatabase } from "../../../db/testing";
import { audit } from "../audit.server";
import { createMonitoringToken, listMonitoringTokensWithCreators, revokeMonitoringToken, verifyMonitoringToken } from "../monitoring-tokens.server";
import { auditCsvStream } from "./audit-log-csv.server";
import { auditFilterChoices, listAuditEntries } from "./audit-log.server";

describe("the audit log for administrators", () => {
  let handle: DatabaseHandle;
  let adminId: string;
  const tag = `t${Date.now().toString(36)}`;
  beforeAll(async () => {
    handle = await createTestDatabase();
    const { user } = await createStaff(handle.db, {
      role: "admin",
      overrides: { fullName: "Éléonore Agbéko" },
    });
    adminId = user.id;
  });
  afterAll(async () => handle.close());

  it("filters by actor without accents nor case, by family, outcome, target and day", async () => {
    const { db } = handle;
    await audit(db, {
      action: "admin.office.update",
      actorId: adminId,
      targetType: "office",
      targetId: tag,
      details: { before: { name: "A" }, after: { name: "B" } },
    });
    await audit(db, {
      action: "auth.login_failed",
      outcome: "failure",
      targetType: "user",
      targetId: tag,
      ip: "10.0.0.1",
    });
    await db.insert(auditLog).values({
      action: "admin.site.create",
      actorId: adminId,
      targetType: "site",
      targetId: tag,
      at: new Date("2025-01-15T23:59:00Z"),
    });

    const byActor = await listAuditEntries(db, {
      filters: { actor: "eleonore AGBEKO" },
    });
    expect(byActor.entries.map((e) => e.action).sort()).toEqual(["admin.office.update", "admin.site.create"]);
    expect(byActor.entries[0]!.actorName).toBe("Éléonore Agbéko");
    const family = await listAuditEntries(db, {
      filters: { action: "admin.*", targetId: tag },
    });
    expect(family.entries).toHaveLength(2);
    const failed = await listAuditEntries(db, {
      filters: { outcome: "failure", targetType: "user", targetId: tag },
    });
    expect(failed.entries.map((e) => e.action)).toEqual(["auth.login_failed"]);
    const day = await listAuditEntries(db, {
      filters: {
        targetId: tag,
        from: new Date("2025-01-15T00:00:00Z"),
        to: new Date("2025-01-16T00:00:00Z"),
      },
    });
    expect(day.entries.map((e) => e.action)).toEqual(["admin.site.create"]);
    const choices = await auditFilterChoices(db);
    expect(choices.actions).toContain("auth.login_failed");
    expect(choices.targetTypes).toContain("site");
  });

  it("pages by id without gaps nor duplicates, both ways, while entries arrive", async () => {
    const { db } = handle;
    const pageTag = `${tag}-page`;
    for (let i = 0; i < 23; i++)
      await audit(db, {
        action: "admin.agency.update",
        actorId: adminId,
        targetType: "agency",
        targetId: pageTag,
        details: { i },
      });
    const filters = { targetId: pageTag };
    const first = await listAuditEntries(db, { filters, limit: 10 });
    expect(first.newer).toBeNull();
    await audit(db, {
      action: "admin.agency.update",
      actorId: adminId,
      targetType: "agency",
      targetId: pageTag,
      details: { i: 99 },
    });
    const second = await listAuditEntries(db, {
      filters,
      after: first.older,
      limit: 10,
    });
    const third = await listAuditEntries(db, {
      filters,
      after: second.older,
      limit: 10,
    });
    expect(third.older).toBeNull();
    const seen = [...first.entries, ...second.entries, ...third.entries].map((e) => e.details.i);
    expect(seen).toEqual([22, 21, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(second.newer).not.toBeNull();
    const back = await listAuditEntries(db, {
      filters,
      before: second.newer,
      limit: 10,
    });
    // The page just before the second one: the ten entries newer than it; the new one is further up.
    expect(back.entries.map((e) => e.details.i)).toEqual([22, 21, 20, 19, 18, 17, 16, 15, 14, 13]);
    expect(back.older).toBe(back.entries[9]!.id);
    const top = await listAuditEntries(db, {
      filters,
      before: back.newer,
      limit: 10,
    });
    expect(top.entries.map((e) => e.details.i)).toEqual([99, 22, 21, 20, 19, 18, 17, 16, 15, 14]);
    expect(top.newer).toBeNull();
  });

  it("never shows what people wrote in a case, on the page nor in the CSV", async () => {
    const { db } = handle;
    const ref = `${tag}-case`;
    await audit(db, {
      action: "case.reject",
      actorId: adminId,
      targetType: "case",
      targetId: ref,
      details: {
        from: "in_review",
        to: "rejected",
        reasonCode: "incomplete",
        reasonText: "Secret du dossier",
      },
    });
    const page = await listAuditEntries(db, { filters: { targetId: ref } });
    expect(page.entries[0]!.details).toEqual({
      from: "in_review",
      to: "rejected",
      reasonCode: "incomplete",
    });
    const stream = auditCsvStream(
      db,
      { targetId: ref },
      {
        column: (c) => c,
        actor: (e) => e.actorName ?? "",
        action: (a) => a,
        outcome: (o) => o,
      },
    );
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(stream).arrayBuffer());
    expect(text.startsWith("\uFEFFat;actor;action;")).toBe(true);
    expect(text).toContain("case.reject");
    expect(text).not.toContain("Secret");
  });

  it("caps the CSV", async () => {
    const stream = auditCsvStream(
      handle.db,
      { targetId: `${tag}-page` },
      {
        column: (c) => c,
        actor: () => "",
        action: (a) => a,
        outcome: (o) => o,
      },
      5,
    );
    const text = await new Response(stream).text();
    expect(text.trim().split("\r\n")).toHaveLength(6);
  });

  it("creates, lists and revokes a monitoring token, audited with the admin, the address and the request", async () => {
    const { db } = handle;
    const { token } = await createMonitoringToken(db, {
      name: `${tag}-probe`,
      createdBy: adminId,
      ip: "10.1.1.1",
      requestId: "req-1",
    });
    expect(await verifyMonitoringToken(db, token, { env: { NODE_ENV: "test" } })).toMatchObject({ kind: "stored" });
    const listed = (await listMonitoringTokensWithCreators(db)).find((t) => t.name === `${tag}-probe`);
    expect(listed).toMatchObject({
      createdByName: "Éléonore Agbéko",
      revokedAt: null,
    });
    await revokeMonitoringToken(db, {
      name: `${tag}-probe`,
      actorId: adminId,
      ip: "10.1.1.1",
      requestId: "req-2",
    });
    expect(await verifyMonitoringToken(db, token, { env: { NODE_ENV: "test" } })).toBeNull();
    const entries = await listAuditEntries(db, {
      filters: { action: "monitoring_token.*", actor: "agbeko" },
    });
    expect(entries.entries.map((e) => [e.action, e.ip, e.requestId])).toEqual([
      ["monitoring_token.revoke", "10.1.1.1", "req-2"],
      ["monitoring_token.create", "10.1.1.1", "req-1"],
    ]);
    expect(JSON.stringify(entries.entries)).not.toContain(token);
  });
});
