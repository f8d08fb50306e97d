import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/ui/PageHeading";
import { TranslatedList } from "~/components/ui/TranslatedList";
import { formatDate } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["pages"] };

/** Date of the last review of this statement; change it with the text. */
const STATEMENT_DATE = "2026-11-22";

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "pages");
  return { title: t("accessibility.metaTitle") };
}

export const meta = titleFromLoader;

export default function AccessibilityStatement() {
  const { t, i18n } = useTranslation("pages");
  const email = t("accessibility.feedback.email");
  return (
    <>
      <PageHeading lead={t("accessibility.intro")}>{t("accessibility.title")}</PageHeading>
      <p>{t("accessibility.scope")}</p>

      <h2>{t("accessibility.conformity.title")}</h2>
      <p>
        <strong>{t("accessibility.conformity.status")}</strong>
      </p>
      <p>{t("accessibility.conformity.date", { date: formatDate(STATEMENT_DATE, toLocale(i18n.language)) })}</p>

      <h2>{t("accessibility.tests.title")}</h2>
      <p>{t("accessibility.tests.intro")}</p>
      <TranslatedList ns="pages" i18nKey="accessibility.tests.items" />
      <p>{t("accessibility.tests.technologies")}</p>

      <h2>{t("accessibility.limitations.title")}</h2>
      <TranslatedList ns="pages" i18nKey="accessibility.limitations.items" />

      <h2>{t("accessibility.feedback.title")}</h2>
      <p>{t("accessibility.feedback.body")}</p>
      <p>
        {t("accessibility.feedback.emailLabel")} <a href={`mailto:${email}`}>{email}</a>
      </p>
      <p>{t("accessibility.feedback.counter")}</p>

      <h2>{t("accessibility.recourse.title")}</h2>
      <p>{t("accessibility.recourse.body")}</p>
    </>
  );
}
