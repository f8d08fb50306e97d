import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { createTestDatabase } from "../../db/testing";
import { enqueueNotifications, isDevOutboxEnabled } from "~/services/outbox.server";
import { setDatabaseHandle } from "~/utils/db.server";
import { loader } from "./dev.boite-d-envoi";

const ORIGINAL = { NODE_ENV: process.env.NODE_ENV, DEV_OUTBOX: process.env.DEV_OUTBOX };

function restoreEnv() {
  for (const [key, value] of Object.entries(ORIGINAL)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

const call = (url: string) => loader({ request: new Request(url), params: {}, context: { cspNonce: "n", requestId: "r", ip: "127.0.0.1" } });

describe("isDevOutboxEnabled", () => {
  it.each([
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "test" }, true],
    [{}, true],
    [{ NODE_ENV: "production" }, false],
    [{ NODE_ENV: "production", DEV_OUTBOX: "0" }, false],
    [{ NODE_ENV: "production", DEV_OUTBOX: "1" }, true],
  ])("%o → %s", (env, expected) => {
    expect(isDevOutboxEnabled(env as NodeJS.ProcessEnv)).toBe(expected);
  });
});

describe("/dev/boite-d-envoi loader", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
    setDatabaseHandle(handle);
  });
  afterAll(async () => {
    await handle?.close();
  });
  afterEach(restoreEnv);

  it("is a 404 in production", async () => {
    process.env.NODE_ENV = "production";
    delete process.env.DEV_OUTBOX;
    const thrown = await call("http://localhost/dev/boite-d-envoi").catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(404);
  });

  it("lists messages in production with DEV_OUTBOX=1, filtered by recipient (+228 survives the query string)", async () => {
    process.env.NODE_ENV = "production";
    process.env.DEV_OUTBOX = "1";
    await enqueueNotifications(handle.db, [
      { channel: "sms", recipient: "+22890123456", template: "password_reset", locale: "fr", payload: { url: "http://x/y" } },
      { channel: "email", recipient: "afi@example.tg", template: "password_reset", locale: "fr", payload: { url: "http://x/z" } },
    ]);
    const all = await call("http://localhost/dev/boite-d-envoi");
    expect(all.entries.map((e) => e.recipient)).toEqual(["afi@example.tg", "+22890123456"]);
    const sms = await call("http://localhost/dev/boite-d-envoi?destinataire=+22890123456");
    expect(sms.recipient).toBe("+22890123456");
    expect(sms.entries.map((e) => e.recipient)).toEqual(["+22890123456"]);
  });
});
