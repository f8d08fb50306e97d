import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Radios } from "~/components/ui/Radios";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { audit } from "~/services/audit.server";
import { devCaseStatus, devDecide, devRequestInfo, isDevCaseToolsEnabled } from "~/services/dev-case-tools.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["myspace"] };

/** Who may use the tool: staff, signed in (app/services/dev-case-tools.server.ts). */
const TOOL_ROLES = ["agent", "supervisor", "admin"] as const;

/**
 * Development tool for the end-to-end tests: an agent of the case's office asks for pieces (or
 * decides). 404 in production unless DEV_CASE_TOOLS=1; a signed-in staff member only.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  if (!isDevCaseToolsEnabled()) throw new Response("Not found", { status: 404 });
  await requireRole(request, TOOL_ROLES, context);
  const found = await devCaseStatus(await getDb(), params.reference ?? "");
  if (!found) throw new Response("Not found", { status: 404 });
  const t = await i18next.getFixedT(request, "myspace");
  return { title: t("dev.title", { reference: found.reference }), ...found, done: new URL(request.url).searchParams.get("fait") };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...(data ? [{ title: data.title }] : []),
  { name: "robots", content: "noindex, nofollow" },
];

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isDevCaseToolsEnabled()) throw new Response("Not found", { status: 404 });
  const staff = await requireRole(request, TOOL_ROLES, context);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const reference = params.reference ?? "";
  const db = await getDb();
  const meta = requestMetaFor(request, context);
  await audit(db, { action: "dev.case_tool_used", actorId: staff.id, targetType: "case", targetId: reference, ip: meta.ip, requestId: meta.requestId, details: { intent } });
  if (intent === "request") {
    const message = String(form.get("message") ?? "").trim();
    if (!message) return data({ error: "message_required" }, { status: 400 });
    const checklist = String(form.get("checklist") ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const result = await devRequestInfo(db, { reference, message, checklist });
    if (!result.ok) return data({ error: result.error }, { status: result.error === "not_found" ? 404 : 409 });
    return data({ error: null, done: "request" });
  }
  if (intent === "decide") {
    const decision = form.get("decision") === "reject" ? "reject" : "accept";
    const reason = String(form.get("reason") ?? "").trim();
    if (decision === "reject" && !reason) return data({ error: "reason_required" }, { status: 400 });
    const labels = {
      fr: await i18next.getFixedT("fr", "common"),
      en: await i18next.getFixedT("en", "common"),
    };
    const result = await devDecide(db, { reference, decision, reason, statusLabel: (status, locale) => labels[locale](`status.case.${status}`) });
    if (!result.ok) return data({ error: result.error }, { status: result.error === "not_found" ? 404 : 409 });
    return data({ error: null, done: "decide" });
  }
  return data({ error: "unknown" }, { status: 400 });
}

export default function DevComplement() {
  const { reference, status } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("myspace");
  return (
    <>
      <PageHeading lead={t("dev.lead")}>{t("dev.title", { reference })}</PageHeading>
      <Notice tone="warning" title={t("dev.devOnlyTitle")}>
        <p>{t("dev.devOnly")}</p>
      </Notice>
      {reply?.error ? (
        <Notice tone="error">
          <p>{t(`dev.errors.${reply.error}`)}</p>
        </Notice>
      ) : null}
      {reply && "done" in reply && reply.done ? (
        <Notice tone="success">
          <p>{t(`dev.done.${reply.done}`)}</p>
        </Notice>
      ) : null}
      <p>
        {t("dev.currentStatus")} <StatusBadge kind="case" status={status} />
      </p>
      <h2>{t("dev.requestTitle")}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="request" />
        <Field as="textarea" id="message" name="message" label={t("dev.message")} rows={4} />
        <Field as="textarea" id="checklist" name="checklist" label={t("dev.checklist")} hint={t("dev.checklistHint")} rows={3} optional />
        <Button type="submit">{t("dev.requestSubmit")}</Button>
      </Form>
      <h2>{t("dev.decideTitle")}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="decide" />
        <Radios
          name="decision"
          legend={t("dev.decision")}
          defaultValue="accept"
          options={[
            { value: "accept", label: t("dev.accept") },
            { value: "reject", label: t("dev.reject") },
          ]}
        />
        <Field as="textarea" id="reason" name="reason" label={t("dev.reason")} rows={3} optional />
        <Button type="submit" variant="secondary">
          {t("dev.decideSubmit")}
        </Button>
      </Form>
    </>
  );
}
