import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { conformZodMessage, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { newPasswordSchema } from "~/domain/account";
import { isPasswordResetTokenUsable, passwordTokenPurpose, resetPassword } from "~/services/auth.server";
import { forgetSession, requestMetaFor } from "~/utils/auth.server";
import { isCommonPassword } from "~/utils/common-passwords.server";
import { getDb } from "~/utils/db.server";
import { errorSummaryItems, useClearFieldsOnReply } from "~/utils/form-errors";
import { i18next } from "~/utils/i18next.server";
import { serializeBlankSessionCookie } from "~/utils/session.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { NewPasswordFields } from "~/components/auth/AccountFields";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["auth"] };

/** The browser does not have the common-password list: when only that check is left, the server decides. */
const browserSchema = newPasswordSchema({ deferredPasswordCheck: conformZodMessage.VALIDATION_UNDEFINED });

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const cacheControl = loaderHeaders.get("Cache-Control");
  const headers = new Headers();
  if (cacheControl) headers.set("Cache-Control", cacheControl);
  return headers;
};

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "auth");
  const params = new URL(request.url).searchParams;
  const token = params.get("token") ?? "";
  // After an invitation is accepted: the account is ready, the person signs in.
  if (params.get("compte") === "pret") {
    return data({ title: documentTitle(t("invitation.readyTitle")), token: "", usable: false, invitation: true, ready: true }, { headers: { "Cache-Control": "no-store" } });
  }
  const wellFormed = token.length > 0 && token.length <= 200;
  const db = await getDb();
  const usable = wellFormed && (await isPasswordResetTokenUsable(db, token));
  const invitation = wellFormed && (await passwordTokenPurpose(db, token)) === "invitation";
  const title = invitation ? (usable ? "invitation.title" : "invitation.expiredTitle") : usable ? "reset.title" : "reset.invalidTitle";
  return data(
    { title: documentTitle(t(title)), token: usable ? token : "", usable, invitation, ready: false },
    // The token is in the address: keep it out of caches.
    { headers: { "Cache-Control": "no-store" } },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: newPasswordSchema({ isCommonPassword }) });
  const hideFields = ["password", "passwordConfirmation"];
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields }), tokenInvalid: false }, { status: 400 });
  }
  const db = await getDb();
  const invitation = (await passwordTokenPurpose(db, submission.value.token)) === "invitation";
  const result = await resetPassword(db, submission.value, requestMetaFor(request, context));
  if (!result.ok) {
    if (result.reason === "invalid_token") {
      return data({ result: submission.reply({ hideFields }), tokenInvalid: true }, { status: 400 });
    }
    return data({ result: submission.reply({ fieldErrors: { password: [result.error] }, hideFields }), tokenInvalid: false }, { status: 400 });
  }
  // Every session of the user is closed, this browser's included.
  forgetSession(request);
  return redirect(invitation ? "/mot-de-passe/nouveau?compte=pret" : "/connexion?motDePasse=change", { headers: { "Set-Cookie": serializeBlankSessionCookie() } });
}

export default function NewPassword() {
  const { token, usable, invitation, ready } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const translate = (key: string) => t(key);
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    defaultValue: { token },
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: browserSchema }),
  });

  useClearFieldsOnReply(form.id, actionData, ["password", "passwordConfirmation"]);

  if (ready) {
    return (
      <>
        <PageHeading>{t("invitation.readyTitle")}</PageHeading>
        <Notice tone="success">
          <p>{t("invitation.ready")}</p>
        </Notice>
        <p>
          <Button to="/connexion">{t("invitation.signIn")}</Button>
        </p>
      </>
    );
  }

  if (invitation && (!usable || actionData?.tokenInvalid)) {
    return (
      <>
        <PageHeading>{t("invitation.expiredTitle")}</PageHeading>
        <Notice tone="warning">
          <p>{t("invitation.expired")}</p>
        </Notice>
        <p>
          <Link to="/">{t("invitation.home")}</Link>
        </p>
      </>
    );
  }

  if (!usable || actionData?.tokenInvalid) {
    return (
      <>
        <PageHeading>{t("reset.invalidTitle")}</PageHeading>
        <Notice tone="warning">
          <p>{t("reset.invalid_token")}</p>
        </Notice>
        <p>
          <Button to="/mot-de-passe-oublie">{t("reset.askAgain")}</Button>
        </p>
      </>
    );
  }

  const summary = errorSummaryItems(translate, form.errors, [fields.password, fields.passwordConfirmation], fields.password);
  return (
    <>
      {invitation ? (
        <PageHeading caption={t("invitation.caption")} lead={t("invitation.lead")}>
          {t("invitation.title")}
        </PageHeading>
      ) : (
        <PageHeading lead={t("reset.lead")}>{t("reset.title")}</PageHeading>
      )}
      <ErrorSummary errors={summary} />
      <Form method="post" {...getFormProps(form)}>
        <input {...getInputProps(fields.token, { type: "hidden" })} />
        <NewPasswordFields password={fields.password} confirmation={fields.passwordConfirmation} translate={translate} labelKey="fields.newPassword.label" />
        <Button type="submit">{t(invitation ? "invitation.submit" : "reset.submit")}</Button>
      </Form>
    </>
  );
}
