import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { PageHeading } from "~/components/ui/PageHeading";
import { toLocale } from "~/utils/i18n";

interface ProcedureRef {
  id: number;
  titleFr: string;
  titleEn: string;
}

/** The breadcrumbs of the form editor's pages: procedures › the procedure › its form. */
export function useFormEditorCrumbs(procedure: ProcedureRef) {
  const { t, i18n } = useTranslation("admin-form-editor");
  const base = `/admin/demarches/${procedure.id}`;
  return [
    { label: t("admin:menu.procedures"), to: "/admin/demarches" },
    { label: toLocale(i18n.language) === "fr" ? procedure.titleFr : procedure.titleEn, to: base },
    { label: t("overview.heading"), to: `${base}/formulaire` },
  ];
}

/** A section or field that is no longer in the form (renamed or removed meanwhile). */
export function FormEditorGone({ procedure, what }: { procedure: ProcedureRef; what: "field" | "section" }) {
  const { t } = useTranslation("admin-form-editor");
  return (
    <>
      <Breadcrumbs items={useFormEditorCrumbs(procedure)} />
      <PageHeading>{t(`gone.${what}Title`)}</PageHeading>
      <p>{t(`gone.${what}`)}</p>
      <Link to={`/admin/demarches/${procedure.id}/formulaire`}>{t("gone.back")}</Link>
    </>
  );
}
