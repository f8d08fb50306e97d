import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionForms, ConfirmDecision } from "~/components/backoffice/ActionForms";
import { ConfirmRevocation, RevokeDocument } from "~/components/backoffice/RevokeDocument";
import { clockPauses, staffActions, staffTimelineSentence } from "~/components/backoffice/case-view";
import { CaseHeader } from "~/components/backoffice/CaseHeader";
import { FiledAnswers } from "~/components/backoffice/FiledAnswers";
import { NotesSection, StaffMessages } from "~/components/backoffice/Conversation";
import { StaffTimeline } from "~/components/backoffice/StaffTimeline";
import { useReplyErrors, type PageReply } from "~/components/backoffice/reply";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { audit } from "~/services/audit.server";
import { runStaffAction } from "~/services/staff-case-actions.server";
import { loadStaffCasePage } from "~/services/staff-case-page.server";
import { DECISION_REASONS, findStaffCase, officeColleagues, transferTargets, type StaffCase } from "~/services/staff-cases.server";
import { appBaseUrl, requestMetaFor, requireUser } from "~/utils/auth.server";
import type { SessionUser } from "~/domain/user";
import type { RequestContext } from "~/utils/context";
import { getDb, type Database } from "~/utils/db.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["backoffice", "forms"] };

export const meta = titleFromLoader;

/** Success notices (`?fait=`): one per form of the page. */
const NOTICES = [
  "take",
  "assign",
  "requestPieces",
  "accept",
  "markReady",
  "deliver",
  "reject",
  "close",
  "reopen",
  "message",
  "note",
  "revokeDocument",
] as const;

/** The case at one of the user's offices, or a 404 written to the audit log (never a 403). */
async function requireStaffCase(
  db: Database,
  request: Request,
  user: SessionUser,
  reference: string | undefined,
  context?: Partial<RequestContext>,
): Promise<StaffCase> {
  const found = reference ? await findStaffCase(db, user, reference) : null;
  if (found) return found;
  const meta = requestMetaFor(request, context);
  await audit(db, {
    action: "access.refused",
    outcome: "refused",
    actorId: user.id,
    targetType: "case",
    targetId: (reference ?? "").slice(0, 40),
    ip: meta.ip,
    requestId: meta.requestId,
    details: { method: request.method, path: new URL(request.url).pathname },
  });
  throw new Response("Not Found", { status: 404 });
}

