import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { incidentSubscriptions, notifications } from "../../db/schema";
import { createSiteWithOffice } from "../../db/seed/factories";
import { createTestDatabase } from "../../db/testing";
import type { DatabaseHandle } from "../../db/client";
import type { Executor } from "~/utils/db.server";
import { runHousekeeping } from "./housekeeping.server";
import { notifyIncidentSubscribers } from "./incident-alerts.server";
import {
  confirmationCodeSchema,
  confirmSubscriptionByCode,
  confirmSubscriptionByLink,
  findPendingSubscriptionByLink,
  findSubscriptionByToken,
  subscribeToIncidents,
  subscriptionSchema,
  SUBSCRIPTION_LIMITS,
  unsubscribeByToken,
} from "./incident-subscriptions.server";

/**
 * Status-page subscriptions (issue 11 item 15, decision 016): nothing but the confirmation is sent
 * to an address or number until its owner confirms; requests and codes are limited.
 */

const BASE = "https://guichet.gouv.tg";
const HOUR = 60 * 60 * 1000;

async function outbox(db: Executor, recipient: string) {
  return db.select().from(notifications).where(eq(notifications.recipient, recipient)).orderBy(notifications.id);
}

function payloadOf(row: { payload: unknown } | undefined): Record<string, string> {
  return (row?.payload ?? {}) as Record<string, string>;
}

async function alert(db: Executor, siteId: number, at = new Date()) {
  return db.transaction((tx) => notifyIncidentSubscribers(tx, { siteId, status: "down", at }, BASE));
}

