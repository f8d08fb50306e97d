import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { TranslatedList } from "~/components/ui/TranslatedList";
import { canWithdraw } from "~/domain/case-view";
import { requireOwnCase } from "~/services/case-access.server";
import { CaseConflictError, withdrawCase } from "~/services/case-messages.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";
import { integerOrNull } from "~/domain/input";

export const handle = { i18n: ["myspace"] };

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const own = await requireOwnCase(await getDb(), user.id, params.reference);
  if (own.status === "draft") throw redirect(`/mon-espace/dossiers/${own.reference}/formulaire`);
  // Nothing to withdraw any more (decided, or already withdrawn): the case page says why.
  if (!canWithdraw(own.status)) throw redirect(`/mon-espace/dossiers/${own.reference}`);
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "myspace");
  const procedure = locale === "en" ? own.procedure.titleEn : own.procedure.titleFr;
  return {
    title: documentTitle(t("withdraw.title")),
    reference: own.reference,
    procedure,
    version: own.version,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const own = await requireOwnCase(db, user.id, params.reference);
  const form = await readForm(request);
  const expectedVersion = integerOrNull(String(form.get("expectedVersion") ?? ""), 0) ?? -1;
  try {
    const result = await withdrawCase(db, { userId: user.id, reference: own.reference, expectedVersion });
    if (!result.ok) {
      if (result.error === "not_found") throw new Response(null, { status: 404 });
      return data({ conflict: true }, { status: 409 });
    }
  } catch (error) {
    if (error instanceof CaseConflictError) return data({ conflict: true }, { status: 409 });
    throw error;
  }
  return redirect(`/mon-espace/dossiers/${own.reference}?fait=retire`);
}

export default function WithdrawCase() {
  const { reference, procedure, version } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("myspace");
  return (
    <>
      <PageHeading caption={t("case.caption", { reference })}>{t("withdraw.heading", { procedure })}</PageHeading>
      {reply?.conflict ? (
        <Notice tone="error" title={t("case.conflictTitle")}>
          <p>{t("withdraw.conflict")}</p>
          <p>
            <Link to={`/mon-espace/dossiers/${reference}`}>{t("withdraw.seeCase")}</Link>
          </p>
        </Notice>
      ) : null}
      <p>{t("withdraw.consequencesIntro")}</p>
      <TranslatedList ns="myspace" i18nKey="withdraw.consequences" />
      <Form method="post" replace>
        <input type="hidden" name="expectedVersion" value={version} />
        <Button type="submit" variant="warning">
          {t("withdraw.confirm")}
        </Button>
      </Form>
      <p>
        <Link to={`/mon-espace/dossiers/${reference}`}>{t("withdraw.cancel")}</Link>
      </p>
    </>
  );
}
