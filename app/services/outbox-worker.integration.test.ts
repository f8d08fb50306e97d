import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notifications, users } from "../../db/schema";
import type { DatabaseHandle } from "../../db/client";
import { createTestDatabase, testDriver } from "../../db/testing";
import { createHttpSmsAdapter } from "./notifications/http-sms.server";
import { createSinkAdapter } from "./notifications/sink.server";
import { createSmtpAdapter } from "./notifications/smtp.server";
import { silentLogger, type NotificationAdapter, type OutgoingMessage } from "./notifications/types";
import { enqueueNotifications, listRecentOutbox } from "./outbox.server";
import { startOutboxWorker } from "./outbox-worker.server";

const RESET_URL = "http://localhost:3000/mot-de-passe/nouveau?token=k7w2m4q9x3c8v5b1n6z0r2t4y7u9p3a5";

let handle: DatabaseHandle;
const getDb = () => handle.db;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});
beforeEach(async () => {
  await handle.db.delete(notifications);
});

async function rowsOf() {
  return handle.db.select().from(notifications).orderBy(notifications.id);
}
async function onlyRow() {
  const rows = await rowsOf();
  expect(rows).toHaveLength(1);
  return rows[0]!;
}
/** Makes every pending row due now (instead of waiting for its backoff). */
async function makeDue() {
  await handle.db.update(notifications).set({ nextAttemptAt: sql`now() - interval '1 second'` }).where(eq(notifications.status, "pending"));
}
/** Seconds between now (database clock) and the row's next attempt. */
async function secondsUntilNextAttempt(id: number): Promise<number> {
  const [row] = await handle.db
    .select({ s: sql<number>`extract(epoch from (${notifications.nextAttemptAt} - now()))::float8` })
    .from(notifications)
    .where(eq(notifications.id, id));
  return Number(row!.s);
}

/** Minimal MIME decoding: enough to read a quoted-printable text part. */
function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

describe("outbox worker with a real SMTP server on loopback", () => {
  interface Received {
    from: string;
    to: string[];
    raw: string;
    user?: string;
  }
  const received: Received[] = [];
  let smtp: SMTPServer;
  let port: number;

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === "guichet" && auth.password === "s3cret") callback(null, { user: auth.username });
        else callback(new Error("Invalid credentials"));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
            user: session.user as string | undefined,
          });
          callback();
        });
      },
    });
    smtp.listen(0, "127.0.0.1");
    await once(smtp.server, "listening");
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it("sends a password reset e-mail and records it as sent with its rendered text", async () => {
    await enqueueNotifications(handle.db, [
      { channel: "email", recipient: "ama.koffi@example.tg", template: "password_reset", locale: "fr", payload: { url: RESET_URL } },
    ]);
    const adapter = createSmtpAdapter({ url: `smtp://guichet:s3cret@127.0.0.1:${port}`, from: "Guichet <no-reply@guichet.gouv.tg>" });
    const worker = startOutboxWorker({ getDb, adapters: [adapter], manual: true, log: silentLogger });
    try {
      expect(await worker.runOnce()).toBe(1);
    } finally {
      await worker.stop();
      adapter.close?.();
    }

    expect(received).toHaveLength(1);
    const mail = received[0]!;
    expect(mail.user).toBe("guichet");
    expect(mail.from).toBe("no-reply@guichet.gouv.tg");
    expect(mail.to).toEqual(["ama.koffi@example.tg"]);
    expect(mail.raw).toMatch(/^Subject: Guichet : changer votre mot de passe\r?$/m);
    expect(mail.raw).toMatch(/^To: ama\.koffi@example\.tg\r?$/m);
    expect(mail.raw).toContain("multipart/alternative");
    const decoded = decodeQuotedPrintable(mail.raw);
    expect(decoded).toContain(RESET_URL);
    expect(decoded).toContain("valable 30 minutes");
    expect(decoded).toContain(`<a href="${RESET_URL}">`);

    const row = await onlyRow();
    expect(row.status).toBe("sent");
    expect(row.sentAt).toBeInstanceOf(Date);
    expect(row.attempts).toBe(1);
    expect(row.renderedSubject).toBe("Guichet : changer votre mot de passe");
    expect(row.renderedBody).toContain(RESET_URL);
    expect(row.renderedBody).toContain("une seule fois");
  });

  it("retries when the SMTP server refuses the credentials", async () => {
    await enqueueNotifications(handle.db, [
      { channel: "email", recipient: "ama@example.tg", template: "password_reset", locale: "en", payload: { url: RESET_URL } },
    ]);
    const adapter = createSmtpAdapter({ url: `smtp://guichet:wrong@127.0.0.1:${port}` });
    const worker = startOutboxWorker({ getDb, adapters: [adapter], manual: true, log: silentLogger });
    await worker.runOnce();
    await worker.stop();
    adapter.close?.();
    const row = await onlyRow();
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/Invalid credentials|535|auth/i);
  });
});

