import { data, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { requireFiledCase } from "~/services/receipt.server";
import { renewTrackingCode } from "~/services/tracking.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import receiptStyles from "~/styles/receipt.css?url";

export const handle = { i18n: ["receipt"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: receiptStyles }];

export const headers: HeadersFunction = () => new Headers({ "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await requireFiledCase(request, params.reference);
  const t = await i18next.getFixedT(request, "receipt");
  return { title: documentTitle(t("renew.title")), reference: found.reference };
}

/** A new code replaces the old one; it is in this response only (the database keeps its hash). */
export async function action({ request, params }: ActionFunctionArgs) {
  const { user, found } = await requireFiledCase(request, params.reference);
  const code = await renewTrackingCode(await getDb(), { userId: user.id, caseId: found.id });
  if (!code) throw new Response(null, { status: 404 });
  return data({ code }, { headers: { "Cache-Control": "no-store" } });
}

export default function RenewTrackingCode() {
  const { reference } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("receipt");
  const casePath = `/mon-espace/dossiers/${reference}`;
  if (actionData?.code) {
    return (
      <>
        <PageHeading caption={t("renew.caption", { reference })}>{t("renew.doneTitle")}</PageHeading>
        <p className="tracking-code" data-testid="tracking-code">
          {actionData.code}
        </p>
        <Notice tone="warning">
          <p>{t("renew.done")}</p>
        </Notice>
        <p>
          <Link to={casePath}>{t("renew.back")}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading caption={t("renew.caption", { reference })} lead={t("renew.intro")}>
        {t("renew.title")}
      </PageHeading>
      <p>{t("renew.when")}</p>
      <Notice tone="warning">
        <p>{t("renew.warning")}</p>
      </Notice>
      <Form method="post">
        <Button type="submit">{t("renew.submit")}</Button>
      </Form>
      <p>
        <Link to={casePath}>{t("renew.back")}</Link>
      </p>
    </>
  );
}
