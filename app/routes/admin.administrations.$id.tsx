import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AGENCY_FIELDS, AgencyFields, summaryItems } from "~/components/admin/organisation-forms";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { findAgency, listAgencies, saveAgency, type AgencyInput } from "~/services/admin/organisation.server";
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
  const agency = await findAgency(db, idParam(params.id));
  if (!agency) throw new Response("Not Found", { status: 404 });
  const t = await i18next.getFixedT(request, "admin-organisation");
  const all = await listAgencies(db);
  return {
    title: documentTitle(`${t("agencies.editTitle")} — ${agency.nameFr}`),
    agency: { code: agency.code, nameFr: agency.nameFr, nameEn: agency.nameEn, kind: agency.kind, parentId: agency.parentId ? String(agency.parentId) : "" },
    parents: all.filter((a) => a.id !== agency.id),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const id = idParam(params.id);
  const formData = await readForm(request);
  const input = Object.fromEntries(AGENCY_FIELDS.map((name) => [name, String(formData.get(name) ?? "")])) as AgencyInput;
  const result = await saveAgency(await getDb(), { id: user.id, ...requestMetaFor(request, context) }, input, id);
  if (!result) throw new Response("Not Found", { status: 404 });
  if (!result.ok) return data({ values: input, errors: result.errors }, { status: 400 });
  return redirect(`/admin/administrations/${id}?fait=${result.changed ? "enregistree" : "inchangee"}`);
}

export default function EditAgency() {
  const { agency, parents } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const { t } = useTranslation(["admin-organisation", "admin"]);
  const done = searchParams.get("fait");
  return (
    <>
      <Breadcrumbs items={[{ label: t("agencies.title"), to: "/admin/administrations" }]} />
      <ErrorSummary errors={summaryItems(t, actionData?.errors, AGENCY_FIELDS)} />
      {done === "enregistree" ? <Notice tone="success">{t("agencies.saved")}</Notice> : null}
      {done === "inchangee" ? <Notice>{t("admin:shared.nothingChanged")}</Notice> : null}
      <PageHeading caption={t("agencies.editTitle")}>{agency.nameFr}</PageHeading>
      <Form method="post" noValidate key={location.key}>
        <AgencyFields values={actionData?.values ?? agency} errors={actionData?.errors ?? {}} parents={parents} />
        <Button type="submit">{t("agencies.save")}</Button>
      </Form>
    </>
  );
}
