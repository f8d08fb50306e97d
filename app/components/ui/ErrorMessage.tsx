import { useTranslation } from "react-i18next";

/** The inline error under a label: "Erreur :" is read by screen readers, not shown. */
export function ErrorMessage({ id, children }: { id: string; children: string }) {
  const { t } = useTranslation("common");
  return (
    <p id={id} className="error-message">
      <span className="visually-hidden">{t("field.errorPrefix")} </span>
      {children}
    </p>
  );
}
