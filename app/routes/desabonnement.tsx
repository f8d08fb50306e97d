import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { findSubscriptionByToken, unsubscribeByToken } from "~/services/incident-subscriptions.server";
import { getDb } from "~/utils/db.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["status"] };

export const meta = titleFromLoader;

/**
 * The link in every incident message. A GET only shows what would stop (mail scanners follow
 * links); the button POSTs the token back.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "status");
  const url = new URL(request.url);
  const token = url.searchParams.get("t") ?? "";
  const done = url.searchParams.has("fait");
  const subscription = done ? null : await findSubscriptionByToken(await getDb(), token, locale);
  return data(
    { title: documentTitle(t(done ? "unsubscribe.doneTitle" : "unsubscribe.title")), token, done, subscription },
    { headers: { "Cache-Control": "no-store", "Referrer-Policy": "no-referrer" }, status: done || subscription ? 200 : 404 },
  );
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await readForm(request);
  const token = String(formData.get("token") ?? "");
  await unsubscribeByToken(await getDb(), token);
  // Same answer for an unknown token: nothing to learn from it.
  return redirect("/desabonnement?fait");
}

export default function Unsubscribe() {
  const { token, done, subscription } = useLoaderData<typeof loader>();
  const { t } = useTranslation("status");
  if (done) {
    return (
      <>
        <PageHeading>{t("unsubscribe.doneTitle")}</PageHeading>
        <Notice tone="success">
          <p>{t("unsubscribe.done")}</p>
        </Notice>
        <p>
          <Link to="/etat-des-services">{t("subscribe.back")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t("unsubscribe.title")}</PageHeading>
      {subscription ? (
        subscription.active ? (
          <>
            <p>{t("unsubscribe.confirm", { scope: subscription.scopeName, recipient: subscription.recipient, channel: t(`subscribe.channel.${subscription.channel}`) })}</p>
            <Form method="post">
              <input type="hidden" name="token" value={token} />
              <Button type="submit" variant="warning">
                {t("unsubscribe.submit")}
              </Button>
            </Form>
          </>
        ) : (
          <Notice tone="info">
            <p>{t("unsubscribe.already")}</p>
          </Notice>
        )
      ) : (
        <Notice tone="warning">
          <p>{t("unsubscribe.unknown")}</p>
        </Notice>
      )}
      <p>
        <Link to="/etat-des-services">{t("subscribe.back")}</Link>
      </p>
    </>
  );
}
