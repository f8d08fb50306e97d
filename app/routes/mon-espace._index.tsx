import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { nextAction } from "~/domain/case-view";
import { parseReference } from "~/domain/reference";
import { listMyCases, type MyCaseRow } from "~/services/citizen-cases.server";
import { countUnread } from "~/services/notification-center.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["myspace"] };

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "myspace");
  const [lists, unread] = await Promise.all([listMyCases(db, user.id), countUnread(db, user.id)]);
  const view = (row: MyCaseRow) => {
    const action = nextAction({ status: row.status, delivery: row.delivery, infoDueAt: row.infoDueAt, updatedAt: row.updatedAt });
    return {
      reference: row.reference,
      status: row.status,
      procedure: locale === "en" ? row.procedureTitleEn : row.procedureTitleFr,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      dueAt: row.dueAt?.toISOString() ?? null,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
      expiresAt: row.expiresAt?.toISOString() ?? null,
      nextAction: action ? { key: action.key, date: "date" in action && action.date ? action.date.toISOString() : null } : null,
    };
  };
  // "Enregistrer et reprendre plus tard" comes back here with ?enregistre=REF (one of his drafts).
  const saved = parseReference(new URL(request.url).searchParams.get("enregistre") ?? "");
  return {
    title: documentTitle(t("home.title")),
    fullName: user.fullName,
    savedReference: saved && lists.drafts.some((d) => d.reference === saved) ? saved : null,
    unread,
    drafts: lists.drafts.map(view),
    inProgress: lists.inProgress.map(view),
    finished: lists.finished.map(view),
  };
}

type CaseItem = ReturnType<typeof useLoaderData<typeof loader>>["drafts"][number];

function CaseCard({ item, kind }: { item: CaseItem; kind: "draft" | "in_progress" | "finished" }) {
  const { t, i18n } = useTranslation("myspace");
  const locale = toLocale(i18n.language);
  const href = kind === "draft" ? `/mon-espace/dossiers/${item.reference}/formulaire` : `/mon-espace/dossiers/${item.reference}`;
  return (
    <li className="card">
      <h3 className="card__title">
        <Link to={href}>{item.procedure}</Link>
      </h3>
      <dl className="summary">
        <dt>{t("home.reference")}</dt>
        <dd>{item.reference}</dd>
        {kind === "draft" ? (
          <>
            <dt>{t("home.lastSaved")}</dt>
            <dd>{formatDateTime(item.updatedAt, locale)}</dd>
            <dt>{t("home.expires")}</dt>
            <dd>{item.expiresAt ? formatDate(item.expiresAt, locale) : null}</dd>
          </>
        ) : (
          <>
            <dt>{t("home.status")}</dt>
            <dd>
              <StatusBadge kind="case" status={item.status} />
            </dd>
            {kind === "in_progress" && item.dueAt ? (
              <>
                <dt>{t("home.expected")}</dt>
                <dd>{formatDate(item.dueAt, locale)}</dd>
              </>
            ) : null}
            {kind === "finished" && item.decidedAt ? (
              <>
                <dt>{t("home.decidedAt")}</dt>
                <dd>{formatDate(item.decidedAt, locale)}</dd>
              </>
            ) : null}
            {item.nextAction ? (
              <>
                <dt>{t("home.nextAction")}</dt>
                <dd>
                  <strong>
                    {t(`nextAction.${item.nextAction.key}${item.nextAction.date ? "_date" : ""}`, {
                      date: item.nextAction.date ? formatDate(item.nextAction.date, locale) : "",
                    })}
                  </strong>
                </dd>
              </>
            ) : null}
          </>
        )}
      </dl>
      {kind === "draft" ? (
        <Button to={href} variant="secondary" aria-label={t("home.resumeNamed", { procedure: item.procedure })}>
          {t("home.resume")}
        </Button>
      ) : null}
    </li>
  );
}

export default function MySpace() {
  const { fullName, savedReference, unread, drafts, inProgress, finished } = useLoaderData<typeof loader>();
  const { t } = useTranslation("myspace");
  const empty = drafts.length === 0 && inProgress.length === 0 && finished.length === 0;
  return (
    <>
      <PageHeading lead={t("home.greeting", { name: fullName })}>{t("home.title")}</PageHeading>
      {savedReference ? (
        <Notice tone="success">
          <p>{t("home.saved", { reference: savedReference })}</p>
        </Notice>
      ) : null}
      <p>
        <Link to="/mon-espace/notifications">{unread > 0 ? t("home.notificationsUnread", { count: unread }) : t("home.notifications")}</Link>
      </p>
      {empty ? (
        <section aria-labelledby="my-cases">
          <h2 id="my-cases">{t("home.casesTitle")}</h2>
          <p>{t("home.noCases")}</p>
          <Button to="/demarches">{t("home.startLink")}</Button>
        </section>
      ) : (
        <>
          {drafts.length > 0 ? (
            <section aria-labelledby="drafts">
              <h2 id="drafts">{t("home.drafts")}</h2>
              <p className="secondary-text">{t("home.draftsHint")}</p>
              <ul className="cards">
                {drafts.map((item) => (
                  <CaseCard key={item.reference} item={item} kind="draft" />
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="in-progress">
            <h2 id="in-progress">{t("home.inProgress")}</h2>
            {inProgress.length > 0 ? (
              <ul className="cards">
                {inProgress.map((item) => (
                  <CaseCard key={item.reference} item={item} kind="in_progress" />
                ))}
              </ul>
            ) : (
              <p>{t("home.noneInProgress")}</p>
            )}
          </section>
          {finished.length > 0 ? (
            <section aria-labelledby="finished">
              <h2 id="finished">{t("home.finished")}</h2>
              <ul className="cards">
                {finished.map((item) => (
                  <CaseCard key={item.reference} item={item} kind="finished" />
                ))}
              </ul>
            </section>
          ) : null}
          <p>
            <Link to="/demarches">{t("home.newRequest")}</Link>
          </p>
        </>
      )}
      <section aria-labelledby="my-account">
        <h2 id="my-account">{t("home.accountTitle")}</h2>
        <ul className="list--plain list--spaced">
          <li>
            <Link to="/mon-espace/profil">{t("home.profileLink")}</Link>
          </li>
          <li>
            <Link to="/mon-espace/securite">{t("home.securityLink")}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
