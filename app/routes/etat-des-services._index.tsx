import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubscribeForm } from "~/components/status/SubscribeForm";
import { TogoMap } from "~/components/status/TogoMap";
import { formatDateTime, formatNumber } from "~/utils/format";
import { STATUS_ORDER } from "~/components/status/status-shapes";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Pagination } from "~/components/ui/Pagination";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { Table } from "~/components/ui/Table";
import { getStatusSummary, splitMaintenance, type AgencySummary, type MaintenanceSummary } from "~/services/status-summary.server";
import { getDb } from "~/utils/db.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readSessionToken } from "~/utils/session.server";

export const handle = { i18n: ["status"] };

export const meta = titleFromLoader;

export const FEED_PATH = "/etat-des-services/flux.atom";

export const links: LinksFunction = () => [{ rel: "alternate", type: "application/atom+xml", href: FEED_PATH, title: "Guichet — incidents" }];

const HISTORY_PER_PAGE = 25;

/**
 * The public status page: one summary read (see status-summary.server.ts). Cacheable by shared
 * caches only when the visitor is signed out: the header shows a signed-in user's name.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "status");
  const summary = await getStatusSummary(await getDb());
  const url = new URL(request.url);
  const pageCount = Math.max(1, Math.ceil(summary.history.length / HISTORY_PER_PAGE));
  const page = Math.min(pageCount, Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const now = new Date();
  const { current, planned } = splitMaintenance(summary.maintenance, now);
  // The language comes from ?lng, the lng cookie or Accept-Language: a shared cache must key on
  // them, and never store the answer that sets the cookie.
  const shareable = !readSessionToken(request) && !url.searchParams.has("lng");
  const headers = { "Cache-Control": shareable ? "public, max-age=30" : "private, no-cache", Vary: "Cookie, Accept-Language" };
  return data(
    {
      title: documentTitle(t("page.title")),
      locale,
      generatedAt: summary.generatedAt,
      regions: summary.regions,
      incidents: summary.incidents,
      current,
      planned,
      agencies: summary.agencies,
      towns: summary.towns,
      monitoring: summary.monitoring,
      history: summary.history.slice((page - 1) * HISTORY_PER_PAGE, page * HISTORY_PER_PAGE),
      historyTotal: summary.history.length,
      page,
      pageCount,
    },
    { headers },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers();
  for (const name of ["Cache-Control", "Vary"]) {
    const value = loaderHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};

export default function StatusPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("status");
  const n = (value: number) => formatNumber(value, d.locale);
  const regionName = new Map(d.regions.map((r) => [r.code, r.name]));
  const agencyName = (agency: AgencySummary) => (d.locale === "en" ? agency.nameEn : agency.nameFr);
  const maintenanceWhere = (w: MaintenanceSummary) => (w.siteName ? `${w.siteName} (${w.site})` : t("maintenance.wholeRegion", { region: regionName.get(w.region) ?? w.region }));
  const down = d.incidents.filter((i) => i.status === "down").length;

  return (
    <>
      <PageHeading lead={t("page.lead")}>{t("page.title")}</PageHeading>
      <p className="secondary-text">
        {t("page.updated", { date: formatDateTime(d.generatedAt, d.locale) })} · <a href={FEED_PATH}>{t("feed.link")}</a> ·{" "}
        <a href="/api/v1/status">{t("page.api")}</a>
      </p>
      {d.incidents.length > 0 ? (
        <Notice tone="warning" title={t("page.incidentsNotice", { count: d.incidents.length, down })}>
          <p>{t("page.incidentsHelp")}</p>
        </Notice>
      ) : d.monitoring.interrupted ? null : (
        <Notice tone="success">
          <p>{t("page.allUp")}</p>
        </Notice>
      )}
      {d.monitoring.interrupted ? (
        <Notice tone="warning" title={t("monitoring.title", { count: d.monitoring.sitesUnknown })}>
          <p>{t("monitoring.body", { since: d.monitoring.since ? formatDateTime(d.monitoring.since, d.locale) : "" })}</p>
        </Notice>
      ) : null}

      <h2 id="regions">{t("regions.title")}</h2>
      <Table
        caption={t("regions.caption")}
        captionHidden
        rowKey={(r) => r.code}
        rows={d.regions}
        columns={[
          { header: t("regions.region"), cell: (r) => r.name, rowHeader: true },
          { header: t("regions.connected"), cell: (r) => `${n(r.sites.connected)} / ${n(r.sites.total)}`, numeric: true },
          { header: t("legend.up"), cell: (r) => n(r.sites.up), numeric: true },
          { header: t("legend.degraded"), cell: (r) => n(r.sites.degraded), numeric: true },
          { header: t("legend.down"), cell: (r) => n(r.sites.down), numeric: true },
          { header: t("legend.maintenance"), cell: (r) => n(r.sites.maintenance), numeric: true },
          { header: t("legend.unknown"), cell: (r) => n(r.sites.unknown), numeric: true },
          {
            header: t("regions.planned"),
            cell: (r) => n(d.planned.filter((w) => w.region === r.code).length),
            numeric: true,
          },
        ]}
      />

      <h2 id="carte">{t("map.heading")}</h2>
      <div className="status-map-layout">
        <TogoMap towns={d.towns} regions={d.regions} />
        <Table
          caption={t("map.tableCaption")}
          rowKey={(town) => `${town.region}-${town.name}`}
          rows={[...d.towns].sort((a, b) => a.lat - b.lat)}
          columns={[
            { header: t("map.town_header"), cell: (town) => town.name, rowHeader: true },
            { header: t("regions.region"), cell: (town) => regionName.get(town.region) ?? town.region },
            ...STATUS_ORDER.map((status) => ({ header: t(`legend.${status}`), cell: (town: (typeof d.towns)[number]) => n(town.counts[status]), numeric: true })),
          ]}
        />
      </div>

      <h2 id="incidents">{t("incidents.title")}</h2>
      <Table
        caption={t("incidents.caption")}
        captionHidden
        rowKey={(i) => i.site}
        rows={d.incidents}
        empty={t("incidents.none")}
        columns={[
          { header: t("incidents.site"), cell: (i) => `${i.name} (${i.site})`, rowHeader: true },
          { header: t("incidents.town"), cell: (i) => `${i.town}, ${regionName.get(i.region) ?? i.region}` },
          { header: t("incidents.status"), cell: (i) => <StatusBadge kind="link" status={i.status} /> },
          { header: t("incidents.since"), cell: (i) => formatDateTime(i.since, d.locale) },
        ]}
      />

      <h2 id="maintenances">{t("maintenance.title")}</h2>
      <Table
        caption={t("maintenance.caption")}
        captionHidden
        rowKey={(w) => w.id}
        rows={[...d.current, ...d.planned]}
        empty={t("maintenance.none")}
        columns={[
          { header: t("maintenance.where"), cell: maintenanceWhere, rowHeader: true },
          { header: t("maintenance.state"), cell: (w) => (d.current.includes(w) ? t("maintenance.current") : t("maintenance.planned")) },
          { header: t("maintenance.from"), cell: (w) => formatDateTime(w.startsAt, d.locale) },
          { header: t("maintenance.to"), cell: (w) => formatDateTime(w.endsAt, d.locale) },
          { header: t("maintenance.reason"), cell: (w) => w.reason },
        ]}
      />

      <h2 id="administrations">{t("agencies.title")}</h2>
      <p>{t("agencies.lead")}</p>
      {d.agencies.map((agency) => (
        <section key={agency.code} aria-labelledby={`agence-${agency.code}`}>
          <h3 id={`agence-${agency.code}`}>{agencyName(agency)}</h3>
          <ul className="list list--spaced">
            {agency.offices.map((office) => (
              <li key={office.code}>
                {office.name} — {office.town} <StatusBadge kind="link" status={office.status} />{" "}
                <strong>{office.online ? t("agencies.online") : t("agencies.offline")}</strong>
              </li>
            ))}
          </ul>
        </section>
      ))}

      <h2 id="historique">{t("history.title")}</h2>
      <p>{t("history.lead", { count: d.historyTotal })}</p>
      <Table
        caption={t("history.caption", { page: d.page, pageCount: d.pageCount })}
        captionHidden
        rowKey={(i) => `${i.site}-${i.startedAt}`}
        rows={d.history}
        empty={t("history.none")}
        columns={[
          { header: t("incidents.site"), cell: (i) => `${i.name} (${i.site})`, rowHeader: true },
          { header: t("incidents.town"), cell: (i) => `${i.town}, ${regionName.get(i.region) ?? i.region}` },
          { header: t("incidents.status"), cell: (i) => <StatusBadge kind="link" status={i.status} /> },
          { header: t("history.start"), cell: (i) => formatDateTime(i.startedAt, d.locale) },
          { header: t("history.end"), cell: (i) => (i.endedAt ? formatDateTime(i.endedAt, d.locale) : t("history.ongoing")) },
        ]}
      />
      <Pagination page={d.page} pageCount={d.pageCount} />

      <SubscribeForm
        scopes={{
          regions: d.regions.map((r) => ({ code: r.code, name: r.name })),
          agencies: d.agencies.map((a) => ({ code: a.code, name: agencyName(a) })),
        }}
      />
      <p>
        <Link to="/etat-des-services/abonnement">{t("subscribe.page")}</Link>
      </p>
    </>
  );
}
