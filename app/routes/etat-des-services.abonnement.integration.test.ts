import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../db/schema";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { DatabaseHandle } from "../../db/client";
import { setDatabaseHandle } from "~/utils/db.server";
import { action as subscribeAction } from "./etat-des-services.abonnement";
import { action as confirmAction, loader as confirmLoader } from "./etat-des-services.abonnement_.confirmer";

/** The subscription pages' answers (issue 11 item 15): redirects, 429 with Retry-After, field errors that keep what was typed. */

type DataResult = { init: { status: number; headers?: Record<string, string> } | null; data: { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } | null } };

const ctx = (ip = "10.7.9.9") => ({ cspNonce: "n", requestId: "r", ip });
const post = (path: string, fields: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return new Request(`http://localhost${path}`, { method: "POST", body: form });
};

describe("subscription pages", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    setDatabaseHandle(handle);
    await createSiteWithOffice(handle.db, { regionCode: "kara", townName: "Kara" });
  });
  afterAll(async () => handle?.close());

  it("sends an SMS request to the code page, confirms the right code, refuses a wrong one at the field", async () => {
    const phone = "+22893444444";
    const res = (await subscribeAction({ request: post("/etat-des-services/abonnement", { channel: "sms", recipient: "93 44 44 44", scope: "region:kara" }), params: {}, context: ctx("10.7.0.1") })) as Response;
    expect(res.status).toBe(302);
    const location = res.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/etat-des-services\/abonnement\/confirmer\?d=[a-z2-7]{32}$/);
    const handleParam = new URL(location, "http://localhost").searchParams.get("d")!;
    const codePage = (await confirmLoader({ request: new Request(`http://localhost${location}`), params: {}, context: ctx() })) as unknown as DataResult & { data: { mode: string } };
    expect(codePage.data.mode).toBe("code");
    expect(codePage.init?.headers).toMatchObject({ "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" });

    const [sms] = await handle.db.select().from(notifications).where(eq(notifications.recipient, phone));
    const code = (sms!.payload as { code: string }).code;
    const badFormat = (await confirmAction({ request: post(location, { d: handleParam, code: "12" }), params: {}, context: ctx() })) as unknown as DataResult;
    expect(badFormat.init?.status).toBe(400);
    expect(badFormat.data.result?.error?.code).toEqual(["confirm.errors.codeFormat"]);
    const wrong = (await confirmAction({ request: post(location, { d: handleParam, code: code === "000000" ? "111111" : "000000" }), params: {}, context: ctx() })) as unknown as DataResult;
    expect(wrong.init?.status).toBe(400);
    expect(wrong.data.result?.error?.code).toEqual(["confirm.errors.codeWrong"]);
    const right = (await confirmAction({ request: post(location, { d: handleParam, code: `${code.slice(0, 3)} ${code.slice(3)}` }), params: {}, context: ctx() })) as Response;
    expect(right.status).toBe(302);
    expect(right.headers.get("Location")).toBe("/etat-des-services/abonnement/confirmer?fait");
  });

  it("answers 429 with Retry-After and keeps what was typed when a number has been asked too often", async () => {
    const fields = { channel: "sms", recipient: "93 55 55 55", scope: "region:kara" };
    for (let i = 0; i < 3; i++) {
      const ok = (await subscribeAction({ request: post("/etat-des-services/abonnement", fields), params: {}, context: ctx(`10.7.1.${i}`) })) as Response;
      expect(ok.status).toBe(302);
    }
    const refused = (await subscribeAction({ request: post("/etat-des-services/abonnement", fields), params: {}, context: ctx("10.7.1.9") })) as unknown as DataResult;
    expect(refused.init?.status).toBe(429);
    expect(Number(refused.init?.headers?.["Retry-After"])).toBeGreaterThan(0);
    expect(refused.data.result?.error?.[""]).toEqual(["subscribe.errors.rateLimited"]);
    expect(refused.data.result?.initialValue).toMatchObject({ recipient: "93 55 55 55", scope: "region:kara" });
    expect(await handle.db.select().from(notifications).where(eq(notifications.recipient, "+22893555555"))).toHaveLength(3);
  });

  it("shows an unknown or used confirmation link as such (404), and never confirms on GET", async () => {
    const page = (await confirmLoader({ request: new Request(`http://localhost/etat-des-services/abonnement/confirmer?t=${"a".repeat(32)}`), params: {}, context: ctx() })) as unknown as DataResult & { data: { pending: unknown } };
    expect(page.init?.status).toBe(404);
    expect(page.data.pending).toBeNull();
    const posted = (await confirmAction({ request: post("/etat-des-services/abonnement/confirmer", { t: "a".repeat(32) }), params: {}, context: ctx() })) as unknown as DataResult & { data: { linkInvalid: boolean } };
    expect(posted.init?.status).toBe(404);
    expect(posted.data.linkInvalid).toBe(true);
  });
});
