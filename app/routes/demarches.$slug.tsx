import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { and, asc, eq } from "drizzle-orm";
import { useTranslation } from "react-i18next";
import { agencies, procedures, regions, users } from "../../db/schema";
import { AvailabilityBadge } from "~/components/status/AvailabilityBadge";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { PageHeading } from "~/components/ui/PageHeading";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { REGION_CODES, type RegionCode } from "~/domain/constants";
import { listProcedureAvailability, officesForProcedure } from "~/services/availability.server";
import { getOptionalUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatFcfa } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["procedures"] };

export const meta = titleFromLoader;

function isRegion(value: string | null | undefined): value is RegionCode {
  return value != null && (REGION_CODES as readonly string[]).includes(value);
}

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

  const asked = new URL(request.url).searchParams.get("region");
  let region: RegionCode = "maritime";
  if (isRegion(asked)) region = asked;
  else {
    const user = await getOptionalUser(request);
    if (user) {
      const [row] = await db.select({ region: users.regionCode }).from(users).where(eq(users.id, user.id));
      if (isRegion(row?.region)) region = row.region;
    }
  }
  const [regionRows, availabilityRows, offices] = await Promise.all([
    db.select({ code: regions.code, name: regions.name }).from(regions).orderBy(asc(regions.position)),
    listProcedureAvailability(db, region),
    officesForProcedure(db, procedure.id, region),
  ]);
  const availability = availabilityRows.find((row) => row.procedureId === procedure.id)?.availability ?? "not_online";
  const en = locale === "en";
  const title = en ? procedure.titleEn : procedure.titleFr;
  return {
    title: documentTitle(title),
    locale,
    procedure: {
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
  };
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
