import { and, eq, inArray, isNotNull, or } from "drizzle-orm";
import { incidentSubscriptions, offices, regions, sites } from "../../db/schema";
import type { LinkStatus, Locale } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";
import { generateSecretToken, hashSecretToken } from "~/utils/session.server";
import { unsubscribeUrl } from "./incident-subscriptions.server";
import { enqueueNotifications, type OutgoingNotification } from "./outbox.server";
import { appBaseUrl } from "~/utils/public-url.server";

/**
 * Incident messages to the confirmed subscribers of a region or an agency (status page); the
 * subscriptions themselves are in incident-subscriptions.server.ts.
 */

export interface IncidentAlert {
  siteId: number;
  status: LinkStatus;
  at: Date;
}

/**
 * Queue one `incident_alert` per active, confirmed subscription to the site's region or to an agency with
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
        isNotNull(incidentSubscriptions.confirmedAt),
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
