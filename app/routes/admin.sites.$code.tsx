import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SITE_FIELDS, SiteFields, summaryItems } from "~/components/admin/organisation-forms";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { findSite, siteFormValues, siteInputFrom, siteReference, updateSite } from "~/services/admin/sites.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-organisation", "network"] };

export const meta = titleFromLoader;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const db = await getDb();
  const site = await findSite(db, params.code ?? "");
  if (!site) throw new Response("Not Found", { status: 404 });
  const t = await i18next.getFixedT(request, "admin-organisation");
  return {
    title: documentTitle(`${t("sites.editTitle")} — ${site.name}`),
    site: { code: site.code, name: site.name, linkStatus: site.linkStatus, linkStatusSince: site.linkStatusSince.toISOString() },
    values: siteFormValues(site),
    ...(await siteReference(db)),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const input = siteInputFrom(await readForm(request));
  const result = await updateSite(await getDb(), { id: user.id, ...requestMetaFor(request, context) }, params.code ?? "", input);
  if (!result) throw new Response("Not Found", { status: 404 });
  if (!result.ok) return data({ values: { ...input }, errors: result.errors as Record<string, string | undefined> }, { status: 400 });
  return redirect(`/admin/sites/${encodeURIComponent(result.code)}?fait=${result.changed ? "enregistre" : "inchange"}`);
}

export default function EditSite() {
  const { site, values, regions, towns } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const location = useLocation();
  const { t, i18n } = useTranslation(["admin-organisation", "admin", "network"]);
  const done = searchParams.get("fait");
  return (
    <>
      <Breadcrumbs items={[{ label: t("sites.title"), to: "/admin/sites" }]} />
      <ErrorSummary errors={summaryItems(t, actionData?.errors, SITE_FIELDS)} />
      {done === "cree" ? <Notice tone="success">{t("sites.created")}</Notice> : null}
      {done === "enregistre" ? <Notice tone="success">{t("sites.saved")}</Notice> : null}
      {done === "inchange" ? <Notice>{t("admin:shared.nothingChanged")}</Notice> : null}
      <PageHeading caption={t("sites.editTitle")}>{site.name}</PageHeading>
      <dl className="summary">
        <div>
          <dt>{t("sites.code.label")}</dt>
          <dd>{site.code}</dd>
        </div>
        <div>
          <dt>{t("sites.status")}</dt>
          <dd>
            <StatusBadge kind="link" status={site.linkStatus} /> {t("network:site.since", { date: formatDateTime(site.linkStatusSince, toLocale(i18n.language)) })}
            <p className="secondary-text">{t("sites.statusHint")}</p>
          </dd>
        </div>
      </dl>
      <Form method="post" noValidate key={location.key}>
        <SiteFields values={actionData?.values ?? { ...values }} errors={actionData?.errors ?? {}} regions={regions} towns={towns} />
        <Button type="submit">{t("sites.save")}</Button>
      </Form>
    </>
  );
}
