import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { Notice } from "~/components/ui/Notice";
import type { loader } from "~/routes/agent.dossiers.$reference";
import { formatDate, formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { durationParts } from "./case-view";

/** Who asks, for whom, where the case stands, who has it, and when it is due (pauses explained). */
export function CaseHeader() {
  const c = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("backoffice");
  const locale = toLocale(i18n.language);
  const duration = (ms: number) => {
    const parts = durationParts(ms);
    return t(`duration.${parts.unit}`, { count: parts.count });
  };
  const linkDown = c.office && (c.office.linkStatus === "down" || c.office.linkStatus === "maintenance");
  const contact = [c.applicant.email, c.applicant.phone].filter(Boolean).join(" · ");
  return (
    <section aria-labelledby="synthese">
      <h2 id="synthese" className="visually-hidden">
        {t("case.summaryTitle")}
      </h2>
      <p>
        <StatusBadge kind="case" status={c.status} />
      </p>
      <p>{t(`explain.${c.status === "accepted" ? `accepted_${c.delivery}` : c.status}`)}</p>
      <dl className="summary">
        <dt>{t("case.reference")}</dt>
        <dd>{c.reference}</dd>
        <dt>{t("case.applicant")}</dt>
        <dd>
          {c.applicant.fullName}
          {contact ? (
            <>
              <br />
              <span className="secondary-text">{contact}</span>
            </>
          ) : null}
        </dd>
        <dt>{t("case.onBehalfOf")}</dt>
        <dd>
          {c.onBehalfOf
            ? t("case.onBehalfOfOther", {
                name: c.onBehalfOf.fullName,
                relationship: c.onBehalfOf.relationship,
              })
            : t("case.onBehalfOfSelf")}
        </dd>
        <dt>{t("case.assignee")}</dt>
        <dd>{c.assignee ? (c.isMine ? t("case.assigneeMe", { name: c.assignee.fullName }) : c.assignee.fullName) : t("case.unassigned")}</dd>
        {c.submittedAt ? (
          <>
            <dt>{t("case.submittedAt")}</dt>
            <dd>{formatDateTime(c.submittedAt, locale)}</dd>
          </>
        ) : null}
        {c.dueAt ? (
          <>
            <dt>{t("case.dueAt")}</dt>
            <dd>
              {formatDate(c.dueAt, locale)}
              {c.pauses.outageMs > 0 || c.pauses.waitingMs > 0 || c.pauses.ongoingWaitMs > 0 ? (
                <ul className="list--plain secondary-text">
                  {c.pauses.outageMs > 0 ? (
                    <li>
                      {t("case.pausedOutage", {
                        duration: duration(c.pauses.outageMs),
                      })}
                    </li>
                  ) : null}
                  {c.pauses.waitingMs > 0 ? (
                    <li>
                      {t("case.pausedWaiting", {
                        duration: duration(c.pauses.waitingMs),
                      })}
                    </li>
                  ) : null}
                  {c.pauses.ongoingWaitMs > 0 ? (
                    <li>
                      {t("case.pausedNow", {
                        duration: duration(c.pauses.ongoingWaitMs),
                      })}
                    </li>
                  ) : null}
                </ul>
              ) : null}
            </dd>
          </>
        ) : null}
        {c.infoDueAt && c.status === "awaiting_info" ? (
          <>
            <dt>{t("case.infoDueAt")}</dt>
            <dd>{formatDate(c.infoDueAt, locale)}</dd>
          </>
        ) : null}
        {c.decidedAt ? (
          <>
            <dt>{t("case.decidedAt")}</dt>
            <dd>{formatDateTime(c.decidedAt, locale)}</dd>
          </>
        ) : null}
        {c.office ? (
          <>
            <dt>{t("case.office")}</dt>
            <dd>
              {c.office.name} <StatusBadge kind="link" status={c.office.linkStatus} />
            </dd>
          </>
        ) : null}
      </dl>
      {linkDown ? (
        <Notice tone="warning">
          <p>{t("case.officeDown")}</p>
        </Notice>
      ) : null}
    </section>
  );
}
