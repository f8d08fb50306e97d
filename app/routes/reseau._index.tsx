import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { PageHeading } from "~/components/ui/PageHeading";
import { Pagination } from "~/components/ui/Pagination";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { Table } from "~/components/ui/Table";
import { LINK_STATUSES, REGION_CODES, SITE_KINDS } from "~/domain/constants";
import { listSites, siteFilterOptions, type ConsoleSiteRow } from "~/services/network-console.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["network"] };

export const meta = titleFromLoader;

// A filter that does not parse is ignored (a hand-edited or stale address still shows the list).
const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  region: z.enum(REGION_CODES).optional().catch(undefined),
  town: z.coerce.number().int().positive().optional().catch(undefined),
  kind: z.enum(SITE_KINDS).optional().catch(undefined),
  status: z.enum(LINK_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "operator", context);
  const url = new URL(request.url);
  // Empty select values ("all") are simply absent.
  const raw = Object.fromEntries([...url.searchParams].filter(([, value]) => value !== ""));
  const filters = filtersSchema.parse(raw);
  const db = await getDb();
  const [list, regions] = await Promise.all([
    listSites(db, { q: filters.q || undefined, region: filters.region, townId: filters.town, kind: filters.kind, status: filters.status }, filters.page),
    siteFilterOptions(db),
  ]);
  const t = await i18next.getFixedT(request, "network");
  return { title: documentTitle(t("console.title")), filters, list, regions };
}

/** The current query with `status` replaced (counts link to their own filter). */
function withStatus(search: URLSearchParams, status: string): string {
  const next = new URLSearchParams(search);
  next.set("status", status);
  next.delete("page");
  return `?${next}`;
}

export default function NetworkConsole() {
  const { filters, list, regions } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("network");
  const locale = toLocale(i18n.language);
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && key !== "page") search.set(key, String(value));

  return (
    <>
      <PageHeading caption={t("console.caption")} lead={t("console.lead")}>
        {t("console.title")}
      </PageHeading>
      <p>
        <Link to="/reseau/maintenances">{t("console.maintenancesLink")}</Link>
      </p>

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">{t("console.countsTitle")}</h2>
        <p className="secondary-text">{t("console.countsHint")}</p>
        <ul className="list--plain">
          {LINK_STATUSES.map((status) => (
            <li key={status}>
              <StatusBadge kind="link" status={status} />{" "}
              <Link to={withStatus(search, status)}>{t("console.countFilterLink", { count: list.counts[status] })}</Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="filters-title">
        <h2 id="filters-title">{t("console.filtersTitle")}</h2>
        <Form method="get" action="/reseau">
          <Field
            label={t("filters.q.label")}
            hint={t("filters.q.hint")}
            id="q"
            name="q"
            type="search"
            width={30}
            defaultValue={filters.q ?? ""}
            spellCheck={false}
          />
          <Field as="select" label={t("filters.region.label")} id="region" name="region" defaultValue={filters.region ?? ""}>
            <option value="">{t("filters.region.all")}</option>
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name}
              </option>
            ))}
          </Field>
          <Field as="select" label={t("filters.town.label")} id="town" name="town" defaultValue={filters.town ? String(filters.town) : ""}>
            <option value="">{t("filters.town.all")}</option>
            {regions.map((region) => (
              <optgroup key={region.code} label={region.name}>
                {region.towns.map((town) => (
                  <option key={town.id} value={town.id}>
                    {town.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </Field>
          <Field as="select" label={t("filters.kind.label")} id="kind" name="kind" defaultValue={filters.kind ?? ""}>
            <option value="">{t("filters.kind.all")}</option>
            {SITE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </Field>
          <Field as="select" label={t("filters.status.label")} id="status" name="status" defaultValue={filters.status ?? ""}>
            <option value="">{t("filters.status.all")}</option>
            {LINK_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.link.${status}`, { ns: "common" })}
              </option>
            ))}
          </Field>
          <Button type="submit">{t("console.submit")}</Button>
        </Form>
        <p>
          <Link to="/reseau">{t("console.reset")}</Link>
        </p>
      </section>

      <Table<ConsoleSiteRow>
        caption={
          <>
            {t("console.tableCaption", { count: list.total })}
            {list.pageCount > 1 ? `, ${t("console.pageOf", { page: list.page, pageCount: list.pageCount })}` : null}
          </>
        }
        columns={[
          {
            header: t("console.columns.name"),
            cell: (row) => <Link to={`/reseau/sites/${encodeURIComponent(row.code)}`}>{row.name}</Link>,
            rowHeader: true,
          },
          { header: t("console.columns.code"), nowrap: true, cell: (row) => row.code },
          { header: t("console.columns.status"), cell: (row) => <StatusBadge kind="link" status={row.shownStatus} /> },
          { header: t("console.columns.since"), cell: (row) => formatDateTime(row.linkStatusSince, locale) },
          { header: t("console.columns.town"), cell: (row) => row.town },
          { header: t("console.columns.kind"), cell: (row) => t(`kind.${row.kind}`) },
        ]}
        rows={list.rows.map((row) => ({ ...row, linkStatusSince: new Date(row.linkStatusSince) }))}
        rowKey={(row) => row.code}
        empty={t("console.empty")}
      />
      <Pagination page={list.page} pageCount={list.pageCount} />
    </>
  );
}
