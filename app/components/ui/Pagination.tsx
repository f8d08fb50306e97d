import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageHref, pageItems } from "./pagination";

export interface PaginationProps {
  /** 1-based. */
  page: number;
  pageCount: number;
}

/** Links to the pages of a list (`?page=`), other query parameters kept. Nothing for one page. */
export function Pagination({ page, pageCount }: PaginationProps) {
  const { t } = useTranslation("common");
  const { pathname, search } = useLocation();
  if (pageCount <= 1) return null;
  const href = (n: number) => pageHref(pathname, search, n);
  return (
    <nav className="pagination" aria-label={t("pagination.label")}>
      {page > 1 ? (
        <Link className="pagination__prev" to={href(page - 1)} rel="prev">
          <span aria-hidden="true">‹ </span>
          {t("pagination.previous")}
        </Link>
      ) : null}
      <ul className="pagination__list">
        {pageItems(page, pageCount).map((item, index) =>
          item === "gap" ? (
            <li key={`gap-${index}`} className="pagination__gap">
              …
            </li>
          ) : (
            <li key={item}>
              <Link
                to={href(item)}
                aria-current={item === page ? "page" : undefined}
                aria-label={t("pagination.pageNumber", { number: item })}
              >
                {item}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <Link className="pagination__next" to={href(page + 1)} rel="next">
          {t("pagination.next")}
          <span aria-hidden="true"> ›</span>
        </Link>
      ) : null}
    </nav>
  );
}