describe("incident subscriptions", () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => handle.close());

  it("validates the channel against the address, and the code's six digits", () => {
    expect(subscriptionSchema.safeParse({ channel: "email", recipient: "ami@exemple.tg", scope: "region:kara" }).success).toBe(true);
    expect(subscriptionSchema.safeParse({ channel: "sms", recipient: "90 12 34 56", scope: "region:kara" }).data).toMatchObject({ recipient: "+22890123456" });
    expect(subscriptionSchema.safeParse({ channel: "sms", recipient: "ami@exemple.tg", scope: "region:kara" }).success).toBe(false);
    expect(subscriptionSchema.safeParse({ channel: "email", recipient: "ami@exemple.tg", scope: "region:mars" }).success).toBe(false);
    const both = subscriptionSchema.safeParse({ channel: "sms", recipient: "ami@exemple.tg" });
    expect(both.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["recipient", "subscribe.errors.phone"],
      ["scope", "subscribe.errors.scope"],
    ]);
    expect(confirmationCodeSchema.parse({ d: "x", code: " 123 456 " }).code).toBe("123456");
    expect(confirmationCodeSchema.safeParse({ d: "x", code: "12345" }).error?.issues[0]?.message).toBe("confirm.errors.codeFormat");
    expect(confirmationCodeSchema.safeParse({ d: "x" }).error?.issues[0]?.message).toBe("confirm.errors.codeRequired");
  });

  it("sends an e-mail subscription only its confirmation link until it is confirmed, then its alerts", async () => {
    const { db } = handle;
    const kara = await createSiteWithOffice(db, { regionCode: "kara", townName: "Kara" });
    const email = "kara@exemple.tg";
    const subscribed = await subscribeToIncidents(db, { channel: "email", recipient: email, scope: { kind: "region", code: "kara" }, locale: "fr", baseUrl: BASE, clientIp: "10.1.0.1" });
    expect(subscribed).toEqual({ ok: true, channel: "email", scopeName: "Kara" });

    // Unconfirmed: an outage in Kara sends it nothing.
    expect(await alert(db, kara.site.id)).toBe(0);
    const sent = await outbox(db, email);
    expect(sent.map((n) => n.template)).toEqual(["incident_subscription_confirmation"]);
    const link = payloadOf(sent[0]).url!;
    expect(link).toMatch(/^https:\/\/guichet\.gouv\.tg\/etat-des-services\/abonnement\/confirmer\?t=[a-z2-7]{32}$/);
    const token = new URL(link).searchParams.get("t")!;

    // The link's page shows what it would confirm, masked; opening it confirms nothing.
    expect(await findPendingSubscriptionByLink(db, token, "fr")).toEqual({ recipient: "k•••@exemple.tg", scopeName: "Kara" });
    expect(await alert(db, kara.site.id)).toBe(0);

    expect(await confirmSubscriptionByLink(db, "a".repeat(32), { baseUrl: BASE, locale: "fr" })).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmSubscriptionByLink(db, token, { baseUrl: BASE, locale: "fr" })).toEqual({ ok: true, channel: "email", scopeName: "Kara" });
    // Once only.
    expect(await confirmSubscriptionByLink(db, token, { baseUrl: BASE, locale: "fr" })).toEqual({ ok: false, reason: "invalid" });
    expect(await findPendingSubscriptionByLink(db, token, "fr")).toBeNull();

    // Confirmed: told so with its unsubscribe link, then alerted.
    const confirmed = (await outbox(db, email)).at(-1)!;
    expect(confirmed.template).toBe("incident_subscription_confirmed");
    const unsubscribeToken = new URL(payloadOf(confirmed).url!).searchParams.get("t")!;
    expect(await findSubscriptionByToken(db, unsubscribeToken, "fr")).toMatchObject({ scopeName: "Kara", active: true, channel: "email" });
    expect(await alert(db, kara.site.id)).toBe(1);
    const alertLink = payloadOf((await outbox(db, email)).at(-1)).url!;
    expect(await unsubscribeByToken(db, new URL(alertLink).searchParams.get("t")!)).toBe(true);
    expect(await alert(db, kara.site.id)).toBe(0);
  });

  it("confirms an SMS subscription with the 6-digit code sent, at most five tries per request", async () => {
    const { db } = handle;
    const site = await createSiteWithOffice(db, { regionCode: "plateaux" });
    const phone = "+22890111111";
    const result = await subscribeToIncidents(db, { channel: "sms", recipient: phone, scope: { kind: "agency", code: site.agency.code }, locale: "en", baseUrl: BASE, clientIp: "10.1.0.2" });
    if (!result.ok || result.channel !== "sms") throw new Error(`unexpected ${JSON.stringify(result)}`);
    expect(result.handle).toMatch(/^[a-z2-7]{32}$/);
    const [sms] = await outbox(db, phone);
    expect(sms).toMatchObject({ channel: "sms", template: "incident_subscription_confirmation", locale: "en" });
    const code = payloadOf(sms).code!;
    expect(code).toMatch(/^\d{6}$/);
    // The code is nowhere in the database but the message; the handle alone confirms nothing.
    const [row] = await db.select().from(incidentSubscriptions).where(eq(incidentSubscriptions.recipient, phone));
    expect(JSON.stringify(row)).not.toContain(code);
    expect(JSON.stringify(row)).not.toContain(result.handle);
    expect(await alert(db, site.site.id)).toBe(0);

    const wrong = code === "000000" ? "111111" : "000000";
    const options = { baseUrl: BASE, locale: "en" as const };
    expect(await confirmSubscriptionByCode(db, result.handle, wrong, options)).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmSubscriptionByCode(db, "b".repeat(32), code, options)).toEqual({ ok: false, reason: "invalid" });
    expect(await confirmSubscriptionByCode(db, result.handle, code, options)).toEqual({ ok: true, channel: "sms", scopeName: site.agency.nameEn });
    // An SMS subscription is not sent a second, paid message to say so: the first alert brings the unsubscribe link.
    expect((await outbox(db, phone)).map((n) => n.template)).toEqual(["incident_subscription_confirmation"]);
    expect(await alert(db, site.site.id)).toBe(1);

    // A stranger who subscribed someone else's number cannot guess the code: five tries, then none.
    const other = await subscribeToIncidents(db, { channel: "sms", recipient: "+22890222222", scope: { kind: "region", code: "plateaux" }, locale: "fr", baseUrl: BASE, clientIp: "10.1.0.3" });
    if (!other.ok || other.channel !== "sms") throw new Error("unexpected");
    const otherCode = payloadOf((await outbox(db, "+22890222222"))[0]).code!;
    const guesses = ["000001", "000002", "000003", "000004", "000005", "000006"].filter((g) => g !== otherCode).slice(0, 5);
    for (const guess of guesses) expect((await confirmSubscriptionByCode(db, other.handle, guess, { baseUrl: BASE, locale: "fr" })).ok).toBe(false);
    const sixth = await confirmSubscriptionByCode(db, other.handle, otherCode, { baseUrl: BASE, locale: "fr" });
    expect(sixth).toMatchObject({ ok: false, reason: "rate_limited" });
  });

  it("limits requests per client address and per address or number", async () => {
    const { db } = handle;
    await createSiteWithOffice(db, { regionCode: "savanes" });
    const now = new Date();
    const scope = { kind: "region", code: "savanes" } as const;
    // Per number: three a day, whatever the client address.
    for (let i = 0; i < SUBSCRIPTION_LIMITS.perRecipient.limit; i++) {
      expect((await subscribeToIncidents(db, { channel: "sms", recipient: "+22890333333", scope, locale: "fr", baseUrl: BASE, clientIp: `10.2.0.${i}`, now })).ok).toBe(true);
    }
    const refused = await subscribeToIncidents(db, { channel: "sms", recipient: "+22890333333", scope, locale: "fr", baseUrl: BASE, clientIp: "10.2.0.99", now });
    expect(refused).toMatchObject({ ok: false, reason: "rate_limited" });
    expect(refused.ok === false && refused.reason === "rate_limited" && refused.retryAfterSeconds).toBeGreaterThan(23 * 3600);
    expect(await outbox(db, "+22890333333")).toHaveLength(SUBSCRIPTION_LIMITS.perRecipient.limit);
    // Per client address: ten an hour, whatever the recipients.
    for (let i = 0; i < SUBSCRIPTION_LIMITS.perIp.limit; i++) {
      expect((await subscribeToIncidents(db, { channel: "email", recipient: `voisin${i}@exemple.tg`, scope, locale: "fr", baseUrl: BASE, clientIp: "10.3.0.1", now })).ok).toBe(true);
    }
    expect(await subscribeToIncidents(db, { channel: "email", recipient: "voisin-de-trop@exemple.tg", scope, locale: "fr", baseUrl: BASE, clientIp: "10.3.0.1", now })).toMatchObject({
      ok: false,
      reason: "rate_limited",
    });
    expect(await outbox(db, "voisin-de-trop@exemple.tg")).toHaveLength(0);
    // An hour later the address may ask again.
    expect((await subscribeToIncidents(db, { channel: "email", recipient: "voisin-de-trop@exemple.tg", scope, locale: "fr", baseUrl: BASE, clientIp: "10.3.0.1", now: new Date(now.getTime() + HOUR) })).ok).toBe(true);
  });

  it("keeps a confirmed subscription when someone asks again, and replaces it only on confirmation", async () => {
    const { db } = handle;
    const site = await createSiteWithOffice(db, { regionCode: "centrale" });
    const email = "centrale@exemple.tg";
    const ask = () => subscribeToIncidents(db, { channel: "email", recipient: email, scope: { kind: "region", code: "centrale" }, locale: "fr", baseUrl: BASE, clientIp: "10.4.0.1" });
    const tokenOf = async (index: number) => new URL(payloadOf((await outbox(db, email)).filter((n) => n.template === "incident_subscription_confirmation")[index]).url!).searchParams.get("t")!;
    await ask();
    expect((await confirmSubscriptionByLink(db, await tokenOf(0), { baseUrl: BASE, locale: "fr" })).ok).toBe(true);
    // A second request (by anyone) neither stops nor doubles the alerts.
    await ask();
    await ask();
    expect(await alert(db, site.site.id)).toBe(1);
    // Only the latest link of the pending requests works.
    expect((await confirmSubscriptionByLink(db, await tokenOf(1), { baseUrl: BASE, locale: "fr" })).ok).toBe(false);
    expect((await confirmSubscriptionByLink(db, await tokenOf(2), { baseUrl: BASE, locale: "fr" })).ok).toBe(true);
    expect(await alert(db, site.site.id)).toBe(1);
    const rows = await db.select().from(incidentSubscriptions).where(and(eq(incidentSubscriptions.recipient, email), eq(incidentSubscriptions.active, true)));
    expect(rows).toHaveLength(1);
  });

  it("lets an unconfirmed subscription lapse after a day; housekeeping deletes it", async () => {
    const { db } = handle;
    // Days before the other tests' requests, which housekeeping must leave alone.
    const t0 = new Date(Date.now() - 3 * 24 * HOUR);
    await createSiteWithOffice(db, { regionCode: "maritime" });
    const email = "tardif@exemple.tg";
    await subscribeToIncidents(db, { channel: "email", recipient: email, scope: { kind: "region", code: "maritime" }, locale: "fr", baseUrl: BASE, clientIp: "10.5.0.1", now: t0 });
    const token = new URL(payloadOf((await outbox(db, email))[0]).url!).searchParams.get("t")!;
    const dayLater = new Date(t0.getTime() + 24 * HOUR + 1000);
    expect(await findPendingSubscriptionByLink(db, token, "fr", dayLater)).toBeNull();
    expect(await confirmSubscriptionByLink(db, token, { baseUrl: BASE, locale: "fr", now: dayLater })).toEqual({ ok: false, reason: "invalid" });
    expect(await runHousekeeping(db, new Date(t0.getTime() + 23 * HOUR))).toMatchObject({ unconfirmedSubscriptions: 0 });
    expect(await runHousekeeping(db, dayLater)).toMatchObject({ unconfirmedSubscriptions: 1 });
    expect(await db.select().from(incidentSubscriptions).where(eq(incidentSubscriptions.recipient, email))).toHaveLength(0);
  });
});
