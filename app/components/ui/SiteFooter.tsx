import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function SiteFooter() {
  const { t } = useTranslation("common");
  return (
    <footer className="footer">
      <div className="container">
        <h2 className="visually-hidden">{t("footer.heading")}</h2>
        <ul className="footer__links">
          <li>
            <Link to="/accessibilite">{t("footer.accessibility")}</Link>
          </li>
          <li>
            <Link to="/confidentialite">{t("footer.privacy")}</Link>
          </li>
          <li>
            <Link to="/etat-des-services">{t("footer.serviceStatus")}</Link>
          </li>
        </ul>
        <p className="footer__network">{t("footer.network")}</p>
        <p className="footer__owner">{t("footer.owner")}</p>
      </div>
    </footer>
  );
}
