import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table } from "~/components/ui/Table";
import { cancelMaintenance, listMaintenance, planMaintenance } from "~/services/maintenance.server";
import { maintenanceErrorKeys, regionMaintenanceSchema, siteFilterOptions } from "~/services/network-console.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { errorSummaryItems, translateErrors } from "~/utils/form-errors";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";
import { integerOrNull } from "~/domain/input";

export const handle = { i18n: ["network"] };

export const meta = titleFromLoader;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "operator", context);
  const db = await getDb();
  const now = new Date();
  const [windows, regions] = await Promise.all([listMaintenance(db, { now, limit: 200 }), siteFilterOptions(db)]);
  const t = await i18next.getFixedT(request, "network");
  return {
    title: documentTitle(t("maintenances.title")),
    current: windows.filter((w) => w.state === "current"),
    upcoming: windows.filter((w) => w.state === "upcoming"),
    regions: regions.map(({ code, name }) => ({ code, name })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "operator", context);
  const formData = await readForm(request);
  const db = await getDb();
  const now = new Date();

  if (formData.get("intent") === "cancel") {
    const windowId = integerOrNull(String(formData.get("windowId") ?? ""));
    const result = windowId !== null ? await cancelMaintenance(db, { windowId, actorId: user.id, now }) : { ok: false as const };
    if (!result.ok) return data({ intent: "cancel" as const, cancelError: "validation.cancelRefused", result: undefined }, { status: 400 });
    return redirect("/reseau/maintenances?fait=annulee");
  }

  const submission = parseWithZod(formData, { schema: regionMaintenanceSchema(now) });
  if (submission.status !== "success") return data({ intent: "plan" as const, cancelError: undefined, result: submission.reply() }, { status: 400 });
  const { region, ...window } = submission.value;
  const planned = await planMaintenance(db, { regionCode: region, ...window, actorId: user.id, now });
  if (!planned.ok) return data({ intent: "plan" as const, cancelError: undefined, result: submission.reply(maintenanceErrorKeys(planned.errors)) }, { status: 400 });
  return redirect("/reseau/maintenances?fait=planifiee");
}

export default function Maintenances() {
  const { current, upcoming, regions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("network");
  const locale = toLocale(i18n.language);
  const tr = (key: string) => t(key);
  const [form, fields] = useForm<{ region: string; startsAt: string; endsAt: string; reason: string }>({
    id: "plan-region-maintenance",
    lastResult: actionData?.result as SubmissionResult<string[]> | undefined,
  });
  const summary = [
    ...(actionData?.cancelError ? [{ message: t(actionData.cancelError) }] : []),
    ...errorSummaryItems(tr, form.errors, [fields.region, fields.startsAt, fields.endsAt, fields.reason], fields.region),
  ];
  const done = searchParams.get("fait");

  type Row = (typeof current)[number];
  const scope = (w: Row) =>
    w.siteCode ? <Link to={`/reseau/sites/${encodeURIComponent(w.siteCode)}`}>{w.siteName}</Link> : t("maintenances.regionScope", { name: w.regionName });
  const scopeText = (w: Row) => w.siteName ?? t("maintenances.regionScope", { name: w.regionName });
  const columns = [
    { header: t("maintenances.columns.scope"), cell: scope, rowHeader: true },
    { header: t("maintenances.columns.from"), cell: (w: Row) => formatDateTime(w.startsAt, locale) },
    { header: t("maintenances.columns.to"), cell: (w: Row) => formatDateTime(w.endsAt, locale) },
    { header: t("maintenances.columns.reason"), cell: (w: Row) => w.reason },
    {
      header: t("maintenances.columns.action"),
      cell: (w: Row) => (
        <Form method="post">
          <input type="hidden" name="intent" value="cancel" />
          <input type="hidden" name="windowId" value={w.id} />
          <Button
            type="submit"
            variant="warning"
            aria-label={t("maintenances.cancelFor", { scope: scopeText(w), from: formatDateTime(w.startsAt, locale) })}
          >
            {t("maintenances.cancel")}
          </Button>
        </Form>
      ),
    },
  ];

  return (
    <>
      <Breadcrumbs items={[{ label: t("site.breadcrumb"), to: "/reseau" }]} />
      <ErrorSummary errors={summary} />
      {done === "annulee" ? <Notice tone="success">{t("maintenances.cancelled")}</Notice> : null}
      {done === "planifiee" ? <Notice tone="success">{t("maintenances.planned")}</Notice> : null}
      <PageHeading lead={t("maintenances.lead")}>{t("maintenances.title")}</PageHeading>

      <section aria-labelledby="current-title">
        <h2 id="current-title">{t("maintenances.currentTitle")}</h2>
        <Table<Row> caption={t("maintenances.currentCaption")} captionHidden columns={columns} rows={current} rowKey={(w) => w.id} empty={t("maintenances.currentEmpty")} />
      </section>

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("maintenances.plannedTitle")}</h2>
        <Table<Row> caption={t("maintenances.plannedCaption")} captionHidden columns={columns} rows={upcoming} rowKey={(w) => w.id} empty={t("maintenances.plannedEmpty")} />
      </section>

      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t("maintenances.regionFormTitle")}</h2>
        <p>{t("maintenance.lead")}</p>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="plan" />
          <Field
            as="select"
            label={t("maintenance.region.label")}
            hint={t("maintenance.region.hint")}
            error={translateErrors(tr, fields.region.errors)}
            {...getSelectProps(fields.region)}
          >
            <option value="">{t("maintenance.region.choose")}</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </Field>
          <Field
            label={t("maintenance.startsAt.label")}
            hint={t("maintenance.startsAt.hint")}
            error={translateErrors(tr, fields.startsAt.errors)}
            width={20}
            {...getInputProps(fields.startsAt, { type: "datetime-local" })}
          />
          <Field
            label={t("maintenance.endsAt.label")}
            hint={t("maintenance.endsAt.hint")}
            error={translateErrors(tr, fields.endsAt.errors)}
            width={20}
            {...getInputProps(fields.endsAt, { type: "datetime-local" })}
          />
          <Field
            label={t("maintenance.reason.label")}
            hint={t("maintenance.reason.hint")}
            error={translateErrors(tr, fields.reason.errors)}
            {...getInputProps(fields.reason, { type: "text" })}
          />
          <Button type="submit">{t("maintenance.submitRegion")}</Button>
        </Form>
      </section>
    </>
  );
}
