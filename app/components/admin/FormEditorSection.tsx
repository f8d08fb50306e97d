import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Table } from "~/components/ui/Table";
import type { Locale } from "~/domain/constants";
import type { FormDefinition, FormField, FormSection } from "~/domain/forms/definition";
import { allFields } from "~/domain/forms/editing";
import { toLocale } from "~/utils/i18n";

/** "Seulement si « Marié » vaut « Oui »": a field's condition in a few words. */
export function conditionSummary(t: (key: string, options?: Record<string, unknown>) => string, definition: FormDefinition, field: FormField, locale: Locale): string {
  if (!field.showIf) return t("overview.always");
  const source = allFields(definition).find((f) => f.name === field.showIf?.field);
  const options = source && "options" in source && source.options ? source.options : [];
  const values = field.showIf.in.map((v) => options.find((o) => o.value === v)?.label[locale] ?? (v === "true" ? t("overview.ticked") : v));
  return t("overview.onlyIf", { field: source?.label[locale] ?? field.showIf.field, values: values.map((v) => `« ${v} »`).join(t("overview.or")) });
}

interface Props {
  procedureId: number;
  section: FormSection;
  definition: FormDefinition;
  number: number;
  count: number;
  children: ReactNode;
}

/** One section of the form editor's overview: its title, its buttons, its fields in a table. */
export function FormEditorSection({ procedureId, section, definition, number, count, children }: Props) {
  const { t, i18n } = useTranslation("admin-form-editor");
  const locale = toLocale(i18n.language);
  const base = `/admin/demarches/${procedureId}/formulaire`;
  const fields = allFields(definition);
  const title = section.title[locale] || section.id;
  const hidden = (text: string) => <span className="visually-hidden"> {text}</span>;
  const sectionOf = t("overview.sectionContext", { title });

  const columns = [
    {
      header: t("overview.columns.label"),
      rowHeader: true,
      cell: (f: FormField) => (
        <span id={`ligne-${f.name}`}>
          {f.label[locale] || f.name}
          <br />
          <span className="secondary-text">{f.name}</span>
        </span>
      ),
    },
    { header: t("overview.columns.type"), cell: (f: FormField) => t(`types.${f.type}`) },
    { header: t("overview.columns.required"), cell: (f: FormField) => t(f.required ? "admin:shared.yes" : "admin:shared.no") },
    { header: t("overview.columns.condition"), cell: (f: FormField) => conditionSummary(t, definition, f, locale) },
    {
      header: t("overview.columns.actions"),
      cell: (f: FormField) => {
        const context = t("overview.fieldContext", { label: f.label[locale] || f.name });
        const position = fields.indexOf(f);
        return (
          <div className="form-editor-buttons">
            <Link to={`${base}/champs/${f.name}`}>
              {t("actions.edit")}
              {hidden(context)}
            </Link>
            <Form method="post">
              <input type="hidden" name="field" value={f.name} />
              {position > 0 ? (
                <Button type="submit" name="intent" value="field.up" variant="secondary">
                  {t("actions.up")}
                  {hidden(context)}
                </Button>
              ) : null}
              {position < fields.length - 1 ? (
                <Button type="submit" name="intent" value="field.down" variant="secondary">
                  {t("actions.down")}
                  {hidden(context)}
                </Button>
              ) : null}
            </Form>
            <Link to={`${base}?supprimer=field:${f.name}#contenu`}>
              {t("actions.remove")}
              {hidden(context)}
            </Link>
          </div>
        );
      },
    },
  ];

  return (
    <section id={`section-${section.id}`} aria-labelledby={`section-${section.id}-titre`} className="form-editor-section">
      <h2 id={`section-${section.id}-titre`}>
        <span className="secondary-text">{t("overview.sectionNumber", { number: number + 1 })}</span> {title}
      </h2>
      <p className="secondary-text">{t("overview.sectionId", { id: section.id })}</p>
      <div className="form-editor-buttons">
        <Link to={`${base}/sections/${section.id}`}>
          {t("actions.edit")}
          {hidden(sectionOf)}
        </Link>
        <Form method="post">
          <input type="hidden" name="section" value={section.id} />
          {number > 0 ? (
            <Button type="submit" name="intent" value="section.up" variant="secondary">
              {t("actions.up")}
              {hidden(sectionOf)}
            </Button>
          ) : null}
          {number < count - 1 ? (
            <Button type="submit" name="intent" value="section.down" variant="secondary">
              {t("actions.down")}
              {hidden(sectionOf)}
            </Button>
          ) : null}
        </Form>
        <Link to={`${base}?supprimer=section:${section.id}#contenu`}>
          {t("actions.remove")}
          {hidden(sectionOf)}
        </Link>
      </div>
      <Table<FormField> caption={t("overview.fieldsCaption", { title })} captionHidden columns={columns} rows={section.fields} rowKey={(f) => f.name} empty={t("overview.noField")} />
      {children}
    </section>
  );
}
