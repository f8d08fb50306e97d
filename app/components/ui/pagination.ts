import { samePagePath } from "~/domain/redirect";

/** The same page with another `page` parameter, keeping the other query parameters. */
export function pageHref(pathname: string, search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete("page");
  else params.set("page", String(page));
  const query = params.toString();
  const path = samePagePath(pathname);
  return query ? `${path}?${query}` : path;
}

export type PageItem = number | "gap";

/**
 * Page numbers to show: the first, the last, and the current one with its neighbours; a gap
 * stands for the pages left out (never for a single page, which is shown instead).
 */
export function pageItems(current: number, count: number): PageItem[] {
  const wanted = new Set([1, count, current - 1, current, current + 1].filter((n) => n >= 1 && n <= count));
  const sorted = [...wanted].sort((a, b) => a - b);
  const items: PageItem[] = [];
  for (const n of sorted) {
    const previous = items[items.length - 1];
    if (typeof previous === "number" && n - previous === 2) items.push(previous + 1);
    else if (typeof previous === "number" && n - previous > 2) items.push("gap");
    items.push(n);
  }
  return items;
}
