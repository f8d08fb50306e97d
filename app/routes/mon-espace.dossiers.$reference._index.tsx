import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CaseTimeline, fileSize, MessageThread } from "~/components/myspace/CaseSections";
import { MessageForm } from "~/components/myspace/MessageForm";
import { MessageText } from "~/components/myspace/MessageText";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { StatusBadge } from "~/components/ui/StatusBadge";
import {
  canAnswerInfo,
  canWithdraw,
  canWriteToOffice,
  durationParts,
  hasDecision,
  nextAction,
  statusExplanationKey,
  timelineSentence,
} from "~/domain/case-view";
import { requireOwnCase } from "~/services/case-access.server";
import { answerInfoRequest, CaseConflictError, postCitizenMessage } from "~/services/case-messages.server";
import { readMessageForm, type MessageFormError } from "~/services/case-message-form.server";
import { loadCasePage } from "~/services/citizen-cases.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["myspace"] };

export const meta = titleFromLoader;

const NOTICES = ["envoye", "repondu", "retire"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const own = await requireOwnCase(db, user.id, params.reference);
  if (own.status === "draft") throw redirect(`/mon-espace/dossiers/${own.reference}/formulaire`);
  if (params.reference !== own.reference) throw redirect(`/mon-espace/dossiers/${own.reference}`);
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "myspace");
  const page = await loadCasePage(db, own);
  const procedure = locale === "en" ? own.procedure.titleEn : own.procedure.titleFr;
  const notice = new URL(request.url).searchParams.get("fait");
  const action = nextAction({ status: own.status, delivery: own.procedure.delivery, infoDueAt: own.infoDueAt, hasIssuedDocument: page.documents.length > 0 });
  return {
    title: documentTitle(t("case.title", { procedure, reference: own.reference })),
    reference: own.reference,
    procedure,
    status: own.status,
    version: own.version,
    delivery: own.procedure.delivery,
    explanation: statusExplanationKey(own.status, own.procedure.delivery),
    nextAction: action ? { key: action.key, date: "date" in action && action.date ? action.date.toISOString() : null } : null,
    onBehalfOf: own.onBehalfOf,
    office: own.office
      ? { name: own.office.name, linkStatus: own.office.linkStatus, hours: own.office.hours, address: own.office.siteAddress, phone: own.office.phone }
      : null,
    submittedAt: own.submittedAt?.toISOString() ?? null,
    dueAt: own.dueAt?.toISOString() ?? null,
    paused: Number(own.pausedMs) > 60_000 ? durationParts(Number(own.pausedMs)) : null,
    timeline: page.events.map((e) => ({ id: e.id, at: e.at.toISOString(), ...timelineSentence(e) })),
    messages: page.messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    infoRequest: page.infoRequest,
    documents: page.documents.map((d) => ({ ...d, issuedAt: d.issuedAt.toISOString() })),
    decided: hasDecision(own.status),
    decision: hasDecision(own.status) ? page.decision : null,
    canWithdraw: canWithdraw(own.status),
    canAnswer: canAnswerInfo(own.status) && own.officeId !== null,
    canWrite: canWriteToOffice(own.status, own.officeId),
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? notice : null,
  };
}

type ActionReply = { form: string; errors: MessageFormError[]; body: string; conflict?: boolean };

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const own = await requireOwnCase(db, user.id, params.reference);
  const form = await readMessageForm(request, "answer");
  const prefix = form.intent === "answer" ? "answer" : "message";
  const errors = form.errors.map((e) => ({ ...e, field: e.field.replace(/^answer-/, `${prefix}-`) }));
  if (errors.length > 0) return data<ActionReply>({ form: prefix, errors, body: form.body }, { status: 400 });
  try {
    const result =
      form.intent === "answer"
        ? await answerInfoRequest(db, { userId: user.id, reference: own.reference, body: form.body, files: form.files, expectedVersion: form.expectedVersion ?? -1 })
        : await postCitizenMessage(db, { userId: user.id, reference: own.reference, body: form.body, files: form.files });
    if (!result.ok) {
      if (result.error === "not_found") throw new Response(null, { status: 404 });
      if (result.error === "not_allowed") return data<ActionReply>({ form: prefix, errors: [], body: form.body, conflict: true }, { status: 409 });
      return data<ActionReply>({ form: prefix, errors: [{ field: `${prefix}-body`, code: result.error }], body: form.body }, { status: 400 });
    }
  } catch (error) {
    if (error instanceof CaseConflictError) return data<ActionReply>({ form: prefix, errors: [], body: form.body, conflict: true }, { status: 409 });
    throw error;
  }
  return redirect(`/mon-espace/dossiers/${own.reference}?fait=${form.intent === "answer" ? "repondu" : "envoye"}#${form.intent === "answer" ? "historique" : "messages"}`);
}

