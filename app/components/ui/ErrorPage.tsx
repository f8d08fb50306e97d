import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "./PageHeading";

type Kind = "notFound" | "forbidden" | "badRequest" | "tooLarge" | "unavailable" | "serverError";

/** 4xx from the request edge (docs/architecture.md, "Request edge") and 503 have their own words. */
export function errorKindOf(status: number): Kind {
  if (status === 404 || status === 405) return "notFound";
  if (status === 401 || status === 403) return "forbidden";
  if (status === 400 || status === 415 || status === 422) return "badRequest";
  if (status === 413 || status === 414 || status === 431) return "tooLarge";
  if (status === 503) return "unavailable";
  return "serverError";
}

/**
 * The page shown for an HTTP error. It writes its own <title>: the routes' meta functions have
 * no data to build one from when a loader has failed.
 */
export function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation("common");
  const kind = errorKindOf(status);
  const title = t(`errorPage.${kind}.title`);
  return (
    <>
      <title>{`${title} — ${t("portalName")}`}</title>
      <PageHeading>{title}</PageHeading>
      <p>{t(`errorPage.${kind}.body`)}</p>
      <p>{t(`errorPage.${kind}.next`)}</p>
      <ul className="list list--bullet">
        <li>
          <Link to="/">{t("errorPage.home")}</Link>
        </li>
        <li>
          <Link to="/demarches">{t("errorPage.procedures")}</Link>
        </li>
        <li>
          <Link to="/etat-des-services">{t("errorPage.serviceStatus")}</Link>
        </li>
      </ul>
      <p className="secondary-text">{t("errorPage.code", { status })}</p>
    </>
  );
}
