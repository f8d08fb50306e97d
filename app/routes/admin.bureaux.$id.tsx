import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OFFICE_FIELDS, OfficeFields, summaryItems } from "~/components/admin/organisation-forms";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { agencyChoices, findOffice, officeInputFrom, saveOffice } from "~/services/admin/organisation.server";
import { siteReference } from "~/services/admin/sites.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { idParam } from "~/utils/http";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-organisation"] };

export const meta = titleFromLoader;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const db = await getDb();
  const office = await findOffice(db, idParam(params.id));
  if (!office) throw new Response("Not Found", { status: 404 });
  const [agencies, reference] = await Promise.all([agencyChoices(db), siteReference(db)]);
  const t = await i18next.getFixedT(request, "admin-organisation");
  return {
    title: documentTitle(`${t("offices.editTitle")} — ${office.name}`),
    office,
    values: {
      code: office.code,
      name: office.name,
      agencyId: String(office.agencyId),
      siteCode: office.siteCode,
      regions: office.regions as string[],
      acceptsOnline: office.acceptsOnline ? "yes" : "no",
      nationalCompetence: office.nationalCompetence ? "yes" : "no",
      hours: office.hours ?? "",
      phone: office.phone ?? "",
      email: office.email ?? "",
    },
    agencies,
    regions: reference.regions,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const id = idParam(params.id);
  const input = officeInputFrom(await readForm(request));
  const result = await saveOffice(await getDb(), { id: user.id, ...requestMetaFor(request, context) }, input, id);
  if (!result) throw new Response("Not Found", { status: 404 });
  if (!result.ok) return data({ values: input, errors: result.errors }, { status: 400 });
  return redirect(`/admin/bureaux/${id}?fait=${result.changed ? "enregistre" : "inchange"}`);
}

export default function EditOffice() {
  const { office, values, agencies, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const { t } = useTranslation(["admin-organisation", "admin"]);
  const done = searchParams.get("fait");
  return (
    <>
      <Breadcrumbs items={[{ label: t("offices.title"), to: "/admin/bureaux" }]} />
      <ErrorSummary errors={summaryItems(t, actionData?.errors, OFFICE_FIELDS)} />
      {done === "cree" ? <Notice tone="success">{t("offices.created")}</Notice> : null}
      {done === "enregistre" ? <Notice tone="success">{t("offices.saved")}</Notice> : null}
      {done === "inchange" ? <Notice>{t("admin:shared.nothingChanged")}</Notice> : null}
      <PageHeading caption={t("offices.editTitle")}>{office.name}</PageHeading>
      <p>
        {t("offices.siteNow", { name: office.siteName })} (<Link to={`/admin/sites/${encodeURIComponent(office.siteCode)}`}>{office.siteCode}</Link>){" "}
        <StatusBadge kind="link" status={office.siteStatus} />
      </p>
      <Form method="post" noValidate key={location.key}>
        <OfficeFields values={actionData?.values ?? values} errors={actionData?.errors ?? {}} agencies={agencies} regions={regions} />
        <Button type="submit">{t("offices.save")}</Button>
      </Form>
    </>
  );
}
