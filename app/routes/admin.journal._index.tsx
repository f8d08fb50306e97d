import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import auditStyles from "~/components/admin/audit.css?url";
import { AuditDetails } from "~/components/admin/AuditDetails";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table } from "~/components/ui/Table";
import { actionFamilies, actionLabelKey, auditFilterQuery, AUDIT_CSV_MAX_ROWS, AUDIT_OUTCOMES, parseAuditFilters } from "~/domain/audit-log";
import { auditFilterChoices, listAuditEntries } from "~/services/admin/audit-log.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["admin", "admin-audit"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: auditStyles }];

const cursor = (value: string | null) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : null;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const db = await getDb();
  const params = new URL(request.url).searchParams;
  const { filters, values, problems } = parseAuditFilters(params);
  const [page, choices] = await Promise.all([
    listAuditEntries(db, {
      filters,
      after: cursor(params.get("apres")),
      before: cursor(params.get("avant")),
    }),
    auditFilterChoices(db),
  ]);
  const t = await i18next.getFixedT(request, "admin-audit");
  return {
    title: documentTitle(t("journal.title")),
    values,
    problems,
    query: auditFilterQuery(values).toString(),
    actions: choices.actions,
    targetTypes: choices.targetTypes,
    older: page.older,
    newer: page.newer,
    entries: page.entries.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

export default function AuditJournal() {
  const { values, problems, query, actions, targetTypes, older, newer, entries } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin-audit");
  const locale = toLocale(i18n.language);
  const actionLabel = (action: string) => t(actionLabelKey(action), { defaultValue: action });
  const familyLabel = (family: string) => t(`families.${family.slice(0, -2)}`, { defaultValue: family });
  const targetLabel = (type: string) => t(`targetTypes.${type}`, { defaultValue: type });
  const families = actionFamilies(actions);
  const link = (extra: string) => `/admin/journal?${[query, extra].filter(Boolean).join("&")}`;

  type Row = (typeof entries)[number];
  const columns = [
    {
      header: t("journal.columns.at"),
      cell: (r: Row) => formatDateTime(r.at, locale),
      rowHeader: true,
    },
    {
      header: t("journal.columns.actor"),
      cell: (r: Row) => r.actorName ?? (r.actorId ? t("journal.deletedUser") : r.ip ? t("journal.anonymous") : t("journal.system")),
    },
    {
      header: t("journal.columns.action"),
      cell: (r: Row) => (
        <>
          {actionLabel(r.action)}
          <br />
          <code className="secondary-text">{r.action}</code>
        </>
      ),
    },
    {
      header: t("journal.columns.outcome"),
      cell: (r: Row) => t(`outcomes.${r.outcome}`),
    },
    {
      header: t("journal.columns.target"),
      cell: (r: Row) => (r.targetType ? `${targetLabel(r.targetType)} ${r.targetId ?? ""}` : "—"),
    },
    { header: t("journal.columns.ip"), cell: (r: Row) => r.ip ?? "—" },
    {
      header: t("journal.columns.details"),
      cell: (r: Row) => <AuditDetails details={r.details} />,
    },
  ];

  return (
    <div className="admin-audit">
      <PageHeading lead={t("journal.lead")}>{t("journal.title")}</PageHeading>
      {problems.length > 0 ? (
        <Notice tone="warning" title={t("journal.ignored")}>
          <ul className="list list--bullet">
            {problems.map((p) => (
              <li key={p}>{t(`journal.problems.${p}`)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}

      <section aria-labelledby="journal-filters">
        <h2 id="journal-filters">{t("journal.filtersTitle")}</h2>
        <Form method="get">
          <div className="admin-grid">
            <Field name="acteur" label={t("journal.actor.label")} hint={t("journal.actor.hint")} defaultValue={values.actor} optional />
            <Field as="select" name="action" label={t("journal.action.label")} defaultValue={values.action}>
              <option value="">{t("journal.action.all")}</option>
              <optgroup label={t("journal.action.families")}>
                {families.map((f) => (
                  <option key={f} value={f}>
                    {familyLabel(f)}
                  </option>
                ))}
              </optgroup>
              <optgroup label={t("journal.action.exact")}>
                {actions.map((a) => (
                  <option key={a} value={a}>
                    {actionLabel(a)}
                  </option>
                ))}
              </optgroup>
            </Field>
            <Field as="select" name="resultat" label={t("journal.outcome.label")} defaultValue={values.outcome}>
              <option value="">{t("journal.outcome.all")}</option>
              {AUDIT_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {t(`outcomes.${o}`)}
                </option>
              ))}
            </Field>
            <Field as="select" name="cible" label={t("journal.targetType.label")} defaultValue={values.targetType}>
              <option value="">{t("journal.targetType.all")}</option>
              {targetTypes.map((type) => (
                <option key={type} value={type}>
                  {targetLabel(type)}
                </option>
              ))}
            </Field>
            <Field name="identifiant" label={t("journal.targetId.label")} hint={t("journal.targetId.hint")} defaultValue={values.targetId} optional />
            <Field name="du" label={t("journal.from.label")} hint={t("journal.from.hint")} defaultValue={values.from} inputMode="numeric" width={10} optional />
            <Field name="au" label={t("journal.to.label")} hint={t("journal.to.hint")} defaultValue={values.to} inputMode="numeric" width={10} optional />
          </div>
          <div className="admin-actions">
            <Button type="submit">{t("journal.apply")}</Button>
            <Link to="/admin/journal">{t("journal.reset")}</Link>
          </div>
        </Form>
        <p>
          <a href={`/admin/journal.csv${query ? `?${query}` : ""}`} download>
            {t("journal.download")}
          </a>{" "}
          <span className="secondary-text">
            {t("journal.downloadHint", {
              max: formatNumber(AUDIT_CSV_MAX_ROWS, locale),
            })}
          </span>
        </p>
      </section>

      <Table<Row> caption={t("journal.caption")} columns={columns} rows={entries} rowKey={(r) => r.id} empty={t("journal.empty")} />

      {newer || older ? (
        <nav aria-label={t("journal.paging")} className="admin-actions">
          {newer ? <Link to={link(`avant=${newer}`)}>{t("journal.newer")}</Link> : null}
          {older ? <Link to={link(`apres=${older}`)}>{t("journal.older")}</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