/** What the action forms offer: colleagues (supervisor), transfer targets, reason codes. */
async function actionChoices(db: Database, found: StaffCase) {
  const actions = staffActions(found.status, found.role, found.procedure.delivery);
  const [colleagues, targets] = await Promise.all([
    actions.includes("assign") ? officeColleagues(db, found.officeId!) : [],
    actions.includes("transfer") ? transferTargets(db, found.officeId!) : [],
  ]);
  return { actions, colleagues, targets };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const found = await requireStaffCase(db, request, user, params.reference, context);
  if (params.reference !== found.reference) throw redirect(`/agent/dossiers/${found.reference}`);
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "backoffice");
  const [page, choices] = await Promise.all([loadStaffCasePage(db, found), actionChoices(db, found)]);
  const procedure = locale === "en" ? found.procedure.titleEn : found.procedure.titleFr;
  const notice = new URL(request.url).searchParams.get("fait");
  const pauses = clockPauses(page.events, found.status, found.statusChangedAt, new Date());
  return {
    title: documentTitle(t("case.title", { procedure, reference: found.reference })),
    reference: found.reference,
    procedure,
    status: found.status,
    version: found.version,
    role: found.role,
    delivery: found.procedure.delivery,
    applicant: found.applicant,
    onBehalfOf: found.onBehalfOf,
    assignee: found.assignee,
    isMine: found.assigneeId === user.id,
    office: found.office ? { name: found.office.name, linkStatus: found.office.linkStatus } : null,
    submittedAt: found.submittedAt?.toISOString() ?? null,
    dueAt: found.dueAt?.toISOString() ?? null,
    decidedAt: found.decidedAt?.toISOString() ?? null,
    infoDueAt: found.infoDueAt?.toISOString() ?? null,
    pauses,
    definition: found.formVersion.definition,
    formVersion: found.formVersion.version,
    data: found.data as Record<string, unknown>,
    formFiles: page.formFiles.map((f) => ({
      id: f.id,
      fieldName: f.fieldName,
      filename: f.filename,
      mimeType: f.mimeType,
      sizeBytes: f.sizeBytes,
    })),
    documents: page.documents.map((d) => ({
      ...d,
      issuedAt: d.issuedAt.toISOString(),
    })),
    timeline: page.events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      ...staffTimelineSentence(e),
    })),
    messages: page.messages.map((m) => ({
      ...m,
      createdAt: m.createdAt.toISOString(),
    })),
    notes: page.notes.map((n) => ({
      ...n,
      createdAt: n.createdAt.toISOString(),
    })),
    actions: choices.actions,
    colleagues: choices.colleagues,
    targets: choices.targets,
    reasons: {
      reject: [...DECISION_REASONS.reject],
      close: [...DECISION_REASONS.close],
    },
    requiredDocuments: found.procedure.requiredDocuments.map((d) => d.label[locale]),
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? notice : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const found = await requireStaffCase(db, request, user, params.reference, context);
  const choices = await actionChoices(db, found);
  const reply = await runStaffAction(db, request, {
    user,
    reference: found.reference,
    currentVersion: found.version,
    baseUrl: appBaseUrl(),
    meta: requestMetaFor(request, context),
    choices: {
      reasons: DECISION_REASONS,
      colleagueIds: choices.colleagues.map((c) => c.id),
      targetOfficeIds: choices.targets.map((o) => o.id),
    },
  });
  if (reply.ok) {
    // After a transfer the case is no longer ours: back to the inbox.
    if (reply.intent === "transfer") return redirect(`/agent?fait=transfert&dossier=${found.reference}`, 303);
    const anchor = reply.intent === "message" ? "#messages" : reply.intent === "note" ? "#notes" : "";
    return redirect(`/agent/dossiers/${found.reference}?fait=${reply.intent}${anchor}`, 303);
  }
  return data<PageReply>(reply, {
    status: reply.confirm ? 200 : reply.conflict ? 409 : 400,
  });
}

export default function AgentCasePage() {
  const c = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as PageReply | undefined;
  const { t } = useTranslation("backoffice");
  const errors = useReplyErrors(reply);
  return (
    <>
      <Breadcrumbs items={[{ label: t("inbox"), to: "/agent" }]} />
      <PageHeading caption={t("case.caption", { reference: c.reference })}>{c.procedure}</PageHeading>
      {reply && !reply.ok && reply.conflict ? (
        <Notice tone="error" title={t("conflict.title")}>
          <p>{t("conflict.body")}</p>
        </Notice>
      ) : null}
      {reply && !reply.ok && reply.refused ? (
        <Notice tone="error" title={t("refused.title")}>
          <p>{t(`refused.${reply.refused}`)}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={errors.map((e) => ({ id: e.field, message: e.message }))} />
      {c.notice ? (
        <Notice tone="success">
          <p>{t(`notice.${c.notice}`)}</p>
        </Notice>
      ) : null}
      {reply && !reply.ok && reply.confirm ? reply.intent === "revokeDocument" ? <ConfirmRevocation reply={reply} /> : <ConfirmDecision reply={reply} /> : null}
      <CaseHeader />
      <ActionForms reply={reply} errors={errors} />
      <RevokeDocument reply={reply} errors={errors} />
      <FiledAnswers />
      <StaffTimeline items={c.timeline} />
      <StaffMessages reply={reply} errors={errors} />
      <NotesSection reply={reply} errors={errors} />
    </>
  );
}
