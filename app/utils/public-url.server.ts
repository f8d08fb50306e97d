/**
 * The portal's public origin ("https://guichet.gouv.tg"), the only base of the absolute links it
 * writes — in e-mails and SMS (password reset, invitations, tracking), receipts, feeds. It comes
 * from APP_URL and never from a request's Host or X-Forwarded-Host header, which a client chooses:
 * production refuses to start without APP_URL (server/config.ts); development, the tests and
 * `npm start` on a laptop use http://localhost:<PORT>.
 */
export function appBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.APP_URL) return parseAppUrl(env.APP_URL);
  if (env.NODE_ENV === "production") throw new Error("APP_URL is required in production (the public URL of the portal)");
  return `http://localhost:${env.PORT || 3000}`;
}

/** The origin of an APP_URL value; throws a message naming the variable when it is not an http(s) URL. */
export function parseAppUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`APP_URL must be an absolute URL such as https://guichet.gouv.tg, got "${value}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`APP_URL must start with https:// or http://, got "${value}"`);
  return url.origin;
}
