import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { EDGE_ERROR_STATUSES } from "~/utils/http";

/**
 * The error page of a request refused at the edge (server/edge.ts: a broken address, a body too
 * large…): the root ErrorBoundary renders it with the site's header, in the visitor's language.
 * Any other status here is a page that does not exist.
 */
export function loader({ params }: LoaderFunctionArgs) {
  const status = Number(params.status);
  throw new Response(null, {
    status: EDGE_ERROR_STATUSES.includes(status) ? status : 404,
    headers: { "Cache-Control": "no-store" },
  });
}

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

/** Never rendered: the loader always throws. A component makes this a page, not a resource route. */
export default function EdgeError() {
  return null;
}
