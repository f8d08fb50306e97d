import { data, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AvailabilityBadge } from "~/components/status/AvailabilityBadge";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { PageHeading } from "~/components/ui/PageHeading";
import { MAX_QUERY_LENGTH } from "~/domain/search";
import { PROCEDURE_CATEGORIES, REGION_CODES } from "~/domain/constants";
import { isCategory, searchCatalogue } from "~/services/catalogue.server";
import { resolveRegion } from "~/services/region-preference.server";
import { getOptionalUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatFcfa } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["catalogue", "procedures"] };

export const meta = titleFromLoader;

/**
 * The catalogue: search (accents, case and word order forgiven), a topic, the citizen's region
 * (remembered), each procedure with its availability there. Two queries (see searchCatalogue),
 * plus the user's region when signed in. A plain GET form: works without JavaScript, and a
 * search is a link one can share.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, MAX_QUERY_LENGTH);
  const askedCategory = url.searchParams.get("categorie");
  const category = isCategory(askedCategory) ? askedCategory : null;
  const [db, user, t] = await Promise.all([getDb(), getOptionalUser(request), i18next.getFixedT(request, "catalogue")]);
  const { region, setCookie } = await resolveRegion(db, request, user?.id ?? null);
  const { words, entries } = await searchCatalogue(db, { q, category, region, locale });

  const count = t("count", { count: entries.length });
  const title = words.length > 0 ? `${count} ${t("countFor", { q })}` : category ? `${count} ${t("countIn", { category: t(`categories.${category}`) })}` : t("metaTitle");
  const headers = new Headers({ "Cache-Control": "private, no-cache", Vary: "Cookie, Accept-Language" });
  if (setCookie) headers.append("Set-Cookie", setCookie);
  return data(
    {
      title: documentTitle(title),
      locale,
      q,
      searched: words.length > 0,
      category,
      region,
      entries: entries.map((e) => ({ slug: e.slug, title: e.title, summary: e.summary, agency: e.agency, fee: e.feeXof, delay: e.targetDelayDays, availability: e.availability })),
    },
    { headers },
  );
}

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers();
  for (const name of ["Cache-Control", "Vary"]) {
    const value = loaderHeaders.get(name);
    if (value) headers.set(name, value);
  }
  return headers;
};

export default function Catalogue() {
  const d = useLoaderData<typeof loader>();
  const { t } = useTranslation("catalogue");
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>

      <Form method="get" role="search" aria-label={t("form.legend")} className="search">
        <Field label={t("form.q")} hint={t("form.qHint")} id="q" name="q" type="search" defaultValue={d.q} maxLength={MAX_QUERY_LENGTH} autoComplete="off" />
        <Field as="select" label={t("form.category")} id="categorie" name="categorie" defaultValue={d.category ?? ""}>
          <option value="">{t("form.allCategories")}</option>
          {PROCEDURE_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`categories.${c}`)}
            </option>
          ))}
        </Field>
        <Field as="select" label={t("form.region")} hint={t("form.regionHint")} id="region" name="region" defaultValue={d.region}>
          {REGION_CODES.map((r) => (
            <option key={r} value={r}>
              {t(`regions.${r}`)}
            </option>
          ))}
        </Field>
        <Button type="submit">{t("form.submit")}</Button>
      </Form>

      <section aria-labelledby="resultats">
        <h2 id="resultats">
          {t("count", { count: d.entries.length })}
          {d.searched ? ` ${t("countFor", { q: d.q })}` : null}
          {d.category ? ` ${t("countIn", { category: t(`categories.${d.category}`) })}` : null}
        </h2>
        {d.entries.length === 0 ? (
          <EmptyState withCategory={d.category !== null} />
        ) : (
          <>
            <p className="secondary-text">{t("availabilityFor", { region: t(`regions.${d.region}`) })}</p>
            <ul className="list list--plain list--spaced catalogue">
              {d.entries.map((e) => (
                <li key={e.slug} className="card" data-procedure={e.slug}>
                  <h3 className="card__title">
                    <Link to={`/demarches/${e.slug}`}>{e.title}</Link>
                  </h3>
                  <p>{e.summary}</p>
                  <p>
                    <AvailabilityBadge availability={e.availability} />
                  </p>
                  <ul className="list list--plain">
                    <li>{t("entry.agency", { agency: e.agency })}</li>
                    <li>{t("entry.fee", { fee: e.fee > 0 ? formatFcfa(e.fee, d.locale) : t("entry.free") })}</li>
                    <li>{t("entry.delay", { count: e.delay })}</li>
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function EmptyState({ withCategory }: { withCategory: boolean }) {
  const { t } = useTranslation("catalogue");
  return (
    <>
      <p>{t("empty.intro")}</p>
      <ul className="list list--bullet">
        <li>{t("empty.advice.spelling")}</li>
        <li>{t("empty.advice.fewer")}</li>
        {withCategory ? <li>{t("empty.advice.category")}</li> : null}
        <li>
          <Link to="/demarches">{t("empty.advice.browse")}</Link>
        </li>
      </ul>
    </>
  );
}
