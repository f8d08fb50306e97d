import { getFormProps, getInputProps, getTextareaProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MonitoringLostNotice, SiteHoldNotice } from "~/components/network/SiteStatusNotices";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Radios } from "~/components/ui/Radios";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { Table } from "~/components/ui/Table";
import { LINK_STATUSES, type LinkStatus } from "~/domain/constants";
import { displayedLinkStatus, HOLD_CHOICES } from "~/domain/link-combination";
import { UPTIME_PERIODS, type UptimePeriod } from "~/domain/uptime";
import { planMaintenance } from "~/services/maintenance.server";
import {
  maintenanceErrorKeys,
  releaseSiteHold,
  setSiteStatusByOperator,
  setStatusSchema,
  siteDetails,
  siteMaintenanceSchema,
} from "~/services/network-console.server";
import { siteUptimeReport } from "~/services/site-uptime.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { errorSummaryItems, translateErrors } from "~/utils/form-errors";
import { formatDate, formatDateTime, formatNumber } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["network"] };

export const meta = titleFromLoader;

async function findSite(code: string | undefined) {
  const found = code ? await siteDetails(await getDb(), code) : null;
  if (!found) throw new Response("Not Found", { status: 404 });
  return found;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, "operator", context);
  const found = await findSite(params.code);
  const report = await siteUptimeReport(await getDb(), found.site.id, new Date());
  const t = await i18next.getFixedT(request, "network");
  return { title: documentTitle(`${found.site.name} — ${t("console.title")}`), ...found, report };
}

type Intent = "status" | "maintenance" | "release";

const INTENTS: readonly Intent[] = ["status", "maintenance", "release"];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "operator", context);
  const { site } = await findSite(params.code);
  const formData = await readForm(request);
  const intent: Intent = INTENTS.find((i) => i === formData.get("intent")) ?? "status";
  const here = `/reseau/sites/${encodeURIComponent(site.code)}`;
  const db = await getDb();
  const now = new Date();

  if (intent === "release") {
    const { ip, requestId } = requestMetaFor(request, context);
    const released = await releaseSiteHold(db, { siteId: site.id, actorId: user.id, ip, requestId, at: now });
    if (!released.ok) return data({ intent, error: "site.hold.notHeld" }, { status: 409 });
    return redirect(`${here}?libere=1`);
  }

  if (intent === "status") {
    const submission = parseWithZod(formData, { schema: setStatusSchema(now) });
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const { ip, requestId } = requestMetaFor(request, context);
    const { status, note, hold } = submission.value;
    const result = await setSiteStatusByOperator(db, { siteId: site.id, to: status, note, hold, actorId: user.id, ip, requestId, at: now });
    if (!result.ok) {
      const fieldErrors: Record<string, string[]> = result.reason === "hold_past" ? { holdUntil: ["validation.holdUntil.past"] } : { status: ["validation.sameStatus"] };
      return data({ intent, result: submission.reply({ fieldErrors }) }, { status: 400 });
    }
    return redirect(result.from === result.to ? `${here}?tenu=${result.to}` : `${here}?etat=${result.to}`);
  }

  const submission = parseWithZod(formData, { schema: siteMaintenanceSchema(now) });
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const planned = await planMaintenance(db, { siteId: site.id, ...submission.value, actorId: user.id, now });
  if (!planned.ok) return data({ intent, result: submission.reply(maintenanceErrorKeys(planned.errors)) }, { status: 400 });
  return redirect(`${here}?maintenance=planifiee`);
}

