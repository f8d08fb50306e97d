import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOut } from "~/services/auth.server";
import { forgetSession, getOptionalSession, requestMetaFor } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { serializeBlankSessionCookie } from "~/utils/session.server";

/** Signing out changes state: POST only (a link or a prefetch must not sign anyone out). */
export function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const current = await getOptionalSession(request);
  if (current) await signOut(await getDb(), current.session, requestMetaFor(request, context));
  forgetSession(request);
  return redirect("/", { headers: { "Set-Cookie": serializeBlankSessionCookie() } });
}
