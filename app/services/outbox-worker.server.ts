import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import { notifications, users } from "../../db/schema";
import type { Database } from "~/utils/db.server";
import { createAdaptersFromEnv } from "./notifications/adapters.server";
import { backoffDelayMs, MAX_ATTEMPTS } from "./notifications/backoff";
import { renderNotification } from "./notifications/render.server";
import {
  errorMessage,
  jsonLogger,
  PermanentNotificationError,
  type DeliveryChannel,
  type NotificationAdapter,
  type OutboxLogger,
} from "./notifications/types";

/** A row claimed by a worker stays `sending` this long; past it, another worker takes it back. */
export const DEFAULT_LEASE_MS = 5 * 60_000;
export const DEFAULT_INTERVAL_MS = 5_000;
export const DEFAULT_BATCH_SIZE = 20;

/**
 * Templates sent whatever the user's notification preferences: without them the user cannot get
 * back into the account.
 */
export const ALWAYS_DELIVERED_TEMPLATES: ReadonlySet<string> = new Set(["password_reset"]);

export interface OutboxWorkerOptions {
  getDb: () => Database | Promise<Database>;
  adapters: NotificationAdapter[];
  /** Pause between polls when the outbox is empty (a full batch polls again at once). */
  intervalMs?: number;
  batchSize?: number;
  log?: OutboxLogger;
  maxAttempts?: number;
  leaseMs?: number;
  /** No polling loop: only runOnce() (tests, scripts). */
  manual?: boolean;
  random?: () => number;
}

export interface OutboxWorker {
  /** Claims and sends one batch; resolves to the number of rows handled. Calls are serialised. */
  runOnce(): Promise<number>;
  /** Polls now instead of at the next interval. */
  wake(): void;
  /** Stops polling and waits for the batch in flight. */
  stop(): Promise<void>;
}

type NotificationRow = typeof notifications.$inferSelect;

// Kept on globalThis: the HTTP server and the Remix build may load this module twice.
const globalForOutbox = globalThis as unknown as { __guichetOutboxWorkers?: Set<OutboxWorker> };
const runningWorkers = (globalForOutbox.__guichetOutboxWorkers ??= new Set());

/** Nudges the workers of this process (call after a commit that enqueued something urgent). */
export function wakeOutbox(): void {
  for (const worker of runningWorkers) worker.wake();
}

const msInterval = (ms: number) => sql`(${Math.round(ms)}::int * interval '1 millisecond')`;

