import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SubscribeForm } from "~/components/status/SubscribeForm";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { CONFIRM_PATH, subscribeToIncidents, subscriptionSchema } from "~/services/incident-subscriptions.server";
import { getStatusSummary } from "~/services/status-summary.server";
import { appBaseUrl } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { retryAfterFromAction } from "~/utils/http";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["status"] };

export const meta = titleFromLoader;

export const headers = retryAfterFromAction;

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "status");
  const sent = new URL(request.url).searchParams.has("envoye");
  const summary = await getStatusSummary(await getDb());
  return {
    title: documentTitle(t(sent ? "subscribe.sentTitle" : "subscribe.pageTitle")),
    sent,
    scopes: {
      regions: summary.regions.map((r) => ({ code: r.code, name: r.name })),
      agencies: summary.agencies.map((a) => ({ code: a.code, name: locale === "en" ? a.nameEn : a.nameFr })),
    },
  };
}

/** Records an unconfirmed subscription; the e-mail brings a link, the SMS a code typed on the next page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: subscriptionSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await subscribeToIncidents(await getDb(), { ...submission.value, locale, baseUrl: appBaseUrl(), clientIp: context.ip });
  if (!result.ok) {
    if (result.reason === "rate_limited") {
      return data(
        { result: submission.reply({ formErrors: ["subscribe.errors.rateLimited"] }) },
        { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
      );
    }
    return data({ result: submission.reply({ fieldErrors: { scope: ["subscribe.errors.scope"] } }) }, { status: 400 });
  }
  if (result.channel === "sms") return redirect(`${CONFIRM_PATH}?d=${result.handle}`);
  return redirect("/etat-des-services/abonnement?envoye");
}

export default function Subscribe() {
  const { sent, scopes } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("status");
  if (sent) {
    return (
      <>
        <PageHeading>{t("subscribe.sentTitle")}</PageHeading>
        <Notice tone="success">
          <p>{t("subscribe.sent")}</p>
        </Notice>
        <p>
          <Link to="/etat-des-services">{t("subscribe.back")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t("subscribe.pageTitle")}</PageHeading>
      <SubscribeForm scopes={scopes} lastResult={actionData?.result} headingLevel={2} />
      <p>
        <Link to="/etat-des-services">{t("subscribe.back")}</Link>
      </p>
    </>
  );
}
