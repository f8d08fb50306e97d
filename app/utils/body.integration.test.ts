import { desc, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/client";
import { notifications } from "../../db/schema";
import { createCitizen } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import { action as forgottenPassword } from "~/routes/mot-de-passe-oublie";
import { action as tracking } from "~/routes/suivi";
import { FORM_MAX_BYTES, readForm } from "./body.server";
import { setDatabaseHandle } from "./db.server";

/**
 * Issue 11, items 2, 3, 6 and 7, through real route actions on a real database: what a client
 * sends in headers and bodies never reaches a 500 and never chooses the links we write.
 */

let handle: DatabaseHandle;
const context = { cspNonce: "n", requestId: "req-1", ip: "203.0.113.40" };
const ORIGINAL_APP_URL = process.env.APP_URL;

beforeAll(async () => {
  handle = await createTestDatabase();
  setDatabaseHandle(handle);
});
afterAll(async () => {
  await handle.close();
});
afterEach(() => {
  if (ORIGINAL_APP_URL === undefined) delete process.env.APP_URL;
  else process.env.APP_URL = ORIGINAL_APP_URL;
});

async function thrownStatus(promise: Promise<unknown>): Promise<number> {
  const outcome = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(outcome instanceof Response)) throw new Error(`expected a thrown Response, got ${String(outcome)}`);
  return outcome.status;
}

function post(path: string, body: BodyInit | null, headers: Record<string, string>, host = "http://localhost") {
  return new Request(`${host}${path}`, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** A body streamed without Content-Length, as a chunked upload arrives. */
function streamOf(totalBytes: number, chunk = 64 * 1024): { stream: ReadableStream<Uint8Array>; sent: () => number } {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      const size = Math.min(chunk, totalBytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  });
  return { stream, sent: () => sent };
}

describe("form bodies (readForm)", () => {
  it("answers 415 to a JSON body posted to a form, 400 to broken multipart", async () => {
    const json = post("/suivi", JSON.stringify({ reference: "x" }), { "Content-Type": "application/json" });
    expect(await thrownStatus(tracking({ request: json, params: {}, context }))).toBe(415);
    const broken = post("/suivi", "--b\r\nContent-Disposition: form-data; name=\"reference\"\r\n\r\nGUI", { "Content-Type": "multipart/form-data; boundary=b" });
    expect(await thrownStatus(tracking({ request: broken, params: {}, context }))).toBe(400);
  });

  it("stops reading a form body past 1 MB and answers 413, with or without Content-Length", async () => {
    const declared = post("/suivi", "reference=" + "x".repeat(FORM_MAX_BYTES), { "Content-Type": "application/x-www-form-urlencoded" });
    expect(await thrownStatus(tracking({ request: declared, params: {}, context }))).toBe(413);

    const { stream, sent } = streamOf(200 * 1024 * 1024);
    const chunked = post("/suivi", stream, { "Content-Type": "application/x-www-form-urlencoded" });
    expect(await thrownStatus(readForm(chunked))).toBe(413);
    // Read up to the cap, then the stream was cancelled: not 200 MB.
    expect(sent()).toBeLessThan(FORM_MAX_BYTES + 256 * 1024);
  });

  it("removes NUL and other control characters from typed text, keeping tabs, line breaks and accents", async () => {
    const body = new URLSearchParams({ nom: "Éloïse\u0000 Améyo\u0007", note: "ligne 1\r\nligne 2" });
    const form = await readForm(post("/x", body.toString(), { "Content-Type": "application/x-www-form-urlencoded" }));
    expect(form.get("nom")).toBe("Éloïse Améyo");
    expect(form.get("note")).toBe("ligne 1\r\nligne 2");

    const multipart = new FormData();
    multipart.set("nom", "K\u0000offi");
    const viaMultipart = await readForm(new Request("http://localhost/x", { method: "POST", body: multipart }));
    expect(viaMultipart.get("nom")).toBe("Koffi");
  });

  it("a tracking lookup with a NUL in its reference is an ordinary 'not found', not a 500", async () => {
    const body = new URLSearchParams({ reference: "GUI-2026\u0000-000001", code: "ABCD\u0000EFGH" }).toString();
    const response = await tracking({ request: post("/suivi", body, { "Content-Type": "application/x-www-form-urlencoded" }), params: {}, context });
    expect(response).toMatchObject({ data: { kind: "not_found", values: { reference: "GUI-2026-000001", code: "ABCDEFGH" } } });
  });
});

describe("links in messages (item 2)", () => {
  it("a password-reset link is built from APP_URL, whatever Host the request came with", async () => {
    process.env.APP_URL = "https://guichet.gouv.tg";
    const { user } = await createCitizen(handle.db);
    const request = post("/mot-de-passe-oublie", new URLSearchParams({ identifier: user.email! }).toString(), {
      "Content-Type": "application/x-www-form-urlencoded",
      Host: "evil.example",
      "X-Forwarded-Host": "evil.example:8443",
    }, "http://evil.example");
    const answer = await forgottenPassword({ request, params: {}, context: { ...context, ip: "203.0.113.41" } });
    expect(answer).toBeInstanceOf(Response);
    const [message] = await handle.db.select().from(notifications).where(eq(notifications.recipient, user.email!)).orderBy(desc(notifications.id)).limit(1);
    const text = JSON.stringify(message?.payload);
    expect(text).toContain("https://guichet.gouv.tg/mot-de-passe/nouveau?token=");
    expect(text).not.toContain("evil.example");
  });
});
