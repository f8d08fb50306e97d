import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { FIELD_TYPES } from "~/domain/forms/definition";

/** What the overview's action answers when an "add" form has errors: everything typed, the errors (i18n keys). */
export interface AddReply {
  intent: string;
  section?: string;
  values: Record<string, string | string[]>;
  errors: Record<string, { key: string; values?: Record<string, string | number> }>;
}

function useAddForm(reply: AddReply | undefined, suffix: string) {
  const { t } = useTranslation("admin-form-editor");
  return (name: string) => {
    const error = reply?.errors[name];
    const value = reply?.values[name];
    return { id: `${name}-${suffix}`, name, defaultValue: typeof value === "string" ? value : undefined, error: error ? t(error.key, error.values) : undefined };
  };
}

/** "Ajouter un champ" at the end of a section: type, labels, technical name (suggested from the label when empty). */
export function AddFieldForm({ section, reply }: { section: string; reply?: AddReply }) {
  const { t } = useTranslation("admin-form-editor");
  const props = useAddForm(reply, section);
  return (
    <Form method="post" className="form-editor-add" aria-labelledby={`add-field-${section}`}>
      <h3 id={`add-field-${section}`} className="form-editor-add__title">
        {t("addField.title")}
      </h3>
      <input type="hidden" name="section" value={section} />
      <div className="admin-grid">
        <Field as="select" label={t("addField.type")} {...props("fieldType")}>
          {FIELD_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </Field>
        <Field label={t("addField.labelFr")} {...props("fieldLabelFr")} />
        <Field label={t("addField.labelEn")} {...props("fieldLabelEn")} />
        <Field label={t("addField.name")} hint={t("addField.nameHint")} optional spellCheck={false} autoComplete="off" {...props("fieldName")} />
      </div>
      <Button type="submit" name="intent" value="field.add" variant="secondary">
        {t("addField.submit")}
      </Button>
    </Form>
  );
}

/** "Ajouter une section" at the end of the form. */
export function AddSectionForm({ reply }: { reply?: AddReply }) {
  const { t } = useTranslation("admin-form-editor");
  const props = useAddForm(reply, "new");
  return (
    <section aria-labelledby="add-section-title" className="form-editor-add">
      <h2 id="add-section-title">{t("addSection.title")}</h2>
      <Form method="post">
        <div className="admin-grid">
          <Field label={t("addSection.titleFr")} {...props("sectionTitleFr")} />
          <Field label={t("addSection.titleEn")} {...props("sectionTitleEn")} />
          <Field label={t("addSection.id")} hint={t("addSection.idHint")} optional spellCheck={false} autoComplete="off" {...props("sectionId")} />
        </div>
        <Button type="submit" name="intent" value="section.add">
          {t("addSection.submit")}
        </Button>
      </Form>
    </section>
  );
}
