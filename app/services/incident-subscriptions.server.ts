import { randomInt } from "node:crypto";
import { and, eq, gt, isNull, lte, ne } from "drizzle-orm";
import { z } from "zod";
import { agencies, incidentSubscriptions, regions } from "../../db/schema";
import { parseIdentifier } from "~/domain/account";
import { REGION_CODES, type Locale, type RegionCode } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";
import { consume, type RateLimitRule } from "~/utils/rate-limit.server";
import { generateSecretToken, hashSecretToken } from "~/utils/session.server";
import { enqueueNotifications } from "./outbox.server";

/**
 * E-mail and SMS subscriptions to the incidents of a region or an agency (status page).
 *
 * A subscription is recorded unconfirmed and receives nothing but its confirmation: a link by
 * e-mail, a 6-digit code by SMS that the person types on the page. Only confirmed subscriptions
 * receive incident messages; unconfirmed ones expire after a day (housekeeping deletes them).
 * Requests are limited per client address and per address/number (decision 016).
 *
 * Only the SHA-256 of an unsubscribe token is stored, so a token cannot be rebuilt for a later
 * message: every message carries a fresh token that replaces the previous one. The link in the
 * latest message received always works; an older one says it has been replaced.
 */
/** Short on purpose: the link must fit in a 160-character SMS with the rest of the message. */
export const UNSUBSCRIBE_PATH = "/desabonnement";
/** The e-mail's confirmation link, and the page where an SMS code is typed. */
export const CONFIRM_PATH = "/etat-des-services/abonnement/confirmer";

/** An unconfirmed subscription can be confirmed for a day; housekeeping then deletes it. */
export const CONFIRMATION_TTL_MS = 24 * 60 * 60 * 1000;

export const SUBSCRIPTION_LIMITS = {
  /** Requests per client address and hour: enough for a family, not for flooding strangers. */
  perIp: { limit: 10, windowMs: 60 * 60 * 1000 },
  /** Requests per address or number and day: what a stranger can make it receive (SMS cost). */
  perRecipient: { limit: 3, windowMs: 24 * 60 * 60 * 1000 },
  /** Codes typed per SMS request: 5 guesses out of a million. */
  codeAttempts: { limit: 5, windowMs: CONFIRMATION_TTL_MS },
} satisfies Record<string, RateLimitRule>;

/** The subscribe form: channel, address, and one scope ("region:kara" or "agency:TPI"). */
export const subscriptionSchema = z
  .object({
    channel: z.enum(["email", "sms"], { error: "subscribe.errors.channel" }),
    recipient: z.string({ error: "subscribe.errors.recipientRequired" }).trim().min(1, "subscribe.errors.recipientRequired").max(254),
    // Checked below with the recipient, so that both errors show at once.
    scope: z.string().optional(),
  })
  .transform((value, ctx) => {
    const parsed = parseIdentifier(value.recipient);
    const expected = value.channel === "email" ? "email" : "phone";
    const recipientOk = parsed.ok && parsed.identifier.kind === expected;
    if (!recipientOk) {
      ctx.addIssue({ code: "custom", path: ["recipient"], message: value.channel === "email" ? "subscribe.errors.email" : "subscribe.errors.phone" });
    }
    const match = /^(region|agency):([\w-]+)$/.exec(value.scope ?? "");
    const kind = match?.[1] as "region" | "agency" | undefined;
    const code = match?.[2] ?? "";
    if (!kind || (kind === "region" && !(REGION_CODES as readonly string[]).includes(code))) {
      ctx.addIssue({ code: "custom", path: ["scope"], message: "subscribe.errors.scope" });
      return z.NEVER;
    }
    if (!recipientOk || !parsed.ok) return z.NEVER;
    return { channel: value.channel, recipient: parsed.identifier.value, scope: { kind, code } };
  });

export type SubscriptionInput = z.output<typeof subscriptionSchema>;

