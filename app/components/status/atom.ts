import type { LinkStatus, Locale } from "~/domain/constants";
import type { PastIncident, StatusSummary } from "~/services/status-summary.server";

export interface FeedTexts {
  baseUrl: string;
  locale: Locale;
  title: string;
  statusLabel: (status: LinkStatus) => string;
  entryTitle: (values: { site: string; code: string; status: string; town: string }) => string;
}

export function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", "'": "&apos;", '"': "&quot;" })[c] as string);
}

/** Stable entry ids: a tag URI (RFC 4151) per site and start time. */
function entryId(host: string, incident: Pick<PastIncident, "site" | "startedAt">): string {
  return `tag:${host},2017:incident:${incident.site}:${Date.parse(incident.startedAt)}`;
}

/**
 * Atom 1.0 (RFC 4287): one entry per incident, in progress or of the last 90 days, newest
 * first. An entry's `updated` is its end when it has ended, so readers see the recovery.
 */
export function incidentFeed(summary: StatusSummary, texts: FeedTexts): string {
  const base = texts.baseUrl.replace(/\/$/, "");
  const host = new URL(base).hostname;
  const pageUrl = `${base}/etat-des-services`;
  const entries: PastIncident[] = [...summary.history];
  const known = new Set(entries.map((e) => `${e.site}@${e.startedAt}`));
  for (const incident of summary.incidents) {
    if (!known.has(`${incident.site}@${incident.since}`)) {
      entries.push({ site: incident.site, name: incident.name, region: incident.region, town: incident.town, status: incident.status, startedAt: incident.since, endedAt: null });
    }
  }
  entries.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  const updated = entries.reduce((latest, e) => {
    const at = e.endedAt ?? e.startedAt;
    return at > latest ? at : latest;
  }, entries.length > 0 ? "" : summary.generatedAt);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${texts.locale}">`,
    `  <id>${escapeXml(`${base}/etat-des-services/flux.atom`)}</id>`,
    `  <title>${escapeXml(texts.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(`${base}/etat-des-services/flux.atom`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(pageUrl)}"/>`,
    "  <author><name>Guichet — cellule e-Gouvernement</name></author>",
  ];
  for (const e of entries) {
    const status = texts.statusLabel(e.status);
    const title = texts.entryTitle({ site: e.name, code: e.site, status, town: e.town });
    const period = e.endedAt ? `${e.startedAt} → ${e.endedAt}` : `${e.startedAt} →`;
    lines.push(
      "  <entry>",
      `    <id>${escapeXml(entryId(host, e))}</id>`,
      `    <title>${escapeXml(title)}</title>`,
      `    <updated>${e.endedAt ?? e.startedAt}</updated>`,
      `    <published>${e.startedAt}</published>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(`${pageUrl}#historique`)}"/>`,
      `    <category term="${e.status}" label="${escapeXml(status)}"/>`,
      `    <summary>${escapeXml(`${e.name} (${e.site}), ${e.town} — ${status} — ${period}`)}</summary>`,
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}
