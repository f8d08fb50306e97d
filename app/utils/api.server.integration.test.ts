import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { createTestDatabase } from "../../db/testing";
import { createMonitoringToken } from "~/services/monitoring-tokens.server";
import { requireMonitoringToken, TOKEN_FAILURES_PER_MINUTE } from "./api.server";
import { setDatabaseHandle } from "./db.server";

let handle: DatabaseHandle;
let token: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
  token = (await createMonitoringToken(handle.db, { name: "sonde-test" })).token;
});
afterAll(() => handle?.close());

async function statusOf(bearer: string, ip: string): Promise<number> {
  const request = new Request("http://localhost/api/v1/sites/heartbeats", { headers: { Authorization: `Bearer ${bearer}` } });
  try {
    await requireMonitoringToken(request, { ip });
    return 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

describe("requireMonitoringToken failure limit", () => {
  it(`of ${TOKEN_FAILURES_PER_MINUTE + 20} concurrent wrong tokens from one address, at most ${TOKEN_FAILURES_PER_MINUTE} are checked`, async () => {
    const statuses = await Promise.all(Array.from({ length: TOKEN_FAILURES_PER_MINUTE + 20 }, (_, i) => statusOf(`gmt_faux${i}`, "203.0.113.50")));
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(TOKEN_FAILURES_PER_MINUTE);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);
  });

  it("a valid token does not count as a failure", async () => {
    for (let i = 0; i < TOKEN_FAILURES_PER_MINUTE + 5; i++) expect(await statusOf(token, "203.0.113.51")).toBe(200);
    expect(await statusOf("gmt_faux", "203.0.113.51")).toBe(401);
  });
});