export default function CasePage() {
  const c = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ActionReply | undefined;
  const { t, i18n } = useTranslation("myspace");
  const locale = toLocale(i18n.language);
  const errorViews = (reply?.errors ?? []).map((e) => ({ field: e.field, message: t(`form.errors.${e.code}`, { filename: e.filename ?? "" }) }));
  const linkDown = c.office && (c.office.linkStatus === "down" || c.office.linkStatus === "maintenance");
  const bodyFor = (form: string) => (reply?.form === form ? reply.body : undefined);
  // « Télécharger votre document » is the link to the newest issued document, not just a phrase.
  const latestDocument = c.documents.reduce<(typeof c.documents)[number] | null>((latest, d) => (!latest || d.issuedAt > latest.issuedAt ? d : latest), null);

  return (
    <>
      <Breadcrumbs items={[{ label: t("home.title"), to: "/mon-espace" }]} />
      <PageHeading caption={t("case.caption", { reference: c.reference })}>{c.procedure}</PageHeading>
      {reply?.conflict ? (
        <Notice tone="error" title={t("case.conflictTitle")}>
          <p>{t("case.conflict")}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errorViews.map((e) => ({ id: e.field, message: e.message }))} />
      {c.notice ? (
        <Notice tone="success">
          <p>{t(`case.notice.${c.notice}`)}</p>
        </Notice>
      ) : null}

      <section aria-labelledby="etat">
        <h2 id="etat">{t("case.statusTitle")}</h2>
        <p>
          <StatusBadge kind="case" status={c.status} />
        </p>
        <p>{t(c.explanation)}</p>
        {c.nextAction && c.nextAction.key === "download" && latestDocument ? (
          <p>
            <strong>
              <a href={`/pieces/${latestDocument.attachmentId}`} download>
                {t("nextAction.download")}
              </a>
            </strong>
          </p>
        ) : c.nextAction ? (
          <p>
            <strong>
              {t(`nextAction.${c.nextAction.key}${c.nextAction.date ? "_date" : ""}`, {
                date: c.nextAction.date ? formatDate(c.nextAction.date, locale) : "",
              })}
            </strong>
          </p>
        ) : null}
        {c.onBehalfOf ? <p>{t("case.onBehalfOf", { name: c.onBehalfOf.fullName, relationship: c.onBehalfOf.relationship })}</p> : null}
        <dl className="summary">
          <dt>{t("case.reference")}</dt>
          <dd>{c.reference}</dd>
          {c.submittedAt ? (
            <>
              <dt>{t("case.submittedAt")}</dt>
              <dd>{formatDate(c.submittedAt, locale)}</dd>
            </>
          ) : null}
          {c.dueAt && !c.decided ? (
            <>
              <dt>{t("case.dueAt")}</dt>
              <dd>
                {formatDate(c.dueAt, locale)}
                {c.paused ? (
                  <>
                    <br />
                    <span className="secondary-text">{t("case.paused", { duration: t(`duration.${c.paused.unit}`, { count: c.paused.count }) })}</span>
                  </>
                ) : null}
              </dd>
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
        <ul className="list--plain list--spaced">
          <li>
            <Link to={`/mon-espace/dossiers/${c.reference}/recepisse`}>{t("case.receiptLink")}</Link>
          </li>
          {c.canWithdraw ? (
            <li>
              <Link to={`/mon-espace/dossiers/${c.reference}/retirer`}>{t("case.withdrawLink")}</Link>
            </li>
          ) : null}
        </ul>
      </section>

      {c.decided ? <CaseResult /> : null}

      {c.canAnswer ? (
        <section aria-labelledby="complement">
          <h2 id="complement">{t("case.infoRequestTitle")}</h2>
          {c.infoRequest ? (
            <div className="card">
              <h3 className="card__title">{t("case.infoRequestFrom", { officeName: c.office?.name ?? t("case.theOffice") })}</h3>
              {c.infoRequest.message ? <MessageText text={c.infoRequest.message} /> : null}
              {c.infoRequest.checklist.length > 0 ? (
                <>
                  <p>{t("case.checklist")}</p>
                  <ul className="list--bullet">
                    {c.infoRequest.checklist.map((item) => (
                      <li key={item}>{item}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </div>
          ) : null}
          <MessageForm
            prefix="answer"
            intent="answer"
            bodyLabel={t("case.answerLabel")}
            bodyHint={t("case.answerHint")}
            submitLabel={t("case.answerSubmit")}
            defaultBody={bodyFor("answer")}
            errors={reply?.form === "answer" ? errorViews : []}
            expectedVersion={c.version}
          />
        </section>
      ) : null}

      <section aria-labelledby="historique">
        <h2 id="historique">{t("case.timelineTitle")}</h2>
        <CaseTimeline items={c.timeline} />
      </section>

      <section aria-labelledby="messages">
        <h2 id="messages">{t("case.messagesTitle")}</h2>
        <MessageThread messages={c.messages} />
        {c.canAnswer ? (
          <p>
            <a href="#complement">{t("case.answerAbove")}</a>
          </p>
        ) : c.canWrite ? (
          <>
            <h3>{t("case.writeTitle")}</h3>
            <MessageForm
              prefix="message"
              intent="message"
              bodyLabel={t("case.messageLabel")}
              bodyHint={t("case.messageHint")}
              submitLabel={t("case.messageSubmit")}
              defaultBody={bodyFor("message")}
              errors={reply?.form === "message" ? errorViews : []}
            />
          </>
        ) : c.status === "queued" ? (
          <p>{t("case.writeLater")}</p>
        ) : null}
      </section>
    </>
  );
}

/** After a decision: the document, where to pick it up, or the reason of a refusal. */
function CaseResult() {
  const c = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("myspace");
  const locale = toLocale(i18n.language);
  const negative = c.status === "rejected" || c.status === "closed";
  return (
    <section aria-labelledby="resultat">
      <h2 id="resultat">{t("case.resultTitle")}</h2>
      {negative ? (
        <>
          <p>{t(`result.${c.decision?.type === "info_request_expired" ? "expired" : c.status}`)}</p>
          {c.decision?.reason ? (
            <div className="card">
              <h3 className="card__title">{t("result.reason")}</h3>
              <MessageText text={c.decision.reason} />
            </div>
          ) : null}
          <p>{t("result.negativeNext")}</p>
        </>
      ) : c.documents.length > 0 ? (
        <>
          <p>{t("result.documentReady")}</p>
          <ul className="list--plain list--spaced">
            {c.documents.map((d) => (
              <li key={d.code}>
                <a href={`/pieces/${d.attachmentId}`} download>
                  {t("result.download", { filename: d.filename })}
                </a>{" "}
                <span className="secondary-text">({fileSize(d.sizeBytes, locale, t)})</span>
                <br />
                <span className="secondary-text">{t("result.verifyCode", { code: d.code })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : c.status === "delivered" ? (
        <p>{t("result.delivered")}</p>
      ) : c.delivery === "pickup" ? (
        <>
          <p>{t(c.status === "ready" ? "result.pickupReady" : "result.pickupPreparing")}</p>
          {c.office ? (
            <dl className="summary">
              <dt>{t("case.office")}</dt>
              <dd>{c.office.name}</dd>
              {c.office.address ? (
                <>
                  <dt>{t("result.address")}</dt>
                  <dd>{c.office.address}</dd>
                </>
              ) : null}
              {c.office.hours ? (
                <>
                  <dt>{t("result.hours")}</dt>
                  <dd>{c.office.hours}</dd>
                </>
              ) : null}
            </dl>
          ) : null}
          <p>{t("result.bring")}</p>
        </>
      ) : (
        <p>{t("result.electronicPending")}</p>
      )}
    </section>
  );
}
