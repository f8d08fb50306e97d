import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inboxQuery, type InboxUrlState } from "./inbox-url";

/** Keyset pages: previous / next links carrying the cursor, and back to the start. */
export function InboxPager({ state, next, previous }: { state: InboxUrlState; next: string | null; previous: string | null }) {
  const { t } = useTranslation("inbox");
  if (!next && !previous && !state.after && !state.before) return null;
  const base = { ...state, after: null, before: null };
  return (
    <nav className="pagination" aria-label={t("pages.label")}>
      {previous ? (
        <Link to={`/agent${inboxQuery({ ...base, before: previous })}`} rel="prev">
          {t("pages.previous")}
        </Link>
      ) : null}
      {state.after || state.before ? <Link to={`/agent${inboxQuery(base)}`}>{t("pages.first")}</Link> : null}
      {next ? (
        <Link to={`/agent${inboxQuery({ ...base, after: next })}`} rel="next" className="pagination__next">
          {t("pages.next")}
        </Link>
      ) : null}
    </nav>
  );
}
