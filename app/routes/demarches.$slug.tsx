import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { and, asc, eq } from "drizzle-orm";
import { useTranslation } from "react-i18next";
import { agencies, procedures, regions } from "../../db/schema";
import { AvailabilityBadge } from "~/components/status/AvailabilityBadge";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { PageHeading } from "~/components/ui/PageHeading";
import { StatusBadge } from "~/components/ui/StatusBadge";
import type { Availability } from "~/domain/availability";
import type { Locale } from "~/domain/constants";
import { listProcedureAvailability, officesForProcedure } from "~/services/availability.server";
import { DRAFT_LIFETIME_MS, findDraft } from "~/services/drafts.server";
import { resolveRegion } from "~/services/region-preference.server";
import { getOptionalUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatFcfa } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["procedures"] };

export const meta = titleFromLoader;

/** A procedure: what it is, who may ask, what it costs, and whether it can be filed online now from a region. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "procedures");
  const db = await getDb();
  const [procedure] = await db
    .select({
      id: procedures.id,
      slug: procedures.slug,
      titleFr: procedures.titleFr,
      titleEn: procedures.titleEn,
      summaryFr: procedures.summaryFr,
      summaryEn: procedures.summaryEn,
      eligibilityFr: procedures.eligibilityFr,
      eligibilityEn: procedures.eligibilityEn,
      feeXof: procedures.feeXof,
      targetDelayDays: procedures.targetDelayDays,
      requiredDocuments: procedures.requiredDocuments,
      agencyFr: agencies.nameFr,
      agencyEn: agencies.nameEn,
    })
    .from(procedures)
    .innerJoin(agencies, eq(agencies.id, procedures.agencyId))
    .where(and(eq(procedures.slug, params.slug ?? ""), eq(procedures.status, "published")));
  if (!procedure) throw new Response(null, { status: 404 });

  const user = await getOptionalUser(request);
  // ?region= is remembered (profile or cookie): the catalogue and this page show the same region.
  const { region, setCookie } = await resolveRegion(db, request, user?.id ?? null);
  const [regionRows, availabilityRows, offices, draft] = await Promise.all([
    db.select({ code: regions.code, name: regions.name }).from(regions).orderBy(asc(regions.position)),
    listProcedureAvailability(db, region),
    officesForProcedure(db, procedure.id, region),
    user ? findDraft(db, user.id, procedure.id) : null,
  ]);
  const availability = availabilityRows.find((row) => row.procedureId === procedure.id)?.availability ?? "not_online";
  const en = locale === "en";
  const title = en ? procedure.titleEn : procedure.titleFr;
  const payload = {
    title: documentTitle(title),
    locale,
    procedure: {
      slug: procedure.slug,
      title,
      summary: en ? procedure.summaryEn : procedure.summaryFr,
      eligibility: en ? procedure.eligibilityEn : procedure.eligibilityFr,
      fee: procedure.feeXof,
      targetDelayDays: procedure.targetDelayDays,
      documents: procedure.requiredDocuments.map((d) => ({ code: d.code, label: d.label[locale], hint: d.hint?.[locale] ?? null })),
      agency: en ? procedure.agencyEn : procedure.agencyFr,
    },
    region,
    regionName: regionRows.find((r) => r.code === region)?.name ?? region,
    regions: regionRows,
    availability,
    offices: offices.map((o) => ({ code: o.code, name: o.name, town: o.town, status: o.siteStatus, serves: o.serves, national: o.nationalCompetence })),
    availabilityHint: t(`availabilityHint.${availability}`),
    signedIn: user !== null,
    draft: draft ? { reference: draft.reference, savedAt: draft.updatedAt.toISOString(), keptUntil: new Date(draft.updatedAt.getTime() + DRAFT_LIFETIME_MS).toISOString() } : null,
  };
  return data(payload, { headers: setCookie ? { "Set-Cookie": setCookie } : undefined });
}

export default function ProcedurePage() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("procedures");
  return (
    <>
      <PageHeading caption={t("caption")} lead={d.procedure.summary}>
        {d.procedure.title}
      </PageHeading>

      <section aria-labelledby="disponibilite" className="card">
        <h2 id="disponibilite">{t("availabilityTitle", { region: d.regionName })}</h2>
        <p>
          <AvailabilityBadge availability={d.availability} />
        </p>
        <p>{d.availabilityHint}</p>
        <Form method="get" className="no-print">
          <Field as="select" label={t("region.label")} hint={t("region.hint")} name="region" id="region" defaultValue={d.region}>
            {d.regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </Field>
          <Button type="submit" variant="secondary">
            {t("region.submit")}
          </Button>
        </Form>
        <h3>{t("offices.title", { region: d.regionName })}</h3>
        {d.offices.length === 0 ? (
          <p>{t("offices.none")}</p>
        ) : (
          <ul className="list list--spaced" aria-label={t("offices.title", { region: d.regionName })}>
            {d.offices.map((office) => (
              <li key={office.code} data-office={office.code}>
                {office.name} — {office.town} <StatusBadge kind="link" status={office.status} />
                {!office.serves && office.national ? <span className="secondary-text"> {t("offices.national")}</span> : null}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/etat-des-services">{t("statusPage")}</a>
        </p>
      </section>

      <StartSection slug={d.procedure.slug} availability={d.availability} regionName={d.regionName} draft={d.draft} signedIn={d.signedIn} locale={d.locale} />

      <h2>{t("eligibility")}</h2>
      <p>{d.procedure.eligibility}</p>

      <h2>{t("documents")}</h2>
      {d.procedure.documents.length === 0 ? (
        <p>{t("noDocuments")}</p>
      ) : (
        <ul className="list list--bullet">
          {d.procedure.documents.map((doc) => (
            <li key={doc.code}>
              {doc.label}
              {doc.hint ? <span className="secondary-text"> — {doc.hint}</span> : null}
            </li>
          ))}
        </ul>
      )}

      <h2>{t("practical")}</h2>
      <dl className="summary">
        <div>
          <dt>{t("fee")}</dt>
          <dd>{d.procedure.fee > 0 ? formatFcfa(d.procedure.fee, d.locale) : t("free")}</dd>
        </div>
        <div>
          <dt>{t("delay")}</dt>
          <dd>{t("delayDays", { count: d.procedure.targetDelayDays })}</dd>
        </div>
        <div>
          <dt>{t("agency")}</dt>
          <dd>{d.procedure.agency}</dd>
        </div>
      </dl>
    </>
  );
}

interface StartSectionProps {
  slug: string;
  availability: Availability;
  regionName: string;
  draft: { reference: string; savedAt: string; keptUntil: string } | null;
  signedIn: boolean;
  locale: Locale;
}

/** "Commencer", or the citizen's draft to take up again (never a second one), or why it cannot be asked online. */
function StartSection({ slug, availability, regionName, draft, signedIn, locale }: StartSectionProps) {
  const { t } = useTranslation("procedures");
  return (
    <section aria-labelledby="demande-en-ligne" className="no-print">
      <h2 id="demande-en-ligne">{t("start.title")}</h2>
      {availability === "not_online" ? (
        <p>{t("start.notOnline", { region: regionName })}</p>
      ) : (
        <>
          {availability === "unavailable" ? <p>{t("start.forwarded")}</p> : null}
          {draft ? (
            <>
              <p>{t("start.draftSaved", { reference: draft.reference, date: formatDate(draft.savedAt, locale) })}</p>
              <p>{t("start.draftKept", { date: formatDate(draft.keptUntil, locale) })}</p>
              <Button to={`/mon-espace/dossiers/${draft.reference}/formulaire`}>{t("start.resume")}</Button>
            </>
          ) : (
            <>
              {signedIn ? null : <p>{t("start.signIn")}</p>}
              <Button to={`/demarches/${slug}/commencer`}>{t("start.button")}</Button>
            </>
          )}
        </>
      )}
    </section>
  );
}
