import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { qrCodeSvg, receiptModel, requireFiledCase } from "~/services/receipt.server";
import { appBaseUrl } from "~/utils/auth.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import receiptStyles from "~/styles/receipt.css?url";

export const handle = { i18n: ["receipt"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: receiptStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, found } = await requireFiledCase(request, params.reference);
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "receipt");
  const receipt = receiptModel(found, user.fullName, locale, appBaseUrl());
  return { title: documentTitle(`${t("receipt.title")} — ${found.reference}`), receipt, qrSvg: await qrCodeSvg(receipt.trackingUrl) };
}

export default function Receipt() {
  const { receipt, qrSvg } = useLoaderData<typeof loader>();
  const { t } = useTranslation("receipt");
  const casePath = `/mon-espace/dossiers/${receipt.reference}`;
  return (
    <article className="receipt">
      <p className="page-heading__caption">{t("receipt.issuedBy")}</p>
      <h1>{t("receipt.title")}</h1>
      <p>{t("receipt.intro")}</p>
      <p>
        {t("receipt.reference")}
        <strong className="reference-large">{receipt.reference}</strong>
      </p>
      <dl className="summary">
        <dt>{t("receipt.procedure")}</dt>
        <dd>{receipt.procedure}</dd>
        <dt>{t("receipt.filedAt")}</dt>
        <dd>{receipt.filedAt}</dd>
        <dt>{t("receipt.applicant")}</dt>
        <dd>{receipt.applicant}</dd>
        {receipt.onBehalfOf ? (
          <>
            <dt>{t("receipt.onBehalfOf")}</dt>
            <dd>{t("receipt.onBehalfOfValue", {
                name: receipt.onBehalfOf.name,
                relationship: t(`receipt.relationships.${receipt.onBehalfOf.relationship}`, { defaultValue: receipt.onBehalfOf.relationship }),
              })}</dd>
          </>
        ) : null}
        <dt>{t("receipt.office")}</dt>
        <dd>{receipt.office ?? t("receipt.officeQueued")}</dd>
        <dt>{t("receipt.expected")}</dt>
        <dd>{receipt.expected ?? t("receipt.expectedUnknown")}</dd>
        <dt>{t("receipt.fee")}</dt>
        <dd>{receipt.fee ? `${receipt.fee}. ${t("receipt.feeNote")}` : t("receipt.feeFree")}</dd>
      </dl>
      <div className="receipt__qr">
        <div role="img" aria-label={t("receipt.qrLabel", { reference: receipt.reference })} dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <p>
          {t("receipt.qrCaption")}
          <br />
          <span className="receipt__url">{receipt.trackingUrl}</span>
        </p>
      </div>
      <div className="no-print">
        <h2 className="visually-hidden">{t("receipt.print")}</h2>
        <p className="secondary-text">{t("receipt.printHint")}</p>
        <ul className="list--plain list--spaced">
          <li>
            <a href={`${casePath}/recepisse.pdf`} download>
              {t("receipt.pdf")}
            </a>
          </li>
          <li>
            <Link to={casePath}>{t("receipt.back")}</Link>
          </li>
        </ul>
      </div>
    </article>
  );
}
