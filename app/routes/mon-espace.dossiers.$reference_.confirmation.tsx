import { data, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Notice } from "~/components/ui/Notice";
import { requireFiledCase } from "~/services/receipt.server";
import { trackingCodeHashOf } from "~/services/tracking.server";
import { getDb } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { clearTrackingFlash, readTrackingFlash } from "~/utils/tracking-code.server";
import receiptStyles from "~/styles/receipt.css?url";

export const handle = { i18n: ["receipt", "routing"] };

export const meta = titleFromLoader;

export const headers: HeadersFunction = ({ loaderHeaders }) => {
  const headers = new Headers({ "Cache-Control": "no-store" });
  const cookie = loaderHeaders.get("Set-Cookie");
  if (cookie) headers.set("Set-Cookie", cookie);
  return headers;
};

export const links: LinksFunction = () => [{ rel: "stylesheet", href: receiptStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { found } = await requireFiledCase(request, params.reference);
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "receipt");
  // The code comes once, in a cookie set by the submission; shown if it is the case's current one.
  const trackingCode = readTrackingFlash(request, found.reference, await trackingCodeHashOf(await getDb(), found.id));
  const queued = found.status === "queued";
  return data(
    {
      title: documentTitle(`${t("confirmation.title")} — ${found.reference}`),
      reference: found.reference,
      queued,
      routingReason: found.routingReason,
      office: found.office?.name ?? null,
      expected: found.dueAt ? formatDate(found.dueAt, locale) : null,
      trackingCode,
    },
    {
      headers: {
        ...(trackingCode ? { "Set-Cookie": clearTrackingFlash(found.reference) } : {}),
        // The code must not stay in any cache.
        "Cache-Control": "no-store",
      },
    },
  );
}

export default function Confirmation() {
  const { reference, queued, routingReason, office, expected, trackingCode } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["receipt", "routing"]);
  const casePath = `/mon-espace/dossiers/${reference}`;
  return (
    <>
      <div className="confirmation-panel">
        <h1>{t("confirmation.title")}</h1>
        <p>
          {t("confirmation.referenceLabel")}
          <strong className="reference-large">{reference}</strong>
        </p>
      </div>
      <p>{t("confirmation.notified")}</p>

      {trackingCode ? (
        <section aria-labelledby="code-title">
          <h2 id="code-title">{t("confirmation.codeTitle")}</h2>
          <p className="tracking-code" data-testid="tracking-code">
            {trackingCode}
          </p>
          <Notice tone="warning">
            <p>{t("confirmation.codeWarning")}</p>
          </Notice>
        </section>
      ) : null}

      <h2>{t("confirmation.nextTitle")}</h2>
      {queued ? (
        <>
          <p>{t("confirmation.queuedStatus")}</p>
          {routingReason ? <p>{t(`routing:reason.${routingReason}`)}</p> : null}
          <p>{t("confirmation.queuedNext")}</p>
        </>
      ) : (
        <>
          {office ? <p>{t("confirmation.nextSubmitted", { office })}</p> : null}
          <p>{t("confirmation.nextReview")}</p>
          {expected ? <p>{t("confirmation.expected", { date: expected })}</p> : null}
        </>
      )}

      <h2>{t("confirmation.followTitle")}</h2>
      <p>{t("confirmation.followMySpace")}</p>
      <Button to={casePath}>{t("confirmation.followMySpaceLink")}</Button>
      <p>{t("confirmation.followTracking")}</p>
      <p>
        <Link to={`/suivi?${new URLSearchParams({ reference })}`}>{t("confirmation.followTrackingLink")}</Link>
      </p>
      <p>
        {t("confirmation.codeLost")} <Link to={`${casePath}/code-de-suivi`}>{t("confirmation.codeLostLink")}</Link>
      </p>

      <h2>{t("confirmation.receiptTitle")}</h2>
      <p>{t("confirmation.receiptText")}</p>
      <ul className="list--plain list--spaced">
        <li>
          <Link to={`${casePath}/recepisse`}>{t("confirmation.receiptLink")}</Link>
        </li>
        <li>
          <a href={`${casePath}/recepisse.pdf`} download>
            {t("confirmation.pdfLink")}
          </a>
        </li>
      </ul>
    </>
  );
}
