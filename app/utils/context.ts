/** What the HTTP server gives every loader and action (see server/app.ts). */
export interface RequestContext {
  cspNonce: string;
  requestId: string;
  /** Client address as seen by the server (after trusted proxies). */
  ip: string;
}

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}
