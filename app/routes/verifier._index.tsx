import { data, redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { PageHeading } from "~/components/ui/PageHeading";
import { normalizeVerificationCode } from "~/services/issued-documents.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["verify"] };

export const meta = titleFromLoader;

/**
 * GET /verifier — type the code printed on a document. A plain GET form: a well-formed code goes
 * to /verifier/<code> (which counts the look-up against the rate limit), a malformed one is
 * explained here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "verify");
  const url = new URL(request.url);
  const typed = url.searchParams.get("code");
  const title = documentTitle(t("title"));
  if (typed === null) return { title, code: "", error: null };
  const code = (typed ?? "").trim().slice(0, 40);
  if (!code) return data({ title: documentTitle(`${t("errors.code_required")} — ${t("title")}`), code, error: "errors.code_required" }, { status: 400 });
  const normalized = normalizeVerificationCode(code);
  if (!normalized) return data({ title: documentTitle(`${t("errors.code_invalid")} — ${t("title")}`), code, error: "errors.code_invalid" }, { status: 400 });
  const lng = url.searchParams.get("lng");
  throw redirect(`/verifier/${normalized}${lng ? `?lng=${encodeURIComponent(lng)}` : ""}`);
}

export default function VerifyIndex() {
  const { code, error } = useLoaderData<typeof loader>();
  const { t } = useTranslation("verify");
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      <ErrorSummary errors={error ? [{ id: "code", message: t(error) }] : []} />
      <Form method="get" action="/verifier" noValidate>
        <Field
          label={t("fields.code.label")}
          hint={t("fields.code.hint")}
          error={error ? t(error) : undefined}
          id="code"
          name="code"
          defaultValue={code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          width={20}
        />
        <Button type="submit">{t("submit")}</Button>
      </Form>
    </>
  );
}
