/**
 * What a route module may declare in `export const handle`.
 * - `i18n`: the translation namespaces its components use.
 * - `hydrate`: ship the React runtime to the browser for this page. Off by default: every page
 *   works as plain HTML forms and links, and on a phone over 3G a page without ~100 KB of
 *   JavaScript is the fastest page (docs/decisions/005-javascript-opt-in.md). Turn it on only
 *   where JavaScript really improves the page.
 */
export interface RouteHandle {
  i18n?: string | string[];
  hydrate?: boolean;
}

export function wantsHydration(matches: readonly { handle?: unknown }[]): boolean {
  return matches.some((match) => (match.handle as RouteHandle | undefined)?.hydrate === true);
}
