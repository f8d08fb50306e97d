import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { TFunction } from "i18next";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import chartsCss from "~/components/charts/charts.css?url";
import { HorizontalBarChart } from "~/components/charts/HorizontalBarChart";
import { TimeSeriesChart } from "~/components/charts/TimeSeriesChart";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table } from "~/components/ui/Table";
import type { Locale } from "~/domain/constants";
import { defaultPeriod, MAX_PERIOD_DAYS, msToDays, msToHours, periodDays, typedDay, type Period } from "~/domain/statistics";
import { loadStatisticsRequest } from "~/services/statistics-request.server";
import type { ProcedureFigures } from "~/services/statistics.server";
import { formatDate, formatNumber } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["statistics"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: chartsCss }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const loaded = await loadStatisticsRequest(request, locale, context);
  const t = await i18next.getFixedT(request, ["statistics", "common"]);
  const title = loaded.period.ok ? t("title") : `${t("common:field.errorPrefix")} ${t("title")}`;
  return { ...loaded, defaults: defaultPeriod(new Date()), title: documentTitle(title) };
}

const INTL: Record<Locale, string> = { fr: "fr-TG", en: "en-GB" };

/** Days with one decimal ("5,5 jours"), or the dash of "nothing decided". */
function days(t: TFunction, ms: number | null, locale: Locale): string {
  const value = msToDays(ms);
  if (value === null) return t("none");
  const rounded = Math.round(value * 10) / 10;
  return t("days", { count: rounded, value: new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 1 }).format(rounded) });
}

function hours(t: TFunction, ms: number, locale: Locale): string {
  return t("hours", { value: new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 1 }).format(Math.round(msToHours(ms) * 10) / 10) });
}

function percent(t: TFunction, share: number | null, locale: Locale): string {
  return share === null ? t("none") : new Intl.NumberFormat(INTL[locale], { style: "percent", maximumFractionDigits: 0 }).format(share);
}

function periodText(t: TFunction, period: Period, locale: Locale): string {
  return t("period", { from: formatDate(period.from, locale), to: formatDate(period.to, locale), count: periodDays(period) });
}

/** "du 1 octobre 2026 au 31 octobre 2026", inside a sentence. */
function inlinePeriod(t: TFunction, period: Period, locale: Locale): string {
  return t("periodInline", { from: formatDate(period.from, locale), to: formatDate(period.to, locale) });
}

