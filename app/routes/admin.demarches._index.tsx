import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import procedureStyles from "~/components/admin/admin-procedures.css?url";
import { z } from "zod";
import { SELECT_CLASS } from "~/components/admin/ProcedureMetadataFields";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table } from "~/components/ui/Table";
import { PROCEDURE_STATUSES } from "~/domain/constants";
import { agencyOptions, listProcedures, type ProcedureListRow } from "~/services/admin/procedures.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatNumber } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["admin", "admin-procedures", "catalogue"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: procedureStyles }];

// A filter that does not parse is ignored (a hand-edited address still shows the list).
const filtersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  statut: z.enum(PROCEDURE_STATUSES).optional().catch(undefined),
  administration: z.coerce.number().int().positive().optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const url = new URL(request.url);
  const filters = filtersSchema.parse(Object.fromEntries([...url.searchParams].filter(([, value]) => value !== "")));
  const db = await getDb();
  const [rows, agencies] = await Promise.all([
    listProcedures(db, { q: filters.q || undefined, status: filters.statut, agencyId: filters.administration }),
    agencyOptions(db),
  ]);
  const t = await i18next.getFixedT(request, "admin-procedures");
  return { title: documentTitle(t("list.title")), filters, rows, agencies };
}

export default function AdminProcedures() {
  const { filters, rows, agencies } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin-procedures");
  const locale = toLocale(i18n.language);
  return (
    <>
      <PageHeading lead={t("list.lead")}>{t("list.title")}</PageHeading>
      <p>
        <Button to="/admin/demarches/nouvelle">{t("list.new")}</Button>
      </p>
      <section aria-labelledby="filters-title">
        <h2 id="filters-title">{t("list.filtersTitle")}</h2>
        <Form method="get" action="/admin/demarches">
          <Field label={t("list.q")} hint={t("list.qHint")} id="q" name="q" type="search" width={30} defaultValue={filters.q ?? ""} />
          <Field as="select" label={t("list.statusFilter")} id="statut" name="statut" defaultValue={filters.statut ?? ""}>
            <option value="">{t("list.allStatuses")}</option>
            {PROCEDURE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </Field>
          <Field as="select" label={t("list.agencyFilter")} id="administration" name="administration" defaultValue={filters.administration ? String(filters.administration) : ""} className={SELECT_CLASS}>
            <option value="">{t("list.allAgencies")}</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={String(agency.id)}>
                {agency.name}
              </option>
            ))}
          </Field>
          <Button type="submit" variant="secondary">
            {t("list.submit")}
          </Button>
        </Form>
        <p>
          <Link to="/admin/demarches">{t("list.reset")}</Link>
        </p>
      </section>
      <Table<ProcedureListRow>
        caption={t("list.caption", { count: rows.length, formattedCount: formatNumber(rows.length, locale) })}
        columns={[
          { header: t("list.columns.title"), cell: (row) => <Link to={`/admin/demarches/${row.id}`}>{row.titleFr}</Link>, rowHeader: true },
          { header: t("list.columns.agency"), cell: (row) => row.agencyName },
          { header: t("list.columns.category"), cell: (row) => t(`categories.${row.category}`, { ns: "catalogue" }) },
          {
            header: t("list.columns.status"),
            cell: (row) => (
              <>
                <span className="admin-status" data-status={row.status}>
                  {t(`status.${row.status}`)}
                </span>
                {row.hasUnpublishedChanges ? <span className="secondary-text"> ({t("list.pending")})</span> : null}
              </>
            ),
          },
          { header: t("list.columns.version"), cell: (row) => (row.publishedVersion === null ? t("list.noVersion") : formatNumber(row.publishedVersion, locale)), numeric: true },
          { header: t("list.columns.updated"), nowrap: true, cell: (row) => formatDate(row.updatedAt, locale, "short") },
        ]}
        rows={rows}
        rowKey={(row) => row.id}
        empty={t("list.empty")}
      />
    </>
  );
}
