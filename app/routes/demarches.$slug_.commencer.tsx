import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { availabilityOf, findPublishedProcedure } from "~/services/catalogue.server";
import { findDraft, startOrResumeDraft } from "~/services/drafts.server";
import { resolveRegion } from "~/services/region-preference.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatFcfa } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["catalogue", "procedures"] };

export const meta = titleFromLoader;

const formPath = (reference: string) => `/mon-espace/dossiers/${reference}/formulaire`;

/** The procedure (404 when unknown or not published), then the signed-in citizen (else sign in and come back). */
async function procedureAndUser(request: Request, slug: string | undefined) {
  const locale = toLocale(await i18next.getLocale(request));
  const db = await getDb();
  const procedure = await findPublishedProcedure(db, slug ?? "", locale);
  if (!procedure) throw new Response(null, { status: 404 });
  const user = await requireUser(request);
  return { db, locale, procedure, user };
}

/**
 * The start page (GOV.UK pattern): what the citizen will need, then one button. A citizen who
 * already has a draft for this procedure goes straight back to it: never a second draft.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, locale, procedure, user } = await procedureAndUser(request, params.slug);
  const draft = await findDraft(db, user.id, procedure.id);
  if (draft) throw redirect(formPath(draft.reference));
  const { region } = await resolveRegion(db, request, user.id);
  const availability = await availabilityOf(db, procedure.agencyId, region);
  const t = await i18next.getFixedT(request, "catalogue");
  return {
    title: documentTitle(t("start.metaTitle", { procedure: procedure.title })),
    locale,
    procedure,
    region,
    availability,
  };
}

/** "Commencer ma demande": the draft (an existing one if the button was pressed twice), then its form. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { db, procedure, user } = await procedureAndUser(request, params.slug);
  const { region } = await resolveRegion(db, request, user.id);
  if ((await availabilityOf(db, procedure.agencyId, region)) === "not_online") {
    const existing = await findDraft(db, user.id, procedure.id);
    if (!existing) return redirect(`/demarches/${procedure.slug}`, 303);
  }
  const draft = await startOrResumeDraft(db, { userId: user.id, procedureId: procedure.id });
  if (!draft) throw new Response(null, { status: 404 });
  return redirect(formPath(draft.reference), 303);
}

export default function StartPage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalogue");
  const procedurePath = `/demarches/${d.procedure.slug}`;
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t("title"), to: "/demarches" },
          { label: d.procedure.title, to: procedurePath },
        ]}
      />
      <PageHeading caption={t("start.caption")} lead={t("start.lead")}>
        {d.procedure.title}
      </PageHeading>

      {d.availability === "unavailable" ? <Notice tone="warning">{t("start.forwarded")}</Notice> : null}
      {d.availability === "not_online" ? <Notice tone="warning">{t("start.notOnline", { region: t(`regions.${d.region}`) })}</Notice> : null}

      <h2>{t("start.needTitle")}</h2>
      {d.procedure.documents.length === 0 ? (
        <p>{t("start.noDocuments")}</p>
      ) : (
        <>
          <p>{t("start.documentsIntro")}</p>
          <ul className="list list--bullet">
            {d.procedure.documents.map((doc) => (
              <li key={doc.code}>
                {doc.label}
                {doc.hint ? <span className="secondary-text"> — {doc.hint}</span> : null}
              </li>
            ))}
          </ul>
        </>
      )}
      <ul className="list list--bullet">
        <li>{d.procedure.feeXof > 0 ? t("start.fee", { fee: formatFcfa(d.procedure.feeXof, d.locale) }) : t("start.free")}</li>
        <li>{t("start.delay", { count: d.procedure.targetDelayDays })}</li>
        <li>{t("start.time")}</li>
      </ul>
      <p>{t("start.draft")}</p>

      {d.availability === "not_online" ? null : (
        <Form method="post">
          <Button type="submit">{t("start.submit")}</Button>
        </Form>
      )}
      <p>
        <Link to={procedurePath}>{t("start.back")}</Link>
      </p>
    </>
  );
}
