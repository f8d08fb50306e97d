import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import procedureStyles from "~/components/admin/admin-procedures.css?url";
import { problemLink, problemMessage } from "~/components/admin/problems";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table } from "~/components/ui/Table";
import { findProcedure } from "~/services/admin/procedures.server";
import { closeProcedure, discardWorkingForm, listVersions, loadWorkingForm, publishProcedure, type PublishProblem, type VersionSummary } from "~/services/admin/procedure-versions.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { idParam } from "~/utils/http";
import { formatDateTime, formatFcfa, formatNumber } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-procedures", "catalogue"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: procedureStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const id = idParam(params.id);
  const db = await getDb();
  const [found, form, versions] = await Promise.all([findProcedure(db, id), loadWorkingForm(db, id), listVersions(db, id)]);
  if (!found || !form) throw new Response("Not Found", { status: 404 });
  return { title: documentTitle(found.procedure.titleFr), procedure: found.procedure, agencyName: found.agencyName, form, versions };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const id = idParam(params.id);
  const actor = { id: user.id, ...requestMetaFor(request, context) };
  const db = await getDb();
  const intent = (await readForm(request)).get("intent");
  if (intent === "publish") {
    const result = await publishProcedure(db, { procedureId: id, actor });
    if (result.ok) return redirect(`/admin/demarches/${id}?fait=publiee&version=${result.version}`);
    if ("notFound" in result) throw new Response("Not Found", { status: 404 });
    return data({ problems: result.problems as PublishProblem[], refusal: null }, { status: 400 });
  }
  if (intent === "close") {
    const result = await closeProcedure(db, { procedureId: id, actor });
    if (result.ok) return redirect(`/admin/demarches/${id}?fait=fermee`);
    return data({ problems: [] as PublishProblem[], refusal: "overview.closeRefused" }, { status: 400 });
  }
  if (intent === "discard") {
    if (await discardWorkingForm(db, { procedureId: id, actor })) return redirect(`/admin/demarches/${id}?fait=abandonnees`);
    return data({ problems: [] as PublishProblem[], refusal: "overview.discardRefused" }, { status: 400 });
  }
  throw new Response("Bad Request", { status: 400 });
}

const NOTICES: Record<string, string> = { creee: "overview.created", enregistree: "overview.saved", inchangee: "overview.unchanged", fermee: "overview.closed", abandonnees: "overview.discarded" };

