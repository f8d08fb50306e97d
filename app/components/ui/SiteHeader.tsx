import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { SessionUser } from "~/domain/user";
import { FlagMark } from "./FlagMark";
import { LanguageSwitch } from "./LanguageSwitch";
import { navigationFor } from "./navigation";

export type ShellUser = Pick<SessionUser, "fullName" | "roles">;

/**
 * Portal name, language switch and the links for who is signed in. The links wrap onto more
 * lines on a narrow screen rather than hiding behind a menu, so they work without JavaScript.
 */
export function SiteHeader({ user }: { user: ShellUser | null }) {
  const { t } = useTranslation("common");
  return (
    <header className="header">
      <div className="container header__top">
        <Link to="/" className="header__brand">
          <FlagMark />
          <span className="header__name">{t("portalName")}</span>
        </Link>
        <p className="header__mention">{t("shell.mention")}</p>
        <LanguageSwitch />
      </div>
      <nav className="nav" aria-label={t("nav.label")}>
        <div className="container nav__inner">
          <ul className="nav__list">
            {navigationFor(user).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} className="nav__link">
                  {t(item.labelKey)}
                </NavLink>
              </li>
            ))}
          </ul>
          {user ? (
            <div className="nav__account">
              <span className="nav__user">
                <span className="visually-hidden">{t("account.signedInAs")} </span>
                {user.fullName}
              </span>
              <form method="post" action="/deconnexion">
                <button type="submit" className="nav__signout">
                  {t("account.signOut")}
                </button>
              </form>
            </div>
          ) : null}
        </div>
      </nav>
    </header>
  );
}
