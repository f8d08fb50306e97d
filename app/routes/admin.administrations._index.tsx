import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AGENCY_FIELDS, AgencyFields, summaryItems } from "~/components/admin/organisation-forms";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table } from "~/components/ui/Table";
import { listAgencies, saveAgency, type AgencyInput } from "~/services/admin/organisation.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-organisation"] };

export const meta = titleFromLoader;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const t = await i18next.getFixedT(request, "admin-organisation");
  return { title: documentTitle(t("agencies.title")), agencies: await listAgencies(await getDb()) };
}

function agencyInputFrom(formData: FormData): AgencyInput {
  return Object.fromEntries(AGENCY_FIELDS.map((name) => [name, String(formData.get(name) ?? "")])) as AgencyInput;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const input = agencyInputFrom(await readForm(request));
  const result = await saveAgency(await getDb(), { id: user.id, ...requestMetaFor(request, context) }, input);
  if (!result?.ok) return data({ values: input, errors: result?.errors ?? {} }, { status: 400 });
  return redirect("/admin/administrations?fait=creee");
}

export default function Agencies() {
  const { agencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const { t } = useTranslation("admin-organisation");
  type Row = (typeof agencies)[number];
  const names = new Map(agencies.map((a) => [a.id, a.nameFr]));
  return (
    <>
      <ErrorSummary errors={summaryItems(t, actionData?.errors, AGENCY_FIELDS)} />
      {searchParams.get("fait") === "creee" ? <Notice tone="success">{t("agencies.created")}</Notice> : null}
      <PageHeading lead={t("agencies.lead")}>{t("agencies.title")}</PageHeading>
      <Table<Row>
        caption={t("agencies.caption")}
        captionHidden
        rows={agencies}
        rowKey={(a) => a.id}
        empty={t("agencies.empty")}
        columns={[
          { header: t("agencies.columns.code"), cell: (a) => <Link to={`/admin/administrations/${a.id}`}>{a.code}</Link>, rowHeader: true },
          {
            header: t("agencies.columns.name"),
            cell: (a) => (
              <span>
                {a.depth > 0 ? <span aria-hidden="true">{"— ".repeat(a.depth)}</span> : null}
                {a.nameFr}
                {a.parentId ? <span className="secondary-text visually-hidden">{` (${t("agencies.childOf", { parent: names.get(a.parentId) })})`}</span> : null}
              </span>
            ),
          },
          { header: t("agencies.columns.kind"), cell: (a) => t(`agencyKind.${a.kind}`) },
          { header: t("agencies.columns.offices"), cell: (a) => a.offices, numeric: true },
          { header: t("agencies.columns.procedures"), cell: (a) => a.procedures, numeric: true },
        ]}
      />
      <section aria-labelledby="create-agency">
        <h2 id="create-agency">{t("agencies.createTitle")}</h2>
        <Form method="post" noValidate key={location.key}>
          <AgencyFields values={actionData?.values ?? {}} errors={actionData?.errors ?? {}} parents={agencies} />
          <Button type="submit">{t("agencies.create")}</Button>
        </Form>
      </section>
    </>
  );
}
