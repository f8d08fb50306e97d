import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { StatusBadge } from "~/components/ui/StatusBadge";
import type { CaseStatus } from "~/domain/constants";
import { lookupTrackedCase } from "~/services/tracking.server";
import { getDb } from "~/utils/db.server";
import { formatDate, formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { consume } from "~/utils/rate-limit.server";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["tracking"] };

export const meta = titleFromLoader;

/** Look-ups per client address: plenty for a family, far too few to guess 50-bit codes. */
const TRACKING_LIMIT = { limit: 10, windowMs: 15 * 60 * 1000 };

export const headers: HeadersFunction = ({ actionHeaders }) => {
  // What a look-up shows is not for shared caches; a 429 keeps its Retry-After.
  const headers = new Headers({ "Cache-Control": "private, no-store" });
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "tracking");
  const reference = (new URL(request.url).searchParams.get("reference") ?? "").slice(0, 40);
  return { title: documentTitle(t("title")), reference };
}

type Values = { reference: string; code: string };
type ActionResult =
  | { kind: "invalid"; values: Values; errors: { reference?: string; code?: string } }
  | { kind: "rate_limited"; values: Values; retryAfterMinutes: number }
  | { kind: "not_found"; values: Values }
  | {
      kind: "found";
      found: { reference: string; status: CaseStatus; procedure: string; filedAt: string | null; expected: string | null; lastUpdate: string };
    };

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const values = { reference: String(form.get("reference") ?? "").trim().slice(0, 40), code: String(form.get("code") ?? "").trim().slice(0, 40) };
  const db = await getDb();
  // Every attempt counts, well-formed or not: the limit is what makes guessing codes hopeless.
  const limit = await consume(db, `tracking:ip:${context?.ip ?? ""}`, TRACKING_LIMIT);
  if (!limit.allowed) {
    return data<ActionResult>(
      { kind: "rate_limited", values, retryAfterMinutes: Math.ceil(limit.retryAfterSeconds / 60) },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const errors: { reference?: string; code?: string } = {};
  if (!values.reference) errors.reference = "errors.reference_required";
  if (!values.code) errors.code = "errors.code_required";
  if (errors.reference || errors.code) return data<ActionResult>({ kind: "invalid", values, errors }, { status: 400 });

  const found = await lookupTrackedCase(db, values);
  if (!found) return data<ActionResult>({ kind: "not_found", values });
  const locale = toLocale(await i18next.getLocale(request));
  return data<ActionResult>({
    kind: "found",
    found: {
      reference: found.reference,
      status: found.status,
      procedure: locale === "en" ? found.procedureTitleEn : found.procedureTitleFr,
      filedAt: found.submittedAt ? formatDate(found.submittedAt, locale) : null,
      expected: found.dueAt ? formatDate(found.dueAt, locale) : null,
      lastUpdate: formatDateTime(found.lastUpdateAt, locale),
    },
  });
}

export default function Tracking() {
  const { reference } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { t } = useTranslation(["tracking", "common"]);

  if (result?.kind === "found") {
    const { found } = result;
    return (
      <>
        <PageHeading caption={t("title")}>{t("result.heading", { reference: found.reference })}</PageHeading>
        <dl className="summary">
          <dt>{t("result.procedure")}</dt>
          <dd>{found.procedure}</dd>
          <dt>{t("result.status")}</dt>
          <dd>
            <StatusBadge kind="case" status={found.status} />
            <p>{t(`explain.${found.status}`)}</p>
          </dd>
          <dt>{t("result.filedAt")}</dt>
          <dd>{found.filedAt}</dd>
          <dt>{t("result.expected")}</dt>
          <dd>{found.expected ?? t("result.expectedUnknown")}</dd>
          <dt>{t("result.lastUpdate")}</dt>
          <dd>{found.lastUpdate}</dd>
        </dl>
        <p>
          <Link to="/suivi">{t("result.another")}</Link>
        </p>
        <p className="secondary-text">{t("signedIn")}</p>
      </>
    );
  }

  const values = result?.values ?? { reference, code: "" };
  const errors = result?.kind === "invalid" ? result.errors : {};
  const summary = [
    ...(errors.reference ? [{ id: "reference", message: t(errors.reference) }] : []),
    ...(errors.code ? [{ id: "code", message: t(errors.code) }] : []),
  ];
  return (
    <>
      <PageHeading lead={t("lead")}>{t("title")}</PageHeading>
      {result?.kind === "rate_limited" ? (
        <Notice tone="error" title={t("rateLimited.title")}>
          <p>{t("rateLimited.body", { count: result.retryAfterMinutes })}</p>
        </Notice>
      ) : null}
      {result?.kind === "not_found" ? (
        <Notice tone="error" title={t("notFound.title")}>
          <p>{t("notFound.body")}</p>
          <p>{t("notFound.help")}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={summary} />
      <Form method="post" action="/suivi" noValidate>
        <Field
          label={t("fields.reference.label")}
          hint={t("fields.reference.hint")}
          error={errors.reference ? t(errors.reference) : undefined}
          id="reference"
          name="reference"
          defaultValue={values.reference}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          width={20}
        />
        <Field
          label={t("fields.code.label")}
          hint={t("fields.code.hint")}
          error={errors.code ? t(errors.code) : undefined}
          id="code"
          name="code"
          defaultValue={values.code}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          width={20}
        />
        <Button type="submit">{t("submit")}</Button>
      </Form>
      <p className="secondary-text">{t("signedIn")}</p>
    </>
  );
}
