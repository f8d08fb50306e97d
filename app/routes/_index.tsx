import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import type { RootLoader } from "~/root";
import { i18next } from "~/utils/i18next.server";
import { titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["pages"] };

/** The procedures people ask for most, linked from the home page. */
const POPULAR_PROCEDURES = ["extrait-casier-judiciaire", "certificat-nationalite", "copie-acte-naissance", "passeport"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "pages");
  return { title: t("home.metaTitle") };
}

export const meta = titleFromLoader;

export default function Home() {
  const { t } = useTranslation("pages");
  const signedIn = Boolean(useRouteLoaderData<RootLoader>("root")?.user);
  const cards = [
    { key: "track", to: "/suivi" },
    // Someone signed in already has an account: the header leads to it.
    ...(signedIn ? [] : [{ key: "account", to: "/inscription" }]),
    { key: "status", to: "/etat-des-services" },
  ];
  return (
    <>
      <div className="hero">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.lead")}</p>
        <Form method="get" action="/demarches" role="search" className="search">
          <Field label={t("home.search.label")} hint={t("home.search.hint")} id="recherche" name="q" type="search" />
          <Button type="submit">{t("home.search.submit")}</Button>
        </Form>
      </div>

      <section aria-labelledby="populaires">
        <h2 id="populaires">{t("home.popular.title")}</h2>
        <ul className="list list--bullet list--spaced">
          {POPULAR_PROCEDURES.map((slug) => (
            <li key={slug}>
              <Link to={`/demarches/${slug}`}>{t(`home.popular.items.${slug}`)}</Link>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/demarches">{t("home.popular.all")}</Link>
        </p>
      </section>

      <ul className="cards">
        {cards.map(({ key, to }) => (
          <li key={key} className="card">
            <h2 className="card__title">{t(`home.${key}.title`)}</h2>
            <p>{t(`home.${key}.body`)}</p>
            <p>
              <Link to={to}>{t(`home.${key}.link`)}</Link>
            </p>
          </li>
        ))}
      </ul>

      <section aria-labelledby="reseau">
        <h2 id="reseau">{t("home.network.title")}</h2>
        <p>{t("home.network.body")}</p>
        <ul className="figures" aria-label={t("home.network.figuresLabel")}>
          <li>
            <strong>560</strong> {t("home.network.buildings")}
          </li>
          <li>
            <strong>250 km</strong> {t("home.network.fibre")}
          </li>
          <li>
            <strong>100 Mbit/s</strong> {t("home.network.speed")}
          </li>
        </ul>
      </section>
    </>
  );
}
