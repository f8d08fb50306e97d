import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OFFICE_FIELDS, OfficeFields, summaryItems } from "~/components/admin/organisation-forms";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { PageHeading } from "~/components/ui/PageHeading";
import { agencyChoices, officeInputFrom, saveOffice } from "~/services/admin/organisation.server";
import { siteReference } from "~/services/admin/sites.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-organisation"] };

export const meta = titleFromLoader;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const db = await getDb();
  const [agencies, reference] = await Promise.all([agencyChoices(db), siteReference(db)]);
  const t = await i18next.getFixedT(request, "admin-organisation");
  return { title: documentTitle(t("offices.createTitle")), agencies, regions: reference.regions };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const input = officeInputFrom(await readForm(request));
  const result = await saveOffice(await getDb(), { id: user.id, ...requestMetaFor(request, context) }, input);
  if (!result?.ok) return data({ values: input, errors: result?.errors ?? {} }, { status: 400 });
  return redirect(`/admin/bureaux/${result.id}?fait=cree`);
}

export default function NewOffice() {
  const { agencies, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin-organisation");
  return (
    <>
      <Breadcrumbs items={[{ label: t("offices.title"), to: "/admin/bureaux" }]} />
      <ErrorSummary errors={summaryItems(t, actionData?.errors, OFFICE_FIELDS)} />
      <PageHeading>{t("offices.createTitle")}</PageHeading>
      <Form method="post" noValidate>
        <OfficeFields values={actionData?.values ?? { acceptsOnline: "yes", nationalCompetence: "no" }} errors={actionData?.errors ?? {}} agencies={agencies} regions={regions} />
        <Button type="submit">{t("offices.create")}</Button>
      </Form>
    </>
  );
}