export default function ProcedureOverview() {
  const { procedure: p, agencyName, form, versions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("admin-procedures");
  const locale = toLocale(i18n.language);
  const base = `/admin/demarches/${p.id}`;
  const done = searchParams.get("fait");
  const confirm = searchParams.get("confirmer");
  const days = (count: number) => t("overview.days", { count });
  const problems = actionData?.problems ?? [];
  const details: [string, string][] = [
    [t("overview.slug"), `/demarches/${p.slug}`],
    [t("overview.titleEn"), p.titleEn],
    [t("overview.summaryFr"), p.summaryFr],
    [t("overview.eligibilityFr"), p.eligibilityFr],
    [t("overview.category"), t(`categories.${p.category}`, { ns: "catalogue" })],
    [t("overview.agency"), agencyName],
    [t("overview.fee"), p.feeXof === 0 ? t("overview.free") : formatFcfa(p.feeXof, locale)],
    [t("overview.delay"), days(p.targetDelayDays)],
    [t("overview.expiry"), days(p.infoRequestExpiryDays)],
    [t("overview.delivery"), t(`delivery.${p.delivery}`)],
    [t("overview.keywords"), p.keywords || t("overview.noKeywords")],
  ];
  return (
    <>
      <Breadcrumbs items={[{ label: t("breadcrumb"), to: "/admin/demarches" }]} />
      {problems.length > 0 ? (
        // eslint-disable-next-line jsx-a11y/no-autofocus -- read out first, as the error summary of a form (GOV.UK pattern)
        <div className="error-summary" role="alert" aria-labelledby="publish-problems-title" tabIndex={-1} autoFocus>
          <h2 className="error-summary__title" id="publish-problems-title">
            {t("overview.problemsTitle")}
          </h2>
          <p>{t("overview.problemsLead")}</p>
          <ul className="error-summary__list">
            {problems.map((problem, index) => (
              <li key={`${problem.code}-${index}`}>
                <Link to={problemLink(p.id, problem)}>{problemMessage(t, problem)}</Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {actionData?.refusal ? <Notice tone="error">{t(actionData.refusal)}</Notice> : null}
      {done === "publiee" ? <Notice tone="success">{t("overview.published", { version: searchParams.get("version") ?? "" })}</Notice> : null}
      {done && NOTICES[done] ? <Notice tone="success">{t(NOTICES[done])}</Notice> : null}
      <PageHeading caption={t("overview.caption")}>{p.titleFr}</PageHeading>
      <p>
        {t("overview.statusLabel")} :{" "}
        <strong className="admin-status" data-status={p.status}>
          {t(`status.${p.status}`)}
        </strong>
      </p>

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">{t("overview.actionsTitle")}</h2>
        <p>{form.hasUnpublishedChanges ? t("overview.formPending", { version: form.version }) : form.publishedVersion === null ? t("overview.formNone") : t("overview.formPublished", { version: form.publishedVersion })}</p>
        {confirm === "fermer" && p.status === "published" ? (
          <Notice tone="warning" title={t("overview.confirmCloseTitle")}>
            <p>{t("overview.confirmCloseText")}</p>
            <Form method="post" action={base} className="admin-actions">
              <input type="hidden" name="intent" value="close" />
              <Button type="submit" variant="warning">
                {t("overview.confirmClose")}
              </Button>
              <Link to={base}>{t("overview.keep")}</Link>
            </Form>
          </Notice>
        ) : null}
        {confirm === "abandonner" && form.hasUnpublishedChanges ? (
          <Notice tone="warning" title={t("overview.confirmDiscardTitle")}>
            <p>{t("overview.confirmDiscardText", { version: form.version })}</p>
            <Form method="post" action={base} className="admin-actions">
              <input type="hidden" name="intent" value="discard" />
              <Button type="submit" variant="warning">
                {t("overview.confirmDiscard")}
              </Button>
              <Link to={base}>{t("overview.keep")}</Link>
            </Form>
          </Notice>
        ) : null}
        <p className="secondary-text">{t("overview.publishHint")}</p>
        <div className="admin-actions">
          <Form method="post" action={base}>
            <input type="hidden" name="intent" value="publish" />
            <Button type="submit">{t("overview.publish")}</Button>
          </Form>
          {p.status === "published" ? (
            <Form method="get" action={base}>
              <input type="hidden" name="confirmer" value="fermer" />
              <Button type="submit" variant="warning">
                {t("overview.close")}
              </Button>
            </Form>
          ) : null}
          {form.hasUnpublishedChanges ? (
            <Form method="get" action={base}>
              <input type="hidden" name="confirmer" value="abandonner" />
              <Button type="submit" variant="secondary">
                {t("overview.discard")}
              </Button>
            </Form>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="form-title">
        <h2 id="form-title">{t("overview.formTitle")}</h2>
        <ul className="list--plain list--spaced">
          <li>
            <Link to={`${base}/formulaire`}>{t("overview.editForm")}</Link>
          </li>
          <li>
            <Link to={`${base}/apercu`}>{t("overview.previewForm")}</Link>
          </li>
        </ul>
        <h3>{t("overview.versionsTitle")}</h3>
        <Table<VersionSummary>
          caption={t("overview.versionsCaption")}
          captionHidden
          columns={[
            { header: t("overview.versionColumns.version"), cell: (v) => t("overview.versionLabel", { version: v.version }), rowHeader: true },
            { header: t("overview.versionColumns.publishedAt"), cell: (v) => (v.publishedAt ? formatDateTime(v.publishedAt, locale) : t("overview.notPublished")) },
            { header: t("overview.versionColumns.by"), cell: (v) => v.createdByName ?? t("overview.unknownAuthor") },
            { header: t("overview.versionColumns.cases"), cell: (v) => formatNumber(v.caseCount, locale), numeric: true },
          ]}
          rows={versions}
          rowKey={(v) => v.version}
          empty={t("overview.versionsEmpty")}
        />
      </section>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t("overview.detailsTitle")}</h2>
        <dl className="summary">
          {details.map(([term, value]) => (
            <Fragment key={term}>
              <dt>{term}</dt>
              <dd className="admin-procedures__value">{value}</dd>
            </Fragment>
          ))}
        </dl>
        <p>
          <Link to={`${base}/modifier`}>{t("overview.editDetails")}</Link>
        </p>
      </section>

      <section aria-labelledby="documents-title">
        <h2 id="documents-title">{t("overview.documentsTitle")}</h2>
        {p.requiredDocuments.length === 0 ? (
          <p>{t("overview.noDocuments")}</p>
        ) : (
          <ul className="list list--bullet">
            {p.requiredDocuments.map((document) => (
              <li key={document.code}>
                {document.label.fr} <span className="secondary-text">({document.code})</span>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to={`${base}/pieces`}>
            {t("overview.editDocuments")}
          </Link>
        </p>
      </section>
    </>
  );
}
