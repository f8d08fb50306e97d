import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** The sections of /admin, in the order of the menu; `labelKey` in the `admin` namespace. */
export const ADMIN_SECTIONS = [
  { to: "/admin", labelKey: "menu.dashboard", end: true },
  { to: "/admin/administrations", labelKey: "menu.agencies" },
  { to: "/admin/bureaux", labelKey: "menu.offices" },
  { to: "/admin/sites", labelKey: "menu.sites" },
  { to: "/admin/demarches", labelKey: "menu.procedures" },
  { to: "/admin/comptes", labelKey: "menu.staff" },
  { to: "/admin/jetons", labelKey: "menu.tokens" },
  { to: "/admin/journal", labelKey: "menu.audit" },
] as const;

/** The administration's section menu; the current section is marked (aria-current). */
export function AdminMenu() {
  const { t } = useTranslation("admin");
  return (
    <nav className="admin-menu" aria-label={t("menu.label")}>
      <ul className="admin-menu__list">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to} end={"end" in section} className="admin-menu__link">
              {t(section.labelKey)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
