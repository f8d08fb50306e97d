import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SITE_FIELDS, SiteFields, summaryItems } from "~/components/admin/organisation-forms";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { PageHeading } from "~/components/ui/PageHeading";
import { createSite, siteInputFrom, siteReference } from "~/services/admin/sites.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-organisation", "network"] };

export const meta = titleFromLoader;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const t = await i18next.getFixedT(request, "admin-organisation");
  return { title: documentTitle(t("sites.createTitle")), ...(await siteReference(await getDb())) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const input = siteInputFrom(await readForm(request));
  const result = await createSite(await getDb(), { id: user.id, ...requestMetaFor(request, context) }, input);
  if (!result.ok) return data({ values: { ...input }, errors: result.errors as Record<string, string | undefined> }, { status: 400 });
  return redirect(`/admin/sites/${encodeURIComponent(result.code)}?fait=cree`);
}

export default function NewSite() {
  const { regions, towns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin-organisation");
  return (
    <>
      <Breadcrumbs items={[{ label: t("sites.title"), to: "/admin/sites" }]} />
      <ErrorSummary errors={summaryItems(t, actionData?.errors, SITE_FIELDS)} />
      <PageHeading>{t("sites.createTitle")}</PageHeading>
      <Form method="post" noValidate>
        <SiteFields values={actionData?.values ?? { capacityMbps: "100" }} errors={actionData?.errors ?? {}} regions={regions} towns={towns} />
        <Button type="submit">{t("sites.create")}</Button>
      </Form>
    </>
  );
}
