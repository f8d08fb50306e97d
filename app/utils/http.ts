import type { HeadersFunction } from "@remix-run/node";

/** Route `headers` for forms that may answer 429: the document response keeps the action's Retry-After. */
export const retryAfterFromAction: HeadersFunction = ({ actionHeaders }) => {
  const headers = new Headers();
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};
