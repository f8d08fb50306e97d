import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface BreadcrumbsProps {
  /** The pages above the current one, from the top (the current page is not listed). */
  items: readonly { label: ReactNode; to: string }[];
}

export function Breadcrumbs({ items }: BreadcrumbsProps) {
  const { t } = useTranslation("common");
  if (items.length === 0) return null;
  return (
    <nav className="breadcrumbs" aria-label={t("breadcrumbs.label")}>
      <ol className="breadcrumbs__list">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>{item.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
