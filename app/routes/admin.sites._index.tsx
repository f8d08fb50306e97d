import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Pagination } from "~/components/ui/Pagination";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { Table } from "~/components/ui/Table";
import { REGION_CODES } from "~/domain/constants";
import { listSites, siteReference } from "~/services/admin/sites.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["admin", "admin-organisation", "network"] };

export const meta = titleFromLoader;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  const regionParam = url.searchParams.get("region");
  const region = REGION_CODES.find((r) => r === regionParam) ?? null;
  const page = Math.max(1, Math.min(1000, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1));
  const db = await getDb();
  const [list, reference] = await Promise.all([listSites(db, { q, region, page }), siteReference(db)]);
  const t = await i18next.getFixedT(request, "admin-organisation");
  return { title: documentTitle(t("sites.title")), ...list, page, q, region, regions: reference.regions };
}

export default function Sites() {
  const { rows, total, page, pageCount, q, region, regions } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(["admin-organisation", "network"]);
  const done = searchParams.get("fait");
  type Row = (typeof rows)[number];
  return (
    <>
      {done === "importe" ? (
        <Notice tone="success">{t("import.done", { new: searchParams.get("nouveaux") ?? "0", modified: searchParams.get("modifies") ?? "0", unchanged: searchParams.get("inchanges") ?? "0" })}</Notice>
      ) : null}
      <PageHeading lead={t("sites.lead")}>{t("sites.title")}</PageHeading>
      <p className="admin-actions">
        <Button to="/admin/sites/nouveau" variant="secondary">
          {t("sites.new")}
        </Button>
        <Button to="/admin/sites/import" variant="secondary">
          {t("sites.import")}
        </Button>
      </p>
      <Form method="get" role="search" aria-label={t("sites.search.label")} className="admin-actions">
        <Field label={t("sites.search.label")} hint={t("sites.search.hint")} id="q" name="q" type="search" defaultValue={q} width={20} />
        <Field as="select" label={t("sites.region")} id="region" name="region" defaultValue={region ?? ""}>
          <option value="">{t("sites.allRegions")}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </Field>
        <Button type="submit" variant="secondary">
          {t("sites.submit")}
        </Button>
      </Form>
      <p role="status">{t("sites.count", { count: total })}</p>
      <Table<Row>
        caption={t("sites.caption")}
        captionHidden
        rows={rows}
        rowKey={(s) => s.code}
        empty={t("sites.empty")}
        columns={[
          { header: t("sites.columns.code"), cell: (s) => <Link to={`/admin/sites/${encodeURIComponent(s.code)}`}>{s.code}</Link>, rowHeader: true },
          { header: t("sites.columns.name"), cell: (s) => s.name },
          { header: t("sites.columns.kind"), cell: (s) => t(`network:kind.${s.kind}`) },
          { header: t("sites.columns.town"), cell: (s) => s.town },
          { header: t("sites.columns.region"), cell: (s) => s.region },
          { header: t("sites.columns.status"), cell: (s) => <StatusBadge kind="link" status={s.linkStatus} /> },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} />
    </>
  );
}
