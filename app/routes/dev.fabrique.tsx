import { data, type ActionFunctionArgs } from "@remix-run/node";
import { REGION_CODES, type RegionCode } from "~/domain/constants";
import { audit } from "~/services/audit.server";
import { fileCase, isDevFactoriesEnabled, makeCitizen } from "~/services/dev-factories.server";
import { readForm } from "~/utils/body.server";
import { requestMetaFor } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { appBaseUrl } from "~/utils/public-url.server";
import { serializeSessionCookie, sessionCookieName } from "~/utils/session.server";

/**
 * Development tool for the end-to-end tests (app/services/dev-factories.server.ts): POST `nom`
 * (and `demarche`, `region` to file a case) makes a citizen, signs her in (Set-Cookie) and answers
 * JSON. 404 in production unless DEV_FACTORIES=1; never linked from a page.
 */
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (!isDevFactoriesEnabled()) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  const fullName = String(form.get("nom") ?? "").trim();
  const slug = String(form.get("demarche") ?? "").trim();
  const region = String(form.get("region") ?? "maritime");
  if (!fullName || fullName.length > 120) return data({ error: "nom" }, { status: 400 });
  if (!(REGION_CODES as readonly string[]).includes(region)) return data({ error: "region" }, { status: 400 });
  const answers: Record<string, string> = {};
  for (const [key, value] of form) if (key.startsWith("reponse.") && typeof value === "string") answers[key.slice("reponse.".length)] = value;

  const db = await getDb();
  const citizen = await makeCitizen(db, { fullName, regionCode: region as RegionCode });
  const meta = requestMetaFor(request, context);
  await audit(db, { action: "dev.factory_used", actorId: citizen.userId, targetType: "user", targetId: citizen.userId, ip: meta.ip, requestId: meta.requestId, details: { slug: slug || null } });
  const headers = { "Set-Cookie": serializeSessionCookie(citizen.sessionToken), "Cache-Control": "no-store" };
  // The session also in the body: a test's HTTP client may not keep a Secure cookie sent over http.
  const account = { email: citizen.email, password: citizen.password, session: { name: sessionCookieName(), value: citizen.sessionToken } };
  if (!slug) return data({ ...account, reference: null, trackingCode: null }, { headers });
  const filed = await fileCase(db, { userId: citizen.userId, slug, regionCode: region as RegionCode, answers, baseUrl: appBaseUrl() });
  if (!filed.ok) return data({ ...account, error: filed.error }, { status: 422, headers });
  return data({ ...account, reference: filed.reference, trackingCode: filed.trackingCode }, { headers });
}
