import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { passwordResetRequestSchema } from "~/domain/account";
import { requestPasswordReset } from "~/services/auth.server";
import { appBaseUrl, requestMetaFor } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { errorSummaryItems } from "~/utils/form-errors";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { retryAfterFromAction } from "~/utils/http";
import { IdentifierField } from "~/components/auth/AccountFields";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["auth"] };

export const headers = retryAfterFromAction;

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "auth");
  const sent = new URL(request.url).searchParams.has("envoye");
  return { title: documentTitle(t(sent ? "forgot.sentTitle" : "forgot.title")), sent };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: passwordResetRequestSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply(), retryAfterMinutes: 0 }, { status: 400 });
  }
  const result = await requestPasswordReset(
    await getDb(),
    { identifier: submission.value.identifier, baseUrl: appBaseUrl() },
    requestMetaFor(request, context),
  );
  if (!result.ok) {
    return data(
      { result: submission.reply({ formErrors: ["rateLimited"] }), retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  // The same answer whether the account exists or not.
  return redirect("/mot-de-passe-oublie?envoye");
}

export default function ForgottenPassword() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const translate = (key: string) => t(key, { count: actionData?.retryAfterMinutes ?? 0 });
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: passwordResetRequestSchema }),
  });

  if (sent) {
    return (
      <>
        <PageHeading>{t("forgot.sentTitle")}</PageHeading>
        <Notice tone="success">
          <p>{t("forgot.sent")}</p>
        </Notice>
        <p>
          {t("forgot.notReceived")} <Link to="/mot-de-passe-oublie">{t("forgot.again")}</Link>.
        </p>
        <p>
          <Link to="/connexion">{t("forgot.backToSignIn")}</Link>
        </p>
      </>
    );
  }

  const summary = errorSummaryItems(translate, form.errors, [fields.identifier], fields.identifier);
  return (
    <>
      <PageHeading lead={t("forgot.lead")}>{t("forgot.title")}</PageHeading>
      <ErrorSummary errors={summary} />
      <Form method="post" {...getFormProps(form)}>
        <IdentifierField field={fields.identifier} translate={translate} />
        <Button type="submit">{t("forgot.submit")}</Button>
      </Form>
      <p>
        <Link to="/connexion">{t("forgot.backToSignIn")}</Link>
      </p>
    </>
  );
}
