import type { LinkSource, LinkStatus } from "~/domain/constants";
import type { Executor } from "~/utils/db.server";

export interface SiteStatusChanged {
  siteId: number;
  from: LinkStatus;
  to: LinkStatus;
  at: Date;
  source: LinkSource;
}

/**
 * What a link status change does to the service, in the same transaction as the change:
 * outages of the site's offices are opened and closed, deadlines of their open cases paused and
 * extended, affected citizens notified once per incident.
 */
export async function applyNetworkEffects(_tx: Executor, _change: SiteStatusChanged): Promise<void> {
  // Filled in by the outage-impact work of issue 3 (see app/services/outages.server.ts).
}
