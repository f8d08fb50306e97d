import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { conformZodMessage, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { signUpSchema } from "~/domain/account";
import { signUp } from "~/services/sign-up.server";
import { appBaseUrl, requestMetaFor, requireAnonymous } from "~/utils/auth.server";
import { isCommonPassword } from "~/utils/common-passwords.server";
import { getDb } from "~/utils/db.server";
import { errorSummaryItems, translateErrors, useClearFieldsOnReply } from "~/utils/form-errors";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { retryAfterFromAction } from "~/utils/http";
import { IdentifierField, NewPasswordFields } from "~/components/auth/AccountFields";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["auth"] };

/** The browser does not have the common-password list: when only that check is left, the server decides. */
const browserSchema = signUpSchema({ deferredPasswordCheck: conformZodMessage.VALIDATION_UNDEFINED });

export const headers = retryAfterFromAction;

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await i18next.getFixedT(request, "auth");
  const sent = new URL(request.url).searchParams.has("envoye");
  return { title: documentTitle(t(sent ? "signUp.sentTitle" : "signUp.title")), sent };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: signUpSchema({ isCommonPassword }) });
  const hideFields = ["password", "passwordConfirmation"];
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields }), retryAfterMinutes: 0 }, { status: 400 });
  }
  const locale = toLocale(await i18next.getLocale(request));
  const result = await signUp(await getDb(), { ...submission.value, locale, baseUrl: appBaseUrl() }, requestMetaFor(request, context));
  if (!result.ok) {
    if (result.reason === "rate_limited") {
      return data(
        { result: submission.reply({ formErrors: ["rateLimited"], hideFields }), retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return data({ result: submission.reply({ fieldErrors: { password: [result.error] }, hideFields }), retryAfterMinutes: 0 }, { status: 400 });
  }
  // The same answer whether the identifier already has an account or not (decision 013).
  return redirect("/inscription?envoye");
}

export default function SignUp() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const translate = (key: string) => t(key, { count: actionData?.retryAfterMinutes ?? 0 });
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: browserSchema }),
  });
  useClearFieldsOnReply(form.id, actionData, ["password", "passwordConfirmation"]);

  if (sent) {
    return (
      <>
        <PageHeading>{t("signUp.sentTitle")}</PageHeading>
        <Notice tone="success">
          <p>{t("signUp.sent")}</p>
          <p>{t("signUp.sentExisting")}</p>
        </Notice>
        <p>
          {t("signUp.notReceived")} <Link to="/inscription">{t("signUp.again")}</Link>.
        </p>
        <p>
          <Link to="/connexion">{t("forgot.backToSignIn")}</Link>
        </p>
      </>
    );
  }

  const summary = errorSummaryItems(translate, form.errors, [fields.fullName, fields.identifier, fields.password, fields.passwordConfirmation], fields.fullName);

  return (
    <>
      <PageHeading lead={t("signUp.lead")}>{t("signUp.title")}</PageHeading>
      <ErrorSummary errors={summary} />
      <Form method="post" {...getFormProps(form)}>
        <Field
          label={t("fields.fullName.label")}
          hint={t("fields.fullName.hint")}
          error={translateErrors(translate, fields.fullName.errors)}
          width={30}
          {...getInputProps(fields.fullName, { type: "text" })}
          autoComplete="name"
          spellCheck={false}
        />
        <IdentifierField field={fields.identifier} translate={translate} />
        <NewPasswordFields password={fields.password} confirmation={fields.passwordConfirmation} translate={translate} labelKey="fields.password.label" />
        <Button type="submit">{t("signUp.submit")}</Button>
      </Form>
      <p>
        {t("signUp.haveAccount")} <Link to="/connexion">{t("signUp.signInLink")}</Link>
      </p>
    </>
  );
}
