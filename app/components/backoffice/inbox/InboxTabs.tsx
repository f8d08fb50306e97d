import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { inboxQuery, TAB_IDS, type InboxUrlState, type TabId } from "./inbox-url";

/** The five tabs as links (keeping office, filters and search; back to the first page), each with its count. */
export function InboxTabs({ state, counts }: { state: InboxUrlState; counts: Record<TabId, { count: number; capped: boolean }> }) {
  const { t, i18n } = useTranslation("inbox");
  const locale = toLocale(i18n.language);
  return (
    <nav className="inbox-tabs" aria-label={t("tabs.label")}>
      <ul className="inbox-tabs__list">
        {TAB_IDS.map((tab) => {
          const { count, capped } = counts[tab];
          const shown = capped ? t("tabs.capped", { n: formatNumber(count, locale) }) : formatNumber(count, locale);
          return (
            <li key={tab}>
              <Link
                to={`/agent${inboxQuery({ ...state, tab, after: null, before: null })}`}
                aria-current={tab === state.tab ? "page" : undefined}
                className="inbox-tabs__link"
                data-tab={tab}
              >
                {t(`tabs.${tab}`)} <span className="inbox-tabs__count">({shown})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