function useDuration() {
  const { t } = useTranslation("network");
  return (ms: number) => {
    const minutes = Math.round(ms / 60_000);
    if (minutes < 60) return t("site.duration.minutes", { minutes });
    if (minutes < 24 * 60) return t("site.duration.hours", { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
    return t("site.duration.days", { days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60) });
  };
}

export default function SitePage() {
  const { site, hold, offices, history, report } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("network");
  const locale = toLocale(i18n.language);
  const duration = useDuration();
  const statusLabel = (status: LinkStatus) => t(`status.link.${status}`, { ns: "common" });
  const doneStatus = LINK_STATUSES.find((s) => s === searchParams.get("etat"));
  const heldStatus = LINK_STATUSES.find((s) => s === searchParams.get("tenu"));
  const shown = displayedLinkStatus({ linkStatus: site.linkStatus, monitoringLostAt: site.monitoringLostAt, operatorHeld: hold !== null });
  const releaseError = actionData?.intent === "release" && "error" in actionData ? actionData.error : null;

  const [statusForm, statusFields] = useForm<{ status: string; note: string; hold: string; holdUntil: string }>({
    id: "set-status",
    lastResult: actionData?.intent === "status" && "result" in actionData ? (actionData.result as SubmissionResult<string[]>) : undefined,
  });
  const [maintenanceForm, maintenanceFields] = useForm<{ startsAt: string; endsAt: string; reason: string }>({
    id: "plan-maintenance",
    lastResult: actionData?.intent === "maintenance" && "result" in actionData ? (actionData.result as SubmissionResult<string[]>) : undefined,
  });
  const tr = (key: string) => t(key);
  const summary = [
    ...errorSummaryItems(tr, statusForm.errors, [statusFields.status, statusFields.note, statusFields.hold, statusFields.holdUntil], statusFields.status),
    ...errorSummaryItems(tr, maintenanceForm.errors, [maintenanceFields.startsAt, maintenanceFields.endsAt, maintenanceFields.reason], maintenanceFields.startsAt),
  ];

  return (
    <>
      <Breadcrumbs items={[{ label: t("site.breadcrumb"), to: "/reseau" }]} />
      <ErrorSummary errors={summary} />
      {releaseError ? <Notice tone="error">{t(releaseError)}</Notice> : null}
      {doneStatus ? <Notice tone="success">{t("site.statusSet", { status: statusLabel(doneStatus) })}</Notice> : null}
      {heldStatus ? <Notice tone="success">{t("site.holdSet", { status: statusLabel(heldStatus) })}</Notice> : null}
      {searchParams.get("libere") === "1" ? <Notice tone="success">{t("site.hold.released")}</Notice> : null}
      {searchParams.get("maintenance") === "planifiee" ? <Notice tone="success">{t("site.maintenancePlanned")}</Notice> : null}
      <PageHeading caption={t("site.caption", { code: site.code })}>{site.name}</PageHeading>
      <p>
        {t("site.currentStatus")} : <StatusBadge kind="link" status={shown} />{" "}
        {shown === "unknown" && site.monitoringLostAt
          ? t("site.since", { date: formatDateTime(site.monitoringLostAt, locale) })
          : t("site.since", { date: formatDateTime(site.linkStatusSince, locale) })}
      </p>
      {site.monitoringLostAt ? (
        <MonitoringLostNotice since={site.monitoringLostAt} reason={site.monitoringLostReason} knownStatus={site.linkStatus} held={hold !== null} />
      ) : null}
      {hold ? <SiteHoldNotice hold={hold} /> : null}

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("site.detailsTitle")}</h2>
        <dl className="summary">
          <dt>{t("site.region")}</dt>
          <dd>{site.regionName}</dd>
          <dt>{t("site.town")}</dt>
          <dd>{site.townName}</dd>
          {site.address ? (
            <>
              <dt>{t("site.address")}</dt>
              <dd>{site.address}</dd>
            </>
          ) : null}
          <dt>{t("site.kind")}</dt>
          <dd>{t(`kind.${site.kind}`)}</dd>
          <dt>{t("site.phase")}</dt>
          <dd>{t("site.phaseValue", { phase: site.phase })}</dd>
          <dt>{t("site.capacity")}</dt>
          <dd>{t("site.capacityValue", { value: formatNumber(site.capacityMbps, locale) })}</dd>
          <dt>{t("site.connectedOn")}</dt>
          <dd>{site.connectedOn ? formatDate(site.connectedOn, locale) : t("site.notConnected")}</dd>
          <dt>{t("site.lastHeartbeat")}</dt>
          <dd>{site.lastHeartbeatAt ? formatDateTime(site.lastHeartbeatAt, locale) : t("site.noHeartbeat")}</dd>
        </dl>
      </section>

      <section aria-labelledby="uptime-title">
        <h2 id="uptime-title">{t("site.uptimeTitle")}</h2>
        <p className="secondary-text">{t("site.uptimeHint")}</p>
        <Table
          caption={t("site.uptimeCaption")}
          captionHidden
          columns={[
            { header: t("site.uptimeColumns.period"), cell: (p: UptimePeriod) => t(`site.period.${p}`), rowHeader: true },
            {
              header: t("site.uptimeColumns.ratio"),
              numeric: true,
              cell: (p: UptimePeriod) => {
                const ratio = report.uptime[p].ratio;
                return ratio === null ? t("site.notMeasured") : new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 2 }).format(ratio);
              },
            },
            { header: t("site.uptimeColumns.down"), numeric: true, cell: (p: UptimePeriod) => duration(report.uptime[p].downMs) },
            { header: t("site.uptimeColumns.degraded"), numeric: true, cell: (p: UptimePeriod) => duration(report.uptime[p].degradedMs) },
            { header: t("site.uptimeColumns.maintenance"), numeric: true, cell: (p: UptimePeriod) => duration(report.uptime[p].maintenanceMs) },
          ]}
          rows={Object.keys(UPTIME_PERIODS) as UptimePeriod[]}
          rowKey={(p) => p}
        />
      </section>

      <section aria-labelledby="set-status-title">
        <h2 id="set-status-title">{t("setStatus.title")}</h2>
        <p>{t("setStatus.lead")}</p>
        <Form method="post" {...getFormProps(statusForm)}>
          <input type="hidden" name="intent" value="status" />
          <Radios
            name={statusFields.status.name}
            id={statusFields.status.id}
            legend={t("setStatus.status.legend")}
            options={LINK_STATUSES.map((s) => ({ value: s, label: s === site.linkStatus ? t("setStatus.status.current", { status: statusLabel(s) }) : statusLabel(s) }))}
            defaultValue={statusFields.status.initialValue}
            error={translateErrors(tr, statusFields.status.errors)}
          />
          <Field
            as="textarea"
            label={t("setStatus.note.label")}
            hint={t("setStatus.note.hint")}
            error={translateErrors(tr, statusFields.note.errors)}
            rows={3}
            {...getTextareaProps(statusFields.note)}
          />
          <Radios
            name={statusFields.hold.name}
            id={statusFields.hold.id}
            legend={t("setStatus.hold.legend")}
            hint={t("setStatus.hold.hint")}
            options={HOLD_CHOICES.map((choice) => ({
              value: choice,
              label: choice === "release" ? t("setStatus.hold.release") : choice === "until" ? t("setStatus.hold.until") : t("setStatus.hold.hours", { count: Number(choice) }),
            }))}
            defaultValue={statusFields.hold.initialValue ?? "release"}
            error={translateErrors(tr, statusFields.hold.errors)}
          />
          <Field
            label={t("setStatus.holdUntil.label")}
            hint={t("setStatus.holdUntil.hint")}
            error={translateErrors(tr, statusFields.holdUntil.errors)}
            width={20}
            {...getInputProps(statusFields.holdUntil, { type: "datetime-local" })}
          />
          <Button type="submit">{t("setStatus.submit")}</Button>
        </Form>
      </section>

      <section aria-labelledby="maintenance-title">
        <h2 id="maintenance-title">{t("maintenance.title")}</h2>
        <p>{t("maintenance.lead")}</p>
        <Form method="post" {...getFormProps(maintenanceForm)}>
          <input type="hidden" name="intent" value="maintenance" />
          <Field
            label={t("maintenance.startsAt.label")}
            hint={t("maintenance.startsAt.hint")}
            error={translateErrors(tr, maintenanceFields.startsAt.errors)}
            width={20}
            {...getInputProps(maintenanceFields.startsAt, { type: "datetime-local" })}
          />
          <Field
            label={t("maintenance.endsAt.label")}
            hint={t("maintenance.endsAt.hint")}
            error={translateErrors(tr, maintenanceFields.endsAt.errors)}
            width={20}
            {...getInputProps(maintenanceFields.endsAt, { type: "datetime-local" })}
          />
          <Field
            label={t("maintenance.reason.label")}
            hint={t("maintenance.reason.hint")}
            error={translateErrors(tr, maintenanceFields.reason.errors)}
            {...getInputProps(maintenanceFields.reason, { type: "text" })}
          />
          <Button type="submit" variant="secondary">
            {t("maintenance.submit")}
          </Button>
        </Form>
      </section>

      <section aria-labelledby="incidents-title">
        <h2 id="incidents-title">{t("site.incidentsTitle")}</h2>
        <Table
          caption={t("site.incidentsCaption")}
          captionHidden
          columns={[
            { header: t("site.incidentColumns.from"), cell: (i: (typeof report.incidents)[number]) => formatDateTime(i.from, locale), rowHeader: true },
            { header: t("site.incidentColumns.status"), cell: (i) => <StatusBadge kind="link" status={i.status} /> },
            { header: t("site.incidentColumns.to"), cell: (i) => (i.to ? formatDateTime(i.to, locale) : t("site.ongoing")) },
            { header: t("site.incidentColumns.duration"), numeric: true, cell: (i) => duration(i.durationMs) },
          ]}
          rows={report.incidents}
          rowKey={(i) => String(i.from)}
          empty={t("site.incidentsEmpty")}
        />
      </section>

      <section aria-labelledby="offices-title">
        <h2 id="offices-title">{t("site.officesTitle")}</h2>
        <Table
          caption={t("site.officesCaption")}
          captionHidden
          columns={[
            { header: t("site.officeColumns.name"), cell: (o: (typeof offices)[number]) => o.name, rowHeader: true },
            { header: t("site.officeColumns.agency"), cell: (o) => (locale === "en" ? o.agencyNameEn : o.agencyNameFr) },
            { header: t("site.officeColumns.online"), cell: (o) => (o.acceptsOnline ? t("site.yes") : t("site.no")) },
          ]}
          rows={offices}
          rowKey={(o) => o.code}
          empty={t("site.officesEmpty")}
        />
      </section>

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("site.historyTitle")}</h2>
        <Table
          caption={t("site.historyCaption", { count: history.length })}
          captionHidden
          columns={[
            { header: t("site.historyColumns.at"), cell: (h: (typeof history)[number]) => formatDateTime(h.at, locale), rowHeader: true },
            {
              header: t("site.historyColumns.change"),
              cell: (h) =>
                h.kind === "gap"
                  ? t("site.gap.change", { end: h.endedAt ? t("site.gap.until", { date: formatDateTime(h.endedAt, locale) }) : t("site.gap.ongoing") })
                  : h.fromStatus
                    ? t("site.transition", { from: statusLabel(h.fromStatus), to: statusLabel(h.toStatus) })
                    : t("site.initial", { to: statusLabel(h.toStatus) }),
            },
            {
              header: t("site.historyColumns.source"),
              cell: (h) =>
                h.kind === "gap" ? (
                  t("site.gap.source")
                ) : (
                  <>
                    {t(`source.${h.source}`)}
                    {h.rule ? <span className="secondary-text"> — {t("site.rule.label", { rule: t(`site.rule.${h.rule}`) })}</span> : null}
                  </>
                ),
            },
            {
              header: t("site.historyColumns.note"),
              cell: (h) =>
                h.kind === "gap"
                  ? t("site.gap.note", { cause: t(`site.monitoring.cause.${h.reason}`), status: statusLabel(h.knownStatus) })
                  : (h.note ?? ""),
            },
            { header: t("site.historyColumns.actor"), cell: (h) => (h.kind === "change" && h.actorName ? h.actorName : t("site.noActor")) },
          ]}
          rows={history}
          rowKey={(h) => `${h.kind}-${h.id}`}
          empty={t("site.historyEmpty")}
        />
      </section>
    </>
  );
}