describe("retries with backoff", () => {
  const failing = (): NotificationAdapter & { calls: number } => {
    const adapter = {
      channel: "email" as const,
      calls: 0,
      async send() {
        adapter.calls++;
        throw new Error("connection refused");
      },
    };
    return adapter;
  };

  it("schedules a retry with exponential backoff and fails after the maximum", async () => {
    await enqueueNotifications(handle.db, [
      { channel: "email", recipient: "a@example.tg", template: "account_created", locale: "fr", payload: { name: "Ama" } },
    ]);
    const adapter = failing();
    const worker = startOutboxWorker({ getDb, adapters: [adapter], manual: true, log: silentLogger, maxAttempts: 4, random: () => 0.5 });

    expect(await worker.runOnce()).toBe(1);
    let row = await onlyRow();
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toBe("connection refused");
    expect(await secondsUntilNextAttempt(row.id)).toBeGreaterThan(28);
    expect(await secondsUntilNextAttempt(row.id)).toBeLessThanOrEqual(30);

    // Not due yet: nothing happens.
    expect(await worker.runOnce()).toBe(0);
    expect(adapter.calls).toBe(1);

    await makeDue();
    await worker.runOnce();
    row = await onlyRow();
    expect(row.attempts).toBe(2);
    expect(await secondsUntilNextAttempt(row.id)).toBeGreaterThan(58);

    await makeDue();
    await worker.runOnce();
    row = await onlyRow();
    expect(row.attempts).toBe(3);
    expect(await secondsUntilNextAttempt(row.id)).toBeGreaterThan(118);

    await makeDue();
    await worker.runOnce();
    row = await onlyRow();
    expect(row.status).toBe("failed");
    expect(row.attempts).toBe(4);
    expect(row.sentAt).toBeNull();

    await makeDue();
    expect(await worker.runOnce()).toBe(0);
    expect(adapter.calls).toBe(4);
    await worker.stop();
  });

  it("fails at once when retrying cannot help (unknown template, missing variable, no recipient)", async () => {
    await enqueueNotifications(handle.db, [
      { channel: "email", recipient: "a@example.tg", template: "no_such_template", locale: "fr" },
      { channel: "email", recipient: "a@example.tg", template: "password_reset", locale: "fr", payload: {} },
      { channel: "sms", recipient: null, template: "password_reset", locale: "fr", payload: { url: RESET_URL } },
    ]);
    const sink = createSinkAdapter("email", silentLogger);
    const worker = startOutboxWorker({ getDb, adapters: [sink, createSinkAdapter("sms", silentLogger)], manual: true, log: silentLogger });
    expect(await worker.runOnce()).toBe(3);
    await worker.stop();
    const rows = await rowsOf();
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["failed", 1],
      ["failed", 1],
      ["failed", 1],
    ]);
    expect(rows[0]!.lastError).toMatch(/unknown notification template/);
    expect(rows[1]!.lastError).toMatch(/\{\{url\}\}/);
    expect(rows[2]!.lastError).toMatch(/no recipient/);
  });
});

