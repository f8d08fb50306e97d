/**
 * Where to send the user after signing in: only a path of this site. Anything that a browser could
 * read as another origin ("//evil.example", "/\\evil.example", "http:", "javascript:") falls back.
 * The check applies to the URL as it will be sent: normalising "/.//evil.example" or
 * "/a/..//evil.example" gives "//evil.example", which a browser reads as another host.
 */
export function safeRedirectPath(to: unknown, fallback: string): string {
  if (typeof to !== "string" || !isSafePath(to)) return fallback;
  try {
    const base = "http://guichet.invalid";
    const url = new URL(to, base);
    if (url.origin !== base) return fallback;
    const normalised = url.pathname + url.search + url.hash;
    // The final value must pass the same test, and stay what it is when the browser resolves it.
    if (!isSafePath(normalised) || new URL(normalised, base).href !== url.href) return fallback;
    return normalised;
  } catch {
    return fallback;
  }
}

function isSafePath(to: string): boolean {
  if (to.length === 0 || to.length > 2048) return false;
  if (!to.startsWith("/") || to.startsWith("//")) return false;
  // Browsers treat "\" like "/" and ignore tabs and newlines inside URLs.
  return !/[\\\s\p{Cc}]/u.test(to);
}

/**
 * The current page's path, for a link back to it (language switch, pagination): a request for
 * "//evil.example/x" must not turn into a link to evil.example.
 */
export function samePagePath(pathname: string): string {
  return pathname.replace(/^[/\\]+/, "/");
}