export function startOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  const {
    getDb,
    intervalMs = DEFAULT_INTERVAL_MS,
    batchSize = DEFAULT_BATCH_SIZE,
    log = jsonLogger,
    maxAttempts = MAX_ATTEMPTS,
    leaseMs = DEFAULT_LEASE_MS,
    random = Math.random,
  } = options;
  const adapters = new Map<DeliveryChannel, NotificationAdapter>(options.adapters.map((a) => [a.channel, a]));

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let looping = false;
  let wakeRequested = false;
  let chain: Promise<unknown> = Promise.resolve();
  let lastReclaim = 0;

  /** Rows left `sending` by a server that died: back to pending (counted as an attempt), or failed at the max. */
  async function reclaimExpiredLeases(db: Database): Promise<void> {
    const reclaimed = await db
      .update(notifications)
      .set({
        attempts: sql`${notifications.attempts} + 1`,
        lastError: "lease expired: the server sending it stopped before finishing",
        status: sql`case when ${notifications.attempts} + 1 >= ${maxAttempts}::int then 'failed' else 'pending' end`,
      })
      .where(and(eq(notifications.status, "sending"), lte(notifications.nextAttemptAt, sql`now()`)))
      .returning({ id: notifications.id, status: notifications.status });
    if (reclaimed.length > 0) log.warn("outbox.lease_expired", { ids: reclaimed.map((r) => r.id) });
  }

  async function claim(db: Database): Promise<NotificationRow[]> {
    return db.transaction(async (tx) => {
      const due = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(and(eq(notifications.status, "pending"), lte(notifications.nextAttemptAt, sql`now()`)))
        .orderBy(asc(notifications.id))
        .limit(batchSize)
        .for("update", { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(notifications)
        .set({ status: "sending", nextAttemptAt: sql`now() + ${msInterval(leaseMs)}` })
        .where(inArray(notifications.id, due.map((row) => row.id)))
        .returning();
    });
  }

  async function optedOut(db: Database, rows: NotificationRow[]): Promise<Set<number>> {
    const concerned = rows.filter((r) => r.userId && !ALWAYS_DELIVERED_TEMPLATES.has(r.template));
    if (concerned.length === 0) return new Set();
    const prefs = await db
      .select({ id: users.id, email: users.notifyByEmail, sms: users.notifyBySms })
      .from(users)
      .where(inArray(users.id, [...new Set(concerned.map((r) => r.userId as string))]));
    const byId = new Map(prefs.map((p) => [p.id, p]));
    return new Set(
      concerned
        .filter((r) => {
          const pref = byId.get(r.userId as string);
          return pref !== undefined && ((r.channel === "email" && !pref.email) || (r.channel === "sms" && !pref.sms));
        })
        .map((r) => r.id),
    );
  }

  const stillOurs = (id: number) => and(eq(notifications.id, id), eq(notifications.status, "sending"));

  async function fail(db: Database, row: NotificationRow, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const message = errorMessage(error).slice(0, 1000);
    const permanent = error instanceof PermanentNotificationError;
    if (permanent || attempts >= maxAttempts) {
      await db
        .update(notifications)
        .set({ status: "failed", attempts, lastError: message, nextAttemptAt: sql`now()` })
        .where(stillOurs(row.id));
      log.error("outbox.failed", { id: row.id, channel: row.channel, template: row.template, attempts, error: message });
      return;
    }
    const delayMs = backoffDelayMs(attempts, random);
    await db
      .update(notifications)
      .set({ status: "pending", attempts, lastError: message, nextAttemptAt: sql`now() + ${msInterval(delayMs)}` })
      .where(stillOurs(row.id));
    log.warn("outbox.retry", { id: row.id, channel: row.channel, template: row.template, attempts, retryInMs: delayMs, error: message });
  }

  async function deliver(db: Database, row: NotificationRow, skip: boolean): Promise<void> {
    if (row.channel === "in_app") {
      // Shown in the portal, never sent.
      await db.update(notifications).set({ status: "sent", sentAt: sql`now()` }).where(stillOurs(row.id));
      return;
    }
    if (skip) {
      await db
        .update(notifications)
        .set({ status: "skipped", lastError: `the user turned off ${row.channel} notifications`, nextAttemptAt: sql`now()` })
        .where(stillOurs(row.id));
      log.info("outbox.skipped", { id: row.id, channel: row.channel, template: row.template });
      return;
    }
    try {
      if (!row.recipient) throw new PermanentNotificationError(`no recipient for a ${row.channel} notification`);
      const adapter = adapters.get(row.channel);
      if (!adapter) throw new Error(`no adapter for channel ${row.channel}`);
      const rendered = renderNotification(row.template, row.locale, row.channel, row.payload ?? {});
      await adapter.send({
        id: row.id,
        channel: row.channel,
        to: row.recipient,
        template: row.template,
        subject: rendered.subject ?? undefined,
        text: rendered.text,
        html: rendered.html ?? undefined,
      });
      await db
        .update(notifications)
        .set({
          status: "sent",
          sentAt: sql`now()`,
          attempts: row.attempts + 1,
          lastError: null,
          renderedSubject: rendered.subject,
          renderedBody: rendered.text,
        })
        .where(stillOurs(row.id));
      log.info("outbox.sent", { id: row.id, channel: row.channel, template: row.template, adapter: adapter.name });
    } catch (error) {
      await fail(db, row, error);
    }
  }

  async function processBatch(): Promise<number> {
    const db = await getDb();
    if (Date.now() - lastReclaim >= Math.min(leaseMs / 5, 60_000)) {
      // Not every tick: this scans the rows in `sending` outside the partial index of due rows.
      lastReclaim = Date.now();
      await reclaimExpiredLeases(db);
    }
    const rows = await claim(db);
    if (rows.length === 0) return 0;
    const skipped = await optedOut(db, rows).catch((error: unknown) => {
      // Rather send than leave the batch stuck in `sending` for a whole lease.
      log.warn("outbox.preferences_unreadable", { error: errorMessage(error) });
      return new Set<number>();
    });
    await Promise.all(rows.map((row) => deliver(db, row, skipped.has(row.id))));
    return rows.length;
  }

  function runOnce(): Promise<number> {
    const run = chain.then(processBatch);
    chain = run.catch(() => undefined);
    return run;
  }

  function schedule(delayMs: number) {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(loop, delayMs);
    timer.unref();
  }

  async function loop() {
    timer = undefined;
    if (stopped) return;
    looping = true;
    wakeRequested = false;
    let handled = 0;
    try {
      handled = await runOnce();
    } catch (error) {
      log.error("outbox.tick_failed", { error: errorMessage(error) });
    } finally {
      looping = false;
    }
    schedule(handled >= batchSize || wakeRequested ? 0 : intervalMs);
  }

  const worker: OutboxWorker = {
    runOnce,
    wake() {
      if (stopped || options.manual) return;
      if (looping) wakeRequested = true;
      else schedule(0);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      runningWorkers.delete(worker);
      await chain;
    },
  };
  runningWorkers.add(worker);
  if (!options.manual) schedule(0);
  return worker;
}

/**
 * The server's entry point: adapters from the environment (SMTP_URL, SMS_GATEWAY_URL…), polling
 * every OUTBOX_INTERVAL_MS. stop() waits for the batch in flight, then closes the SMTP pool.
 */
export function startNotificationWorker(
  getDb: () => Database | Promise<Database>,
  { env = process.env, log = jsonLogger }: { env?: NodeJS.ProcessEnv; log?: OutboxLogger } = {},
): OutboxWorker {
  const adapters = createAdaptersFromEnv(env, log);
  if (env.NODE_ENV === "production" && env.DEV_OUTBOX === "1") {
    log.warn("outbox: DEV_OUTBOX=1 — /dev/boite-d-envoi shows every message, reset links included; for tests only");
  }
  const intervalMs = Number(env.OUTBOX_INTERVAL_MS) > 0 ? Number(env.OUTBOX_INTERVAL_MS) : DEFAULT_INTERVAL_MS;
  const worker = startOutboxWorker({ getDb, adapters, intervalMs, log });
  log.info("outbox.started", { email: adapters[0]?.name, sms: adapters[1]?.name, intervalMs });
  return {
    ...worker,
    async stop() {
      await worker.stop();
      await Promise.all(adapters.map((a) => a.close?.()));
    },
  };
}
