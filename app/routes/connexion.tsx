import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { signInSchema } from "~/domain/account";
import { safeRedirectPath } from "~/domain/redirect";
import { signIn } from "~/services/auth.server";
import { forgetSession, requestMetaFor, requireAnonymous } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { errorSummaryItems, translateErrors, useClearFieldsOnReply } from "~/utils/form-errors";
import { i18next } from "~/utils/i18next.server";
import { readSessionToken, serializeSessionCookie } from "~/utils/session.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { retryAfterFromAction } from "~/utils/http";
import { IdentifierField } from "~/components/auth/AccountFields";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["auth"] };

export const headers = retryAfterFromAction;

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await i18next.getFixedT(request, "auth");
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get("redirectTo"), "");
  const passwordChanged = url.searchParams.get("motDePasse") === "change";
  return { title: documentTitle(t("signIn.title")), redirectTo, passwordChanged };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfterMinutes: 0 }, { status: 400 });
  }
  const { identifier, password, redirectTo } = submission.value;
  const result = await signIn(await getDb(), { identifier, password, previousToken: readSessionToken(request) }, requestMetaFor(request, context));
  if (!result.ok) {
    if (result.reason === "rate_limited") {
      return data(
        {
          result: submission.reply({ formErrors: ["rateLimited"], hideFields: ["password"] }),
          retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60),
        },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    // At the password field (what the person retypes) and, through it, in the summary; the message
    // still does not say which of the two was wrong.
    return data({ result: submission.reply({ fieldErrors: { password: ["signIn.invalid"] }, hideFields: ["password"] }), retryAfterMinutes: 0 }, { status: 400 });
  }
  forgetSession(request);
  return redirect(safeRedirectPath(redirectTo, result.homePath), { headers: { "Set-Cookie": serializeSessionCookie(result.token) } });
}

export default function SignIn() {
  const { redirectTo, passwordChanged } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const translate = (key: string) => t(key, { count: actionData?.retryAfterMinutes ?? 0 });
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
  });
  useClearFieldsOnReply(form.id, actionData, ["password"]);
  const summary = errorSummaryItems(translate, form.errors, [fields.identifier, fields.password], fields.identifier);

  return (
    <>
      <PageHeading lead={t("signIn.lead")}>{t("signIn.title")}</PageHeading>
      {passwordChanged ? <Notice tone="success">{t("signIn.passwordChanged")}</Notice> : null}
      <ErrorSummary errors={summary} />
      {/* An explicit action: the notice's ?motDePasse=change must not follow a failed attempt. */}
      <Form method="post" action="/connexion" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <IdentifierField field={fields.identifier} translate={translate} />
        <Field
          label={t("fields.password.label")}
          error={translateErrors(translate, fields.password.errors)}
          width={30}
          {...getInputProps(fields.password, { type: "password" })}
          autoComplete="current-password"
        />
        <Button type="submit">{t("signIn.submit")}</Button>
      </Form>
      <p>
        <Link to="/mot-de-passe-oublie">{t("signIn.forgotten")}</Link>
      </p>
      <p>
        {t("signIn.noAccount")} <Link to="/inscription">{t("signIn.signUpLink")}</Link>
      </p>
    </>
  );
}
