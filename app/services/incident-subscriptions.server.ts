import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import { z } from "zod";
import { agencies, incidentSubscriptions, offices, regions, sites } from "../../db/schema";
import { parseIdentifier } from "~/domain/account";
import { REGION_CODES, type LinkStatus, type Locale, type RegionCode } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";
import { generateSecretToken, hashSecretToken } from "~/utils/session.server";
import { enqueueNotifications, type OutgoingNotification } from "./outbox.server";
import { appBaseUrl } from "~/utils/public-url.server";

/**
 * E-mail and SMS subscriptions to the incidents of a region or an agency (status page).
 *
 * Only the SHA-256 of an unsubscribe token is stored, so a token cannot be rebuilt for a later
 * message: every message carries a fresh token that replaces the previous one. The link in the
 * latest message received always works; an older one says it has been replaced.
 */
/** Short on purpose: the link must fit in a 160-character SMS with the rest of the message. */
export const UNSUBSCRIBE_PATH = "/desabonnement";

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

export type SubscribeResult = { ok: true; scopeName: string } | { ok: false; reason: "unknown_scope" };

function unsubscribeUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/$/, "")}${UNSUBSCRIBE_PATH}?t=${token}`;
}

async function scopeOf(db: Executor, scope: SubscriptionInput["scope"], locale: Locale) {
  if (scope.kind === "region") {
    const [region] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, scope.code as RegionCode));
    return region ? { regionCode: scope.code as RegionCode, agencyId: null, name: region.name } : null;
  }
  const [agency] = await db.select({ id: agencies.id, nameFr: agencies.nameFr, nameEn: agencies.nameEn }).from(agencies).where(eq(agencies.code, scope.code));
  return agency ? { regionCode: null, agencyId: agency.id, name: locale === "en" ? agency.nameEn : agency.nameFr } : null;
}

/**
 * Record a subscription (an earlier identical one is replaced) and queue its confirmation, with
 * the unsubscribe link, in the same transaction.
 */
export async function subscribeToIncidents(
  db: Executor,
  input: SubscriptionInput & { locale: Locale; baseUrl: string },
): Promise<SubscribeResult> {
  const scope = await scopeOf(db, input.scope, input.locale);
  if (!scope) return { ok: false, reason: "unknown_scope" };
  const token = generateSecretToken();
  await db.transaction(async (tx) => {
    await tx
      .update(incidentSubscriptions)
      .set({ active: false })
      .where(
        and(
          eq(incidentSubscriptions.channel, input.channel),
          eq(incidentSubscriptions.recipient, input.recipient),
          scope.regionCode ? eq(incidentSubscriptions.regionCode, scope.regionCode) : eq(incidentSubscriptions.agencyId, scope.agencyId!),
        ),
      );
    await tx.insert(incidentSubscriptions).values({
      channel: input.channel,
      recipient: input.recipient,
      regionCode: scope.regionCode,
      agencyId: scope.agencyId,
      locale: input.locale,
      unsubscribeTokenHash: hashSecretToken(token),
    });
    await enqueueNotifications(tx, [
      {
        channel: input.channel,
        recipient: input.recipient,
        template: "incident_subscription_confirmed",
        locale: input.locale,
        payload: { scope: scope.name, url: unsubscribeUrl(input.baseUrl, token) },
      },
    ]);
  });
  return { ok: true, scopeName: scope.name };
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

export interface IncidentAlert {
  siteId: number;
  status: LinkStatus;
  at: Date;
}

/**
 * Queue one `incident_alert` per active subscription to the site's region or to an agency with
 * an office in the building, in the caller's transaction. Each message carries a fresh
 * unsubscribe token (see above). Returns how many were queued.
 */
export async function notifyIncidentSubscribers(tx: Executor, alert: IncidentAlert, baseUrl: string = appBaseUrl()): Promise<number> {
  const [site] = await tx
    .select({ code: sites.code, name: sites.name, regionCode: sites.regionCode, regionName: regions.name })
    .from(sites)
    .innerJoin(regions, eq(regions.code, sites.regionCode))
    .where(eq(sites.id, alert.siteId));
  if (!site) return 0;
  const agencyIds = (await tx.selectDistinct({ id: offices.agencyId }).from(offices).where(eq(offices.siteId, alert.siteId))).map((r) => r.id);
  const subscriptions = await tx
    .select({ id: incidentSubscriptions.id, channel: incidentSubscriptions.channel, recipient: incidentSubscriptions.recipient, locale: incidentSubscriptions.locale })
    .from(incidentSubscriptions)
    .where(
      and(
        eq(incidentSubscriptions.active, true),
        or(
          eq(incidentSubscriptions.regionCode, site.regionCode),
          agencyIds.length > 0 ? and(isNotNull(incidentSubscriptions.agencyId), inArray(incidentSubscriptions.agencyId, agencyIds)) : undefined,
        ),
      ),
    )
    .for("update");
  if (subscriptions.length === 0) return 0;
  const items: OutgoingNotification[] = [];
  for (const subscription of subscriptions) {
    const token = generateSecretToken();
    await tx.update(incidentSubscriptions).set({ unsubscribeTokenHash: hashSecretToken(token) }).where(eq(incidentSubscriptions.id, subscription.id));
    items.push({
      channel: subscription.channel,
      recipient: subscription.recipient,
      template: "incident_alert",
      locale: subscription.locale,
      payload: {
        site: site.name,
        code: site.code,
        region: site.regionName,
        status: statusLabel(alert.status, subscription.locale),
        at: alert.at.toISOString().slice(0, 16).replace("T", " ") + " UTC",
        statusUrl: `${baseUrl.replace(/\/$/, "")}/etat-des-services`,
        url: unsubscribeUrl(baseUrl, token),
      },
    });
  }
  await enqueueNotifications(tx, items);
  return items.length;
}

const STATUS_LABELS: Record<Locale, Record<LinkStatus, string>> = {
  fr: { up: "rétabli (opérationnel)", degraded: "perturbé", down: "interrompu", maintenance: "en maintenance", not_connected: "non raccordé" },
  en: { up: "restored (operational)", degraded: "degraded", down: "down", maintenance: "under maintenance", not_connected: "not connected" },
};

function statusLabel(status: LinkStatus, locale: Locale): string {
  return STATUS_LABELS[locale][status];
}
