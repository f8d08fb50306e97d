import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { Table } from "~/components/ui/Table";
import { REGION_CODES, type RegionCode } from "~/domain/constants";
import { agencyChoices, listOffices } from "~/services/admin/organisation.server";
import { siteReference } from "~/services/admin/sites.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { integerOrNull } from "~/domain/input";

export const handle = { i18n: ["admin", "admin-organisation"] };

export const meta = titleFromLoader;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const url = new URL(request.url);
  const agencyId = integerOrNull(url.searchParams.get("administration"));
  const regionParam = url.searchParams.get("region");
  const region = REGION_CODES.find((r) => r === regionParam) ?? null;
  const db = await getDb();
  const [offices, agencies, reference] = await Promise.all([listOffices(db, { agencyId, region }), agencyChoices(db), siteReference(db)]);
  const t = await i18next.getFixedT(request, "admin-organisation");
  return { title: documentTitle(t("offices.title")), offices, agencies, regions: reference.regions, agencyId, region };
}

export default function Offices() {
  const { offices, agencies, regions, agencyId, region } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation(["admin-organisation", "admin"]);
  const regionName = new Map<string, string>(regions.map((r) => [r.code, r.name]));
  type Row = (typeof offices)[number];
  return (
    <>
      {searchParams.get("fait") === "cree" ? <Notice tone="success">{t("offices.created")}</Notice> : null}
      <PageHeading lead={t("offices.lead")}>{t("offices.title")}</PageHeading>
      <p>
        <Button to="/admin/bureaux/nouveau" variant="secondary">
          {t("offices.new")}
        </Button>
      </p>
      <Form method="get" className="admin-actions">
        <Field as="select" label={t("offices.columns.agency")} id="administration" name="administration" defaultValue={agencyId ? String(agencyId) : ""}>
          <option value="">{t("offices.allAgencies")}</option>
          {agencies.map((a) => (
            <option key={a.id} value={a.id}>
              {a.nameFr}
            </option>
          ))}
        </Field>
        <Field as="select" label={t("offices.columns.regions")} id="region" name="region" defaultValue={region ?? ""}>
          <option value="">{t("offices.allRegions")}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
        </Field>
        <Button type="submit" variant="secondary">
          {t("offices.filter")}
        </Button>
      </Form>
      <Table<Row>
        caption={t("offices.caption")}
        captionHidden
        rows={offices}
        rowKey={(o) => o.id}
        empty={t("offices.empty")}
        columns={[
          { header: t("offices.columns.code"), cell: (o) => <Link to={`/admin/bureaux/${o.id}`}>{o.code}</Link>, rowHeader: true },
          { header: t("offices.columns.name"), cell: (o) => o.name },
          { header: t("offices.columns.agency"), cell: (o) => o.agency },
          {
            header: t("offices.columns.site"),
            cell: (o) => (
              <>
                <Link to={`/admin/sites/${encodeURIComponent(o.siteCode)}`}>{o.siteName}</Link> <StatusBadge kind="link" status={o.siteStatus} />
              </>
            ),
          },
          { header: t("offices.columns.regions"), cell: (o) => o.regions.map((r: RegionCode) => regionName.get(r) ?? r).join(", ") },
          { header: t("offices.columns.online"), cell: (o) => (o.acceptsOnline ? t("admin:shared.yes") : t("admin:shared.no")) },
        ]}
      />
    </>
  );
}
