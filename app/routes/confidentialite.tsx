import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/ui/PageHeading";
import { TranslatedList } from "~/components/ui/TranslatedList";
import { i18next } from "~/utils/i18next.server";
import { titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["pages"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await i18next.getFixedT(request, "pages");
  return { title: t("privacy.metaTitle") };
}

export const meta = titleFromLoader;

/** Sections made of a paragraph; the others are lists. */
type TextSection = "controller" | "access" | "rights";
type ListSection = "data" | "purpose" | "retention";

export default function Privacy() {
  const { t } = useTranslation("pages");
  const email = t("privacy.contact.email");
  const section = (key: TextSection) => (
    <>
      <h2>{t(`privacy.${key}.title`)}</h2>
      <p>{t(`privacy.${key}.body`)}</p>
    </>
  );
  const list = (key: ListSection) => (
    <>
      <h2>{t(`privacy.${key}.title`)}</h2>
      <TranslatedList ns="pages" i18nKey={`privacy.${key}.items`} />
    </>
  );
  return (
    <>
      <PageHeading lead={t("privacy.lead")}>{t("privacy.title")}</PageHeading>
      {section("controller")}
      {list("data")}
      {list("purpose")}
      {section("access")}
      {list("retention")}
      {section("rights")}

      <h2>{t("privacy.contact.title")}</h2>
      <p>{t("privacy.contact.body")}</p>
      <p>
        {t("privacy.contact.emailLabel")} <a href={`mailto:${email}`}>{email}</a>
      </p>
      <p>{t("privacy.contact.authority")}</p>
    </>
  );
}
