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
import {
  CONFIRM_PATH,
  confirmationCodeSchema,
  confirmSubscriptionByCode,
  confirmSubscriptionByLink,
  findPendingSubscriptionByLink,
} from "~/services/incident-subscriptions.server";
import { appBaseUrl } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { errorSummaryItems, translateErrors } from "~/utils/form-errors";
import { retryAfterFromAction } from "~/utils/http";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["status"] };

export const meta = titleFromLoader;

export const headers = retryAfterFromAction;

/** The token or handle is in the address: never cached, never sent on to another site. */
const PRIVATE_HEADERS = { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" };

/**
 * Confirming a status-page subscription (decision 016): `?t=` is the e-mail's link, whose GET
 * only shows what would be confirmed (mail scanners follow links) and whose button POSTs it;
 * `?d=` is the page an SMS request lands on, where the code received is typed.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "status");
  const url = new URL(request.url);
  if (url.searchParams.has("fait")) {
    return data({ title: documentTitle(t("confirm.doneTitle")), mode: "done" as const, token: "", handle: "", pending: null }, { headers: PRIVATE_HEADERS });
  }
  const token = url.searchParams.get("t");
  if (token !== null) {
    const pending = await findPendingSubscriptionByLink(await getDb(), token, locale);
    return data(
      { title: documentTitle(t("confirm.linkTitle")), mode: "link" as const, token, handle: "", pending },
      { headers: PRIVATE_HEADERS, status: pending ? 200 : 404 },
    );
  }
  const handle = url.searchParams.get("d");
  if (handle === null) throw redirect("/etat-des-services/abonnement");
  return data({ title: documentTitle(t("confirm.codeTitle")), mode: "code" as const, token: "", handle: handle.slice(0, 64), pending: null }, { headers: PRIVATE_HEADERS });
}

export async function action({ request }: ActionFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const formData = await readForm(request);
  const db = await getDb();
  const options = { baseUrl: appBaseUrl(), locale };
  const token = formData.get("t");
  if (typeof token === "string") {
    const result = await confirmSubscriptionByLink(db, token, options);
    if (result.ok) return redirect(`${CONFIRM_PATH}?fait`);
    return data({ linkInvalid: true, result: null }, { status: 404, headers: PRIVATE_HEADERS });
  }
  const submission = parseWithZod(formData, { schema: confirmationCodeSchema });
  if (submission.status !== "success") return data({ linkInvalid: false, result: submission.reply() }, { status: 400 });
  const result = await confirmSubscriptionByCode(db, submission.value.d, submission.value.code, options);
  if (result.ok) return redirect(`${CONFIRM_PATH}?fait`);
  if (result.reason === "rate_limited") {
    return data(
      { linkInvalid: false, result: submission.reply({ formErrors: ["confirm.errors.tooManyAttempts"] }) },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data({ linkInvalid: false, result: submission.reply({ fieldErrors: { code: ["confirm.errors.codeWrong"] } }) }, { status: 400 });
}

function AskAgain() {
  const { t } = useTranslation("status");
  return (
    <p>
      <Link to="/etat-des-services/abonnement">{t("confirm.again")}</Link>
    </p>
  );
}

function CodeForm({ handle }: { handle: string }) {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("status");
  const [form, fields] = useForm<{ d: string; code: string }>({ id: "confirmation-code", lastResult: actionData?.result, shouldValidate: "onSubmit" });
  const translate = (key: string) => t(key);
  const summary = errorSummaryItems(translate, form.errors, [fields.code], fields.code);
  return (
    <>
      <PageHeading>{t("confirm.codeTitle")}</PageHeading>
      <p>{t("confirm.codeLead")}</p>
      <ErrorSummary errors={summary} />
      <Form method="post" {...getFormProps(form)} noValidate>
        <input type="hidden" name="d" value={handle} />
        <Field
          label={t("confirm.codeLabel")}
          hint={t("confirm.codeHint")}
          error={translateErrors(translate, fields.code.errors)}
          width={10}
          inputMode="numeric"
          autoComplete="one-time-code"
          {...getInputProps(fields.code, { type: "text" })}
        />
        <Button type="submit">{t("confirm.submit")}</Button>
      </Form>
      <AskAgain />
    </>
  );
}

export default function ConfirmSubscription() {
  const { mode, token, handle, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("status");
  if (mode === "done") {
    return (
      <>
        <PageHeading>{t("confirm.doneTitle")}</PageHeading>
        <Notice tone="success">
          <p>{t("confirm.done")}</p>
        </Notice>
        <p>
          <Link to="/etat-des-services">{t("subscribe.back")}</Link>
        </p>
      </>
    );
  }
  if (mode === "code") return <CodeForm handle={handle} />;
  return (
    <>
      <PageHeading>{t("confirm.linkTitle")}</PageHeading>
      {pending && !actionData?.linkInvalid ? (
        <>
          <p>{t("confirm.linkLead", { recipient: pending.recipient, scope: pending.scopeName })}</p>
          <Form method="post">
            <input type="hidden" name="t" value={token} />
            <Button type="submit">{t("confirm.submit")}</Button>
          </Form>
        </>
      ) : (
        <>
          <Notice tone="warning">
            <p>{t("confirm.linkUnknown")}</p>
          </Notice>
          <AskAgain />
        </>
      )}
    </>
  );
}