describe("what is sent", () => {
  it("never sends in_app rows and respects the user's preferences except for password resets", async () => {
    const [user] = await handle.db
      .insert(users)
      .values({ email: `kofi.${Date.now()}@example.tg`, fullName: "Kofi Mensah", notifyByEmail: false, notifyBySms: true })
      .returning();
    await handle.db.insert(notifications).values({ channel: "in_app", template: "account_created", locale: "fr", payload: { name: "Kofi" } });
    await enqueueNotifications(handle.db, [
      { userId: user!.id, channel: "email", recipient: user!.email, template: "account_created", locale: "fr", payload: { name: "Kofi" } },
      { userId: user!.id, channel: "email", recipient: user!.email, template: "password_reset", locale: "fr", payload: { url: RESET_URL } },
      { userId: user!.id, channel: "sms", recipient: "+22890123456", template: "account_created", locale: "fr", payload: { name: "Kofi" } },
      { channel: "email", recipient: "anonymous@example.tg", template: "account_created", locale: "en", payload: { name: "Ama" } },
    ]);
    const sent: OutgoingMessage[] = [];
    const recorder = (channel: "email" | "sms"): NotificationAdapter => ({ channel, send: async (m) => void sent.push(m) });
    const worker = startOutboxWorker({ getDb, adapters: [recorder("email"), recorder("sms")], manual: true, log: silentLogger });
    expect(await worker.runOnce()).toBe(5);
    await worker.stop();

    const rows = await rowsOf();
    expect(rows.map((r) => [r.channel, r.template, r.status])).toEqual([
      ["in_app", "account_created", "sent"],
      ["email", "account_created", "skipped"],
      ["email", "password_reset", "sent"],
      ["sms", "account_created", "sent"],
      ["email", "account_created", "sent"],
    ]);
    expect(rows[1]!.lastError).toMatch(/turned off email/);
    expect(sent.map((m) => [m.channel, m.template, m.to]).sort()).toEqual(
      [
        ["email", "password_reset", user!.email],
        ["sms", "account_created", "+22890123456"],
        ["email", "account_created", "anonymous@example.tg"],
      ].sort(),
    );
    expect(sent.find((m) => m.to === "anonymous@example.tg")?.subject).toBe("Welcome to Guichet");
    expect(rows[3]!.renderedSubject).toBeNull();
    expect(rows[3]!.renderedBody).toContain("Kofi");
  });

  it("lists the latest e-mails and SMS for the development page, newest first", async () => {
    await enqueueNotifications(handle.db, [
      { channel: "email", recipient: "a@example.tg", template: "account_created", locale: "fr", payload: { name: "A" } },
      { channel: "in_app", template: "account_created", locale: "fr" },
      { channel: "sms", recipient: "+22890000001", template: "account_created", locale: "fr", payload: { name: "B" } },
    ]);
    const all = await listRecentOutbox(handle.db);
    expect(all.map((e) => e.recipient)).toEqual(["+22890000001", "a@example.tg"]);
    const one = await listRecentOutbox(handle.db, { recipient: "A@example.tg" });
    expect(one.map((e) => e.recipient)).toEqual(["a@example.tg"]);
  });
});