export default function Statistics() {
  const { offices, office, raw, period, stats, defaults } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("statistics");
  const locale = toLocale(i18n.language);
  const errors = period.ok
    ? []
    : (["from", "to"] as const).flatMap((field) => {
        const code = period.errors[field];
        return code ? [{ id: field, message: t(`form.errors.${field}.${code}`, { max: MAX_PERIOD_DAYS }) }] : [];
      });
  const shown = period.ok ? period.period : null;
  const query = new URLSearchParams({ bureau: office.code, ...(shown ? { from: shown.from, to: shown.to } : {}) });

  return (
    <>
      <ErrorSummary errors={errors} />
      <PageHeading caption={office.name} lead={t("lead")}>
        {t("title")}
      </PageHeading>

      <section aria-labelledby="period-title">
        <h2 id="period-title">{t("form.title")}</h2>
        <Form method="get" action="/agent/statistiques">
          {offices.length > 1 ? (
            <Field as="select" label={t("form.office")} id="bureau" name="bureau" defaultValue={office.code}>
              {offices.map((o) => (
                <option key={o.code} value={o.code}>
                  {o.name}
                </option>
              ))}
            </Field>
          ) : (
            <input type="hidden" name="bureau" value={office.code} />
          )}
          <Field
            label={t("form.from")}
            hint={t("form.fromHint", { example: typedDay(shown?.from ?? defaults.from) })}
            id="from"
            name="from"
            width={10}
            autoComplete="off"
            spellCheck={false}
            defaultValue={raw.from || (shown ? typedDay(shown.from) : "")}
            error={errors.find((e) => e.id === "from")?.message}
          />
          <Field
            label={t("form.to")}
            hint={t("form.toHint", { example: typedDay(shown?.to ?? defaults.to) })}
            id="to"
            name="to"
            width={10}
            autoComplete="off"
            spellCheck={false}
            defaultValue={raw.to || (shown ? typedDay(shown.to) : "")}
            error={errors.find((e) => e.id === "to")?.message}
          />
          <Button type="submit">{t("form.submit")}</Button>
        </Form>
      </section>

      {stats ? (
        <>
          <p className="lead">{periodText(t, stats.period, locale)}</p>
          <section aria-labelledby="summary-title">
            <h2 id="summary-title">{t("summary.title")}</h2>
            <dl className="summary">
              {(
                [
                  ["received", formatNumber(stats.total.received, locale)],
                  ["decided", formatNumber(stats.total.decided, locale)],
                  ["inProgress", formatNumber(stats.total.inProgress, locale)],
                  ["median", days(t, stats.total.medianMs, locale)],
                  ["p90", days(t, stats.total.p90Ms, locale)],
                  ["withinTarget", percent(t, stats.total.shareWithinTarget, locale)],
                  ["outages", hours(t, stats.outages.totalMs, locale)],
                ] as const
              ).map(([key, value]) => (
                <Fragment key={key}>
                  <dt>{t(`summary.${key}`)}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
            </dl>
            <p>
              <Link to={`/agent/statistiques.csv?${query}`} reloadDocument download>
                {t("export.link")}
              </Link>
              <br />
              <span className="secondary-text">{t("export.hint")}</span>
            </p>
          </section>

          <ByProcedure procedures={stats.procedures} total={stats.total} period={stats.period} locale={locale} />
          <ByWeek weeks={stats.weeks} period={stats.period} locale={locale} />

          <section aria-labelledby="outages-title">
            <h2 id="outages-title">{t("outages.title")}</h2>
            <p>
              {stats.outages.count === 0
                ? t("outages.none")
                : t("outages.text", {
                    count: stats.outages.count,
                    duration: hours(t, stats.outages.totalMs, locale),
                    down: hours(t, stats.outages.downMs, locale),
                    maintenance: hours(t, stats.outages.maintenanceMs, locale),
                  })}
            </p>
          </section>

          <section aria-labelledby="definitions-title">
            <h2 id="definitions-title">{t("definitions.title")}</h2>
            <ul className="list list--bullet list--spaced">
              {(["received", "decided", "inProgress", "processing", "withinTarget", "outages", "days"] as const).map((key) => (
                <li key={key}>{t(`definitions.items.${key}`)}</li>
              ))}
            </ul>
          </section>
        </>
      ) : null}
    </>
  );
}

function ByProcedure({ procedures, total, period, locale }: { procedures: ProcedureFigures[]; total: ProcedureFigures; period: Period; locale: Locale }) {
  const { t } = useTranslation("statistics");
  const range = inlinePeriod(t, period, locale);
  const rows = [...procedures, { ...total, title: t("byProcedure.all") }];
  return (
    <section aria-labelledby="by-procedure-title">
      <h2 id="by-procedure-title">{t("byProcedure.title")}</h2>
      {procedures.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <>
          <HorizontalBarChart
            title={t("byProcedure.chartTitle")}
            description={t("byProcedure.chartDescription", { period: range })}
            series={[t("byProcedure.series.received"), t("byProcedure.series.decided")]}
            groups={procedures.map((p) => ({ label: p.title, values: [p.received, p.decided] }))}
            valueText={(index, value) =>
              t(index === 0 ? "byProcedure.valueReceived" : "byProcedure.valueDecided", { count: value, value: formatNumber(value, locale) })
            }
          />
          <Table<ProcedureFigures>
            caption={t("byProcedure.caption")}
            columns={[
              { header: t("byProcedure.columns.procedure"), cell: (row) => row.title, rowHeader: true },
              { header: t("byProcedure.columns.received"), cell: (row) => formatNumber(row.received, locale), numeric: true },
              { header: t("byProcedure.columns.decided"), cell: (row) => formatNumber(row.decided, locale), numeric: true },
              { header: t("byProcedure.columns.inProgress"), cell: (row) => formatNumber(row.inProgress, locale), numeric: true },
              { header: t("byProcedure.columns.median"), cell: (row) => days(t, row.medianMs, locale), numeric: true },
              { header: t("byProcedure.columns.p90"), cell: (row) => days(t, row.p90Ms, locale), numeric: true },
              { header: t("byProcedure.columns.withinTarget"), cell: (row) => percent(t, row.shareWithinTarget, locale), numeric: true },
            ]}
            rows={rows}
            rowKey={(row) => row.procedureId ?? "all"}
          />
          <p className="secondary-text">{t("noneExplained")}</p>
        </>
      )}
    </section>
  );
}

function ByWeek({ weeks, period, locale }: { weeks: { key: string; from: string; to: string; received: number; decided: number }[]; period: Period; locale: Locale }) {
  const { t } = useTranslation("statistics");
  const short = new Intl.DateTimeFormat(INTL[locale], { day: "2-digit", month: "2-digit", timeZone: "UTC" });
  return (
    <section aria-labelledby="by-week-title">
      <h2 id="by-week-title">{t("byWeek.title")}</h2>
      <TimeSeriesChart
        title={t("byWeek.chartTitle")}
        description={t("byWeek.chartDescription", { period: inlinePeriod(t, period, locale) })}
        series={[t("byProcedure.series.received"), t("byProcedure.series.decided")]}
        points={weeks.map((w) => ({ label: short.format(new Date(`${w.from}T00:00:00Z`)), values: [w.received, w.decided] }))}
        formatNumber={(value) => formatNumber(value, locale)}
      />
      <Table
        caption={t("byWeek.caption")}
        columns={[
          {
            header: t("byWeek.columns.week"),
            cell: (w: (typeof weeks)[number]) => t("byWeek.week", { from: formatDate(w.from, locale, "short"), to: formatDate(w.to, locale, "short") }),
            rowHeader: true,
          },
          { header: t("byWeek.columns.received"), cell: (w) => formatNumber(w.received, locale), numeric: true },
          { header: t("byWeek.columns.decided"), cell: (w) => formatNumber(w.decided, locale), numeric: true },
        ]}
        rows={weeks}
        rowKey={(w) => w.key}
      />
    </section>
  );
}
