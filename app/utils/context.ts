/** What the HTTP server gives every loader and action (see server/app.ts). */
export interface RequestContext {
  cspNonce: string;
  requestId: string;
  /** Client address as seen by the server (after trusted proxies). */
  ip: string;
  /**
   * Set by entry.server's handleError when a loader or action failed because the database is
   * unreachable: the server then answers 503 with Retry-After instead of 500 (server/app.ts).
   */
  databaseUnavailable?: boolean;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}
