import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { PageHeading } from "~/components/ui/PageHeading";
import { confirmSignUp, isSignUpTokenUsable } from "~/services/sign-up.server";
import { forgetSession, requestMetaFor, requireAnonymous } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { serializeSessionCookie } from "~/utils/session.server";
import { readForm } from "~/utils/body.server";

/**
 * The link of a sign-up message. Opening it shows a button: the account is created by the POST,
 * never by the GET, which mail scanners and link previews also send.
 */
export const handle = { i18n: ["auth"] };

export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export const meta = titleFromLoader;

type State = "usable" | "invalid" | "taken";

function wellFormed(token: unknown): token is string {
  return typeof token === "string" && token.length > 0 && token.length <= 200;
}

const TITLES: Record<State, string> = { usable: "signUp.confirmTitle", invalid: "signUp.invalidTitle", taken: "signUp.takenTitle" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await i18next.getFixedT(request, "auth");
  const token = new URL(request.url).searchParams.get("token");
  const usable = wellFormed(token) && (await isSignUpTokenUsable(await getDb(), token));
  const state: State = usable ? "usable" : "invalid";
  return data({ title: documentTitle(t(TITLES[state])), state, token: usable ? token : "" }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const token = (await readForm(request)).get("token");
  const result = wellFormed(token) ? await confirmSignUp(await getDb(), token, requestMetaFor(request, context)) : ({ ok: false, reason: "invalid_token" } as const);
  if (!result.ok) {
    const state: State = result.reason === "identifier_taken" ? "taken" : "invalid";
    return data({ state }, { status: result.reason === "identifier_taken" ? 409 : 400 });
  }
  forgetSession(request);
  return redirect(result.homePath, { headers: { "Set-Cookie": serializeSessionCookie(result.token) } });
}

export default function ConfirmSignUp() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("auth");
  const state: State = actionData?.state ?? loaded.state;

  if (state === "usable") {
    return (
      <>
        <PageHeading lead={t("signUp.confirmLead")}>{t("signUp.confirmTitle")}</PageHeading>
        <Form method="post">
          <input type="hidden" name="token" value={loaded.token} />
          <Button type="submit">{t("signUp.confirmSubmit")}</Button>
        </Form>
      </>
    );
  }
  return (
    <>
      <PageHeading>{t(TITLES[state])}</PageHeading>
      <p>{t(state === "taken" ? "signUp.taken" : "signUp.invalid")}</p>
      <p>{state === "taken" ? <Link to="/connexion">{t("signUp.signInLink")}</Link> : <Link to="/inscription">{t("signUp.title")}</Link>}</p>
    </>
  );
}
