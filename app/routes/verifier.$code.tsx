import { data, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { normalizeVerificationCode, verifyDocument } from "~/services/issued-documents.server";
import { getDb } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { consume } from "~/utils/rate-limit.server";

export const handle = { i18n: ["verify"] };

export const meta = titleFromLoader;

/** Look-ups per client address: plenty for a counter checking papers, far too few to guess 50-bit codes. */
export const VERIFY_LIMIT = { limit: 30, windowMs: 15 * 60 * 1000 };

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers({ "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" });
  const retryAfter = loaderHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
};

type LoaderData =
  | { kind: "rate_limited"; title: string; retryAfterMinutes: number }
  | { kind: "not_found"; title: string; code: string }
  | {
      kind: "found";
      title: string;
      document: { code: string; valid: boolean; revokedOn: string | null; procedure: string; holderInitials: string; holderBirthDate: string | null; issuedOn: string; office: string; agency: string };
    };

/**
 * GET /verifier/:code — public: is this issued document genuine? Shows the procedure, the holder's
 * initials and birth date (nothing more personal: what a checker compares with the paper), the
 * date, the issuing office, valid or revoked. An unknown code is a 404 with a plain explanation; every look-up counts against a per-address limit.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "verify");
  const locale = toLocale(await i18next.getLocale(request));
  const db = await getDb();
  const limit = await consume(db, `verify:ip:${context?.ip ?? ""}`, VERIFY_LIMIT);
  if (!limit.allowed) {
    return data<LoaderData>(
      { kind: "rate_limited", title: documentTitle(t("rateLimited.title")), retryAfterMinutes: Math.ceil(limit.retryAfterSeconds / 60) },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  }
  const typed = (params.code ?? "").slice(0, 40);
  const found = await verifyDocument(db, typed);
  if (!found) {
    const shown = normalizeVerificationCode(typed) ?? typed;
    return data<LoaderData>({ kind: "not_found", title: documentTitle(t("notFound.heading")), code: shown }, { status: 404 });
  }
  return data<LoaderData>({
    kind: "found",
    title: documentTitle(t(found.valid ? "result.valid" : "result.revoked")),
    document: {
      code: found.code,
      valid: found.valid,
      revokedOn: found.revokedAt ? formatDate(found.revokedAt, locale) : null,
      procedure: locale === "en" ? found.procedureTitleEn : found.procedureTitleFr,
      holderInitials: found.holderInitials,
      holderBirthDate: found.holderBirthDate ? formatDate(`${found.holderBirthDate}T12:00:00Z`, locale) : null,
      issuedOn: formatDate(found.issuedAt, locale),
      office: found.officeName,
      agency: locale === "en" ? found.agencyNameEn : found.agencyNameFr,
    },
  });
}

export default function VerifyCode() {
  const loaded = useLoaderData<typeof loader>() as LoaderData;
  const { t } = useTranslation("verify");

  if (loaded.kind === "rate_limited") {
    return (
      <>
        <PageHeading>{t("rateLimited.title")}</PageHeading>
        <p>{t("rateLimited.body", { count: loaded.retryAfterMinutes })}</p>
      </>
    );
  }

  if (loaded.kind === "not_found") {
    return (
      <>
        <PageHeading caption={t("title")}>{t("notFound.heading")}</PageHeading>
        <Notice tone="error" title={t("notFound.title")}>
          <p>{t("notFound.body", { code: loaded.code })}</p>
          <p>{t("notFound.help")}</p>
        </Notice>
        <p>
          <Link to="/verifier">{t("result.another")}</Link>
        </p>
      </>
    );
  }

  const { document } = loaded;
  return (
    <>
      <PageHeading caption={t("result.caption", { code: document.code })}>{t(document.valid ? "result.valid" : "result.revoked")}</PageHeading>
      {document.valid ? (
        <Notice tone="success">
          <p>{t("result.validBody")}</p>
        </Notice>
      ) : (
        <Notice tone="error">
          <p>{t("result.revokedBody", { date: document.revokedOn })}</p>
        </Notice>
      )}
      <dl className="summary" data-valid={document.valid ? "true" : "false"}>
        <dt>{t("result.status")}</dt>
        <dd>{t(document.valid ? "result.statusValid" : "result.statusRevoked")}</dd>
        <dt>{t("result.procedure")}</dt>
        <dd>{document.procedure}</dd>
        <dt>{t("result.holder")}</dt>
        <dd>{document.holderInitials}</dd>
        {document.holderBirthDate ? (
          <>
            <dt>{t("result.holderBirthDate")}</dt>
            <dd>{document.holderBirthDate}</dd>
          </>
        ) : null}
        <dt>{t("result.issuedAt")}</dt>
        <dd>{document.issuedOn}</dd>
        <dt>{t("result.office")}</dt>
        <dd>
          {document.office}
          <br />
          <span className="secondary-text">{document.agency}</span>
        </dd>
      </dl>
      <p className="secondary-text">{t("result.privacy")}</p>
      <p>
        <Link to="/verifier">{t("result.another")}</Link>
      </p>
    </>
  );
}