describe("HTTP SMS gateway on loopback", () => {
  let server: Server;
  let url: string;
  let answer = 200;
  const requests: { method?: string; auth?: string; type?: string; body: unknown }[] = [];

  beforeAll(async () => {
    server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      requests.push({
        method: req.method,
        auth: req.headers.authorization,
        type: req.headers["content-type"],
        body: JSON.parse(Buffer.concat(chunks).toString("utf8")),
      });
      res.writeHead(answer, { "Content-Type": "application/json" });
      res.end(answer === 200 ? '{"id":"m-1"}' : '{"error":"gateway down"}');
    });
    server.listen(0, "127.0.0.1");
    await once(server, "listening");
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/messages`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("posts JSON with the bearer key, and retries on a 500", async () => {
    await enqueueNotifications(handle.db, [
      { channel: "sms", recipient: "+22890123456", template: "password_reset", locale: "fr", payload: { url: RESET_URL } },
    ]);
    const adapter = createHttpSmsAdapter({ url, key: "gw-key-123" });
    const worker = startOutboxWorker({ getDb, adapters: [adapter], manual: true, log: silentLogger });

    answer = 200;
    expect(await worker.runOnce()).toBe(1);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: "POST", auth: "Bearer gw-key-123", type: "application/json" });
    const body = requests[0]!.body as { to: string; text: string; sender: string };
    expect(body.to).toBe("+22890123456");
    expect(body.sender).toBe("GUICHET");
    expect(body.text).toContain(RESET_URL);
    expect(body.text.length).toBeLessThan(160);
    let row = await onlyRow();
    expect(row.status).toBe("sent");
    expect(row.renderedBody).toBe(body.text);

    await handle.db.delete(notifications);
    await enqueueNotifications(handle.db, [
      { channel: "sms", recipient: "+22890123456", template: "account_created", locale: "en", payload: { name: "Ama" } },
    ]);
    answer = 500;
    await worker.runOnce();
    row = await onlyRow();
    expect(row.status).toBe("pending");
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/500/);
    expect(await secondsUntilNextAttempt(row.id)).toBeGreaterThan(20);

    answer = 200;
    await makeDue();
    await worker.runOnce();
    row = await onlyRow();
    expect(row.status).toBe("sent");
    expect(row.attempts).toBe(2);
    expect(requests).toHaveLength(3);
    await worker.stop();
  });

  it("gives up after the timeout", async () => {
    const slow = createServer(() => {
      /* never answers */
    });
    slow.listen(0, "127.0.0.1");
    await once(slow, "listening");
    const adapter = createHttpSmsAdapter({ url: `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`, timeoutMs: 200 });
    await expect(adapter.send({ id: 1, channel: "sms", to: "+22890000000", template: "t", text: "x" })).rejects.toThrow(/timeout|abort/i);
    slow.closeAllConnections();
    await new Promise((resolve) => slow.close(resolve));
  });
});

describe("leases and shutdown", () => {
  it("takes back a row left `sending` past its lease, and leaves a fresh one alone", async () => {
    await enqueueNotifications(handle.db, [
      { channel: "email", recipient: "stuck@example.tg", template: "account_created", locale: "fr", payload: { name: "A" } },
      { channel: "email", recipient: "busy@example.tg", template: "account_created", locale: "fr", payload: { name: "B" } },
    ]);
    const [stuck, busy] = await rowsOf();
    // A server died while sending the first; another is sending the second right now.
    await handle.db
      .update(notifications)
      .set({ status: "sending", nextAttemptAt: sql`now() - interval '1 second'` })
      .where(eq(notifications.id, stuck!.id));
    await handle.db
      .update(notifications)
      .set({ status: "sending", nextAttemptAt: sql`now() + interval '5 minutes'` })
      .where(eq(notifications.id, busy!.id));

    const sent: string[] = [];
    const worker = startOutboxWorker({
      getDb,
      adapters: [{ channel: "email", send: async (m) => void sent.push(m.to) }],
      manual: true,
      log: silentLogger,
    });
    expect(await worker.runOnce()).toBe(1);
    await worker.stop();
    expect(sent).toEqual(["stuck@example.tg"]);
    const rows = await rowsOf();
    expect(rows.map((r) => [r.recipient, r.status, r.attempts])).toEqual([
      ["stuck@example.tg", "sent", 2],
      ["busy@example.tg", "sending", 0],
    ]);
  });

  it("claims with a lease and stop() waits for the message in flight", async () => {
    await enqueueNotifications(handle.db, [
      { channel: "email", recipient: "slow@example.tg", template: "account_created", locale: "fr", payload: { name: "A" } },
    ]);
    let release!: () => void;
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const adapter: NotificationAdapter = {
      channel: "email",
      send: () =>
        new Promise<void>((resolve) => {
          release = resolve;
          started();
        }),
    };
    const worker = startOutboxWorker({ getDb, adapters: [adapter], intervalMs: 60_000, log: silentLogger });
    await inFlight;

    const row = await onlyRow();
    expect(row.status).toBe("sending");
    expect(await secondsUntilNextAttempt(row.id)).toBeGreaterThan(290);

    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect((await onlyRow()).status).toBe("sent");
  });

  it("wakeOutbox() makes a polling worker send at once", async () => {
    const { wakeOutbox } = await import("./outbox-worker.server");
    const sent: string[] = [];
    const worker = startOutboxWorker({
      getDb,
      adapters: [{ channel: "email", send: async (m) => void sent.push(m.to) }],
      intervalMs: 60_000,
      log: silentLogger,
    });
    await new Promise((r) => setTimeout(r, 100)); // the first, empty poll
    await enqueueNotifications(handle.db, [
      { channel: "email", recipient: "now@example.tg", template: "account_created", locale: "fr", payload: { name: "A" } },
    ]);
    wakeOutbox();
    await expect.poll(() => sent, { timeout: 5_000 }).toEqual(["now@example.tg"]);
    await worker.stop();
  });
});

describe.runIf(testDriver === "postgres")("two workers at once on PostgreSQL", () => {
  it("never send a row twice (FOR UPDATE SKIP LOCKED)", async () => {
    const total = 120;
    await enqueueNotifications(
      handle.db,
      Array.from({ length: total }, (_, i) => ({
        channel: "email" as const,
        recipient: `user${i}@example.tg`,
        template: "account_created",
        locale: "fr" as const,
        payload: { name: `U${i}` },
      })),
    );
    const sends = new Map<number, number>();
    const byWorker = [0, 0];
    const adapterFor = (w: number): NotificationAdapter => ({
      channel: "email",
      async send(m) {
        sends.set(m.id, (sends.get(m.id) ?? 0) + 1);
        byWorker[w]!++;
        await new Promise((r) => setTimeout(r, Math.random() * 5));
      },
    });
    const workers = [0, 1].map((w) =>
      startOutboxWorker({ getDb, adapters: [adapterFor(w)], manual: true, batchSize: 7, log: silentLogger }),
    );
    await Promise.all(
      workers.map(async (worker) => {
        while ((await worker.runOnce()) > 0);
      }),
    );
    await Promise.all(workers.map((w) => w.stop()));

    expect(sends.size).toBe(total);
    expect([...sends.values()].every((n) => n === 1)).toBe(true);
    expect(byWorker[0]! + byWorker[1]!).toBe(total);
    expect(byWorker[0]).toBeGreaterThan(0);
    expect(byWorker[1]).toBeGreaterThan(0);
    const [{ count }] = (await handle.db.select({ count: sql<number>`count(*)::int` }).from(notifications).where(eq(notifications.status, "sent"))) as [
      { count: number },
    ];
    expect(count).toBe(total);
  });
});
