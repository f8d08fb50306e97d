import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader, type ShellUser } from "./SiteHeader";

export interface PageShellProps {
  /** The signed-in user (root loader), or null for a visitor. */
  user: ShellUser | null;
  children: ReactNode;
}

/** Skip link, header with navigation, the page's <main> and the footer. */
export function PageShell({ user, children }: PageShellProps) {
  const { t } = useTranslation("common");
  return (
    <>
      <a href="#contenu" className="skip-link">
        {t("shell.skipLink")}
      </a>
      <SiteHeader user={user} />
      <div className="container">
        <main id="contenu" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <SiteFooter />
    </>
  );
}