/** The code form: the request's handle (hidden; checked by the service) and the 6 digits, spaces allowed. */
export const confirmationCodeSchema = z.object({
  d: z.string().max(64).default(""),
  code: z
    .string({ error: "confirm.errors.codeRequired" })
    .transform((value) => value.replace(/[\s.-]/g, ""))
    .pipe(z.string().regex(/^\d{6}$/, "confirm.errors.codeFormat")),
});

export type SubscribeResult =
  | { ok: true; channel: "email"; scopeName: string }
  /** `handle` goes in the code page's address; the code itself only in the SMS. */
  | { ok: true; channel: "sms"; scopeName: string; handle: string }
  | { ok: false; reason: "unknown_scope" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

function siteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/$/, "")}${path}`;
}

export function unsubscribeUrl(baseUrl: string, token: string): string {
  return siteUrl(baseUrl, `${UNSUBSCRIBE_PATH}?t=${token}`);
}

/** Six digits, uniformly drawn. */
export function generateConfirmationCode(random: (max: number) => number = randomInt): string {
  return String(random(1_000_000)).padStart(6, "0");
}

function codeHash(handle: string, code: string): string {
  return hashSecretToken(`${handle}:${code}`);
}

async function scopeOf(db: Executor, scope: SubscriptionInput["scope"], locale: Locale) {
  if (scope.kind === "region") {
    const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, scope.code as RegionCode));
    return region ? { regionCode: scope.code as RegionCode, agencyId: null, name: region.name } : null;
  }
  const [agency] = await db.select({ id: agencies.id, nameFr: agencies.nameFr, nameEn: agencies.nameEn }).from(agencies).where(eq(agencies.code, scope.code));
  return agency ? { regionCode: null, agencyId: agency.id, name: locale === "en" ? agency.nameEn : agency.nameFr } : null;
}

function sameSubscription(row: { channel: "email" | "sms"; recipient: string; regionCode: RegionCode | null; agencyId: number | null }) {
  return and(
    eq(incidentSubscriptions.channel, row.channel),
    eq(incidentSubscriptions.recipient, row.recipient),
    row.regionCode ? eq(incidentSubscriptions.regionCode, row.regionCode) : eq(incidentSubscriptions.agencyId, row.agencyId!),
  );
}

/**
 * Record an unconfirmed subscription and queue its confirmation (link or code) in the same
 * transaction, within the limits per client address and per recipient. An earlier unconfirmed
 * request for the same subscription is dropped (only the latest link or code works); a confirmed
 * one is left alone until the new one is confirmed, so nobody can stop someone else's alerts.
 */
export async function subscribeToIncidents(
  db: Executor,
  input: SubscriptionInput & { locale: Locale; baseUrl: string; clientIp?: string | null; now?: Date },
): Promise<SubscribeResult> {
  const now = input.now ?? new Date();
  const scope = await scopeOf(db, input.scope, input.locale);
  if (!scope) return { ok: false, reason: "unknown_scope" };
  const perIp = await consume(db, `subscribe:ip:${input.clientIp ?? "unknown"}`, { ...SUBSCRIPTION_LIMITS.perIp, now });
  if (!perIp.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: perIp.retryAfterSeconds };
  const perRecipient = await consume(db, `subscribe:to:${input.recipient}`, { ...SUBSCRIPTION_LIMITS.perRecipient, now });
  if (!perRecipient.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: perRecipient.retryAfterSeconds };

  const row = { channel: input.channel, recipient: input.recipient, regionCode: scope.regionCode, agencyId: scope.agencyId };
  const secret = generateSecretToken();
  const code = input.channel === "sms" ? generateConfirmationCode() : null;
  await db.transaction(async (tx) => {
    await tx.delete(incidentSubscriptions).where(and(sameSubscription(row), isNull(incidentSubscriptions.confirmedAt)));
    await tx.insert(incidentSubscriptions).values({
      ...row,
      locale: input.locale,
      // Never sent: the first incident message brings a usable one.
      unsubscribeTokenHash: hashSecretToken(generateSecretToken()),
      confirmationHash: code ? codeHash(secret, code) : hashSecretToken(secret),
      createdAt: now,
    });
    await enqueueNotifications(tx, [
      {
        channel: input.channel,
        recipient: input.recipient,
        template: "incident_subscription_confirmation",
        locale: input.locale,
        payload: code ? { scope: scope.name, code } : { scope: scope.name, url: siteUrl(input.baseUrl, `${CONFIRM_PATH}?t=${secret}`) },
      },
    ]);
  });
  return code ? { ok: true, channel: "sms", scopeName: scope.name, handle: secret } : { ok: true, channel: "email", scopeName: scope.name };
}

export type ConfirmResult =
  | { ok: true; channel: "email" | "sms"; scopeName: string }
  /** Unknown, already used, expired or wrong code: one answer for all. */
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

const TOKEN_PATTERN = /^[a-z2-7]{32}$/;

function pendingCondition(hash: string, channel: "email" | "sms", now: Date) {
  return and(
    eq(incidentSubscriptions.confirmationHash, hash),
    eq(incidentSubscriptions.channel, channel),
    eq(incidentSubscriptions.active, true),
    isNull(incidentSubscriptions.confirmedAt),
    gt(incidentSubscriptions.createdAt, new Date(now.getTime() - CONFIRMATION_TTL_MS)),
  );
}

/**
 * Confirm the pending subscription `hash` designates, atomically (a link clicked twice confirms
 * once); an earlier confirmed subscription to the same scope is replaced. An e-mail subscription
 * is then told so, with its unsubscribe link (an SMS costs: the first alert brings the link).
 */
async function confirmPending(db: Executor, hash: string, channel: "email" | "sms", now: Date, baseUrl: string, locale: Locale): Promise<ConfirmResult> {
  return db.transaction(async (tx) => {
    const unsubscribeToken = generateSecretToken();
    const [row] = await tx
      .update(incidentSubscriptions)
      .set({ confirmedAt: now, confirmationHash: null, unsubscribeTokenHash: hashSecretToken(unsubscribeToken) })
      .where(pendingCondition(hash, channel, now))
      .returning();
    if (!row) return { ok: false, reason: "invalid" } as const;
    await tx
      .update(incidentSubscriptions)
      .set({ active: false })
      .where(and(sameSubscription(row), ne(incidentSubscriptions.id, row.id), eq(incidentSubscriptions.active, true)));
    const scopeName = (await subscriptionScopeName(tx, row.regionCode, row.agencyId, locale)) ?? "";
    if (channel === "email") {
      await enqueueNotifications(tx, [
        { channel, recipient: row.recipient, template: "incident_subscription_confirmed", locale: row.locale, payload: { scope: scopeName, url: unsubscribeUrl(baseUrl, unsubscribeToken) } },
      ]);
    }
    return { ok: true, channel, scopeName } as const;
  });
}

async function subscriptionScopeName(db: Executor, regionCode: RegionCode | null, agencyId: number | null, locale: Locale): Promise<string | null> {
  if (regionCode) {
    const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, regionCode));
    return region?.name ?? null;
  }
  if (agencyId == null) return null;
  const [agency] = await db.select({ nameFr: agencies.nameFr, nameEn: agencies.nameEn }).from(agencies).where(eq(agencies.id, agencyId));
  return agency ? (locale === "en" ? agency.nameEn : agency.nameFr) : null;
}

/** The e-mail link's POST (its GET only shows what would be confirmed: mail scanners follow links). */
export async function confirmSubscriptionByLink(db: Executor, token: string, options: { baseUrl: string; locale: Locale; now?: Date }): Promise<ConfirmResult> {
  if (!TOKEN_PATTERN.test(token)) return { ok: false, reason: "invalid" };
  return confirmPending(db, hashSecretToken(token), "email", options.now ?? new Date(), options.baseUrl, options.locale);
}

/** The code typed on the page, at most SUBSCRIPTION_LIMITS.codeAttempts times per request. */
export async function confirmSubscriptionByCode(
  db: Executor,
  handle: string,
  code: string,
  options: { baseUrl: string; locale: Locale; now?: Date },
): Promise<ConfirmResult> {
  const now = options.now ?? new Date();
  if (!TOKEN_PATTERN.test(handle)) return { ok: false, reason: "invalid" };
  const attempts = await consume(db, `subscribe:code:${hashSecretToken(handle)}`, { ...SUBSCRIPTION_LIMITS.codeAttempts, now });
  if (!attempts.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: attempts.retryAfterSeconds };
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "invalid" };
  return confirmPending(db, codeHash(handle, code), "sms", now, options.baseUrl, options.locale);
}

/** What an e-mail confirmation link would confirm (masked), or null when it cannot. */
export async function findPendingSubscriptionByLink(db: Executor, token: string, locale: Locale, now: Date = new Date()): Promise<{ recipient: string; scopeName: string } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .select({ recipient: incidentSubscriptions.recipient, regionCode: incidentSubscriptions.regionCode, agencyId: incidentSubscriptions.agencyId })
    .from(incidentSubscriptions)
    .where(pendingCondition(hashSecretToken(token), "email", now));
  if (!row) return null;
  return { recipient: maskRecipient(row.recipient), scopeName: (await subscriptionScopeName(db, row.regionCode, row.agencyId, locale)) ?? "" };
}

/** Unconfirmed subscriptions past their day (housekeeping). */
export async function purgeUnconfirmedSubscriptions(db: Executor, now: Date = new Date()): Promise<number> {
  const deleted = await db
    .delete(incidentSubscriptions)
    .where(and(isNull(incidentSubscriptions.confirmedAt), lte(incidentSubscriptions.createdAt, new Date(now.getTime() - CONFIRMATION_TTL_MS))))
    .returning({ id: incidentSubscriptions.id });
  return deleted.length;
}

export interface SubscriptionView {
  id: number;
  channel: "email" | "sms";
  recipient: string;
  scopeName: string;
  active: boolean;
}

/** The subscription an unsubscribe token designates, or null (unknown or replaced token). */
export async function findSubscriptionByToken(db: Executor, token: string, locale: Locale): Promise<SubscriptionView | null> {
  if (!/^[a-z2-7]{16,64}$/.test(token)) return null;
  const [row] = await db
    .select({
      id: incidentSubscriptions.id,
      channel: incidentSubscriptions.channel,
      recipient: incidentSubscriptions.recipient,
      active: incidentSubscriptions.active,
      regionName: regions.name,
      agencyFr: agencies.nameFr,
      agencyEn: agencies.nameEn,
    })
    .from(incidentSubscriptions)
    .leftJoin(regions, eq(regions.code, incidentSubscriptions.regionCode))
    .leftJoin(agencies, eq(agencies.id, incidentSubscriptions.agencyId))
    .where(eq(incidentSubscriptions.unsubscribeTokenHash, hashSecretToken(token)));
  if (!row) return null;
  const scopeName = row.regionName ?? (locale === "en" ? row.agencyEn : row.agencyFr) ?? "";
  return { id: row.id, channel: row.channel, recipient: maskRecipient(row.recipient), scopeName, active: row.active };
}

/** Stop a subscription by its token; false when the token designates none. */
export async function unsubscribeByToken(db: Executor, token: string): Promise<boolean> {
  if (!/^[a-z2-7]{16,64}$/.test(token)) return false;
  const rows = await db
    .update(incidentSubscriptions)
    .set({ active: false })
    .where(eq(incidentSubscriptions.unsubscribeTokenHash, hashSecretToken(token)))
    .returning({ id: incidentSubscriptions.id });
  return rows.length > 0;
}

/** "a•••@exemple.tg", "+228 90 •• •• 12": enough to recognise, not to harvest. */
export function maskRecipient(recipient: string): string {
  const at = recipient.indexOf("@");
  if (at > 0) return `${recipient[0]}•••${recipient.slice(at)}`;
  return recipient.length > 6 ? `${recipient.slice(0, 6)}•••${recipient.slice(-2)}` : "•••";
}
