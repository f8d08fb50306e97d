/**
 * Where to send the user after signing in: only a path of this site. Anything that a browser could
 * read as another origin ("//evil.example", "/\\evil.example", "http:", "javascript:") falls back.
 */
export function safeRedirectPath(to: unknown, fallback: string): string {
  if (typeof to !== "string" || to.length === 0 || to.length > 2048) return fallback;
  if (!to.startsWith("/") || to.startsWith("//")) return fallback;
  // Browsers treat "\" like "/" and ignore tabs and newlines inside URLs.
  if (/[\\\s\p{Cc}]/u.test(to)) return fallback;
  try {
    const base = "http://guichet.invalid";
    const url = new URL(to, base);
    if (url.origin !== base) return fallback;
    return url.pathname + url.search + url.hash;
  } catch {
    return fallback;
  }
}
