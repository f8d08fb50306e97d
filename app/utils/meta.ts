import type { MetaFunction } from "@remix-run/node";

/** "Se connecter — Guichet": the page's own title first, for tabs and screen readers. */
export function documentTitle(pageTitle: string): string {
  return `${pageTitle} — Guichet`;
}

/**
 * `<title>` from the loader's `title` (already translated and complete). Nothing when the loader
 * failed: the error page renders its own title.
 */
export const titleFromLoader: MetaFunction = ({ data }) => {
  const title = (data as { title?: unknown } | undefined)?.title;
  return typeof title === "string" ? [{ title }] : [];
};
