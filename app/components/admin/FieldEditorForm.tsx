import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Checkboxes } from "~/components/ui/Checkboxes";
import { Field } from "~/components/ui/Field";
import { Fieldset } from "~/components/ui/Fieldset";
import { Radios } from "~/components/ui/Radios";
import { ACCEPTED_FILE_TYPES, FIELD_TYPES, type FieldType, type RequiredDocument } from "~/domain/forms/definition";
import type { ConditionSource, EditorError, EditorValues } from "~/domain/forms/field-editor";
import { toLocale } from "~/utils/i18n";

/** The id of an editor control (apart from the preview's `champ-…` ids). */
export const editorId = (name: string) => `editeur-${name}`;

export interface FieldEditorFormProps {
  action: string;
  /** The type whose settings the form shows (the stored one: a new type's settings come after saving). */
  type: FieldType;
  values: EditorValues;
  errors: Record<string, EditorError>;
  sources: (ConditionSource & { label: string })[];
  documents: RequiredDocument[];
}

const FILE_TYPE_NAMES: Record<string, string> = { "application/pdf": "PDF", "image/jpeg": "JPEG", "image/png": "PNG" };

/** The field editor: every property of the field's type, grouped in fieldsets; saves with POST, previews with GET. */
export function FieldEditorForm({ action, type, values, errors, sources, documents }: FieldEditorFormProps) {
  const { t, i18n } = useTranslation("admin-form-editor");
  const locale = toLocale(i18n.language);
  const one = (key: string) => {
    const v = values[key];
    return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
  };
  const many = (key: string) => {
    const v = values[key];
    return v === undefined ? [] : Array.isArray(v) ? v : [v];
  };
  const error = (key: string) => (errors[key] ? t(errors[key]!.key, errors[key]!.values) : undefined);
  const input = (key: string) => ({ id: editorId(key), name: key, defaultValue: one(key), error: error(key) });
  const box = (key: string, label: string) => ({ id: editorId(key), name: key, options: [{ value: "on", label }], defaultValue: many(key), error: error(key) });
  const possible = sources.map((s) => `${s.label} : ${s.values ? s.values.join(", ") : t("field.tickedValue")}`).join(" ; ");

  return (
    <Form method="post" action={action} noValidate data-field-editor="" data-preview-url={action}>
      <Fieldset legend={t("field.identity")}>
        <Field as="select" label={t("field.type")} hint={t("field.typeHint")} {...input("type")}>
          {FIELD_TYPES.map((ft) => (
            <option key={ft} value={ft}>
              {t(`types.${ft}`)}
            </option>
          ))}
        </Field>
        <Field label={t("field.name")} hint={t("field.nameHint")} spellCheck={false} autoComplete="off" width={30} {...input("name")} />
      </Fieldset>
      <Fieldset legend={t("field.texts")}>
        <div className="admin-grid">
          <Field label={t("field.labelFr")} {...input("labelFr")} />
          <Field label={t("field.labelEn")} {...input("labelEn")} />
          <Field as="textarea" rows={2} label={t("field.hintFr")} optional {...input("hintFr")} />
          <Field as="textarea" rows={2} label={t("field.hintEn")} optional {...input("hintEn")} />
        </div>
        <Checkboxes legend={t("field.requiredLegend")} {...box("required", t("field.required"))} />
      </Fieldset>
      {type === "text" || type === "textarea" ? (
        <Fieldset legend={t("field.lengths")}>
          <Field label={t("field.minLength")} optional inputMode="numeric" width={10} {...input("minLength")} />
          <Field label={t("field.maxLength")} optional inputMode="numeric" width={10} {...input("maxLength")} />
        </Fieldset>
      ) : null}
      {type === "number" ? (
        <Fieldset legend={t("field.numberLimits")} hint={t("field.numberHint")}>
          <Field label={t("field.min")} optional inputMode="decimal" width={10} {...input("min")} />
          <Field label={t("field.max")} optional inputMode="decimal" width={10} {...input("max")} />
          <Checkboxes legend={t("field.integerLegend")} {...box("integer", t("field.integer"))} />
        </Fieldset>
      ) : null}
      {type === "date" ? (
        <>
          <Radios
            legend={t("field.range")}
            id={editorId("range")}
            name="range"
            defaultValue={one("range")}
            options={[
              { value: "", label: t("field.rangeAny") },
              { value: "past", label: t("field.rangePast") },
              { value: "future", label: t("field.rangeFuture") },
            ]}
          />
          <Fieldset legend={t("field.dateLimits")} hint={t("field.dateLimitsHint")}>
            <Field label={t("field.minDate")} optional type="date" width={20} {...input("minDate")} />
            <Field label={t("field.maxDate")} optional type="date" width={20} {...input("maxDate")} />
          </Fieldset>
        </>
      ) : null}
      {type === "email" || type === "phone" ? <Checkboxes legend={t("field.contactLegend")} {...box("contact", t("field.contact"))} /> : null}
      {type === "select" || type === "radio" || type === "checkbox" ? (
        <Field as="textarea" rows={5} label={t("field.options")} hint={t(type === "checkbox" ? "field.optionsHintCheckbox" : "field.optionsHint")} spellCheck={false} {...input("options")} />
      ) : null}
      {type === "file" ? (
        <Fieldset legend={t("field.file")}>
          <Checkboxes
            legend={t("field.accept")}
            id={editorId("accept")}
            name="accept"
            defaultValue={many("accept")}
            error={error("accept")}
            options={ACCEPTED_FILE_TYPES.map((mime) => ({ value: mime, label: FILE_TYPE_NAMES[mime] }))}
          />
          <Field label={t("field.maxSizeMb")} hint={t("field.maxSizeHint")} inputMode="numeric" width={4} {...input("maxSizeMb")} />
          <Field as="select" label={t("field.document")} hint={t(documents.length ? "field.documentHint" : "field.noDocuments")} {...input("document")}>
            <option value="">{t("field.noDocument")}</option>
            {documents.map((d) => (
              <option key={d.code} value={d.code}>
                {d.label[locale]}
              </option>
            ))}
          </Field>
        </Fieldset>
      ) : null}
      <Fieldset legend={t("field.condition")} hint={sources.length ? t("field.conditionHint") : t("field.noSource")}>
        <Field as="select" label={t("field.showIfField")} {...input("showIfField")}>
          <option value="">{t("field.always")}</option>
          {sources.map((s) => (
            <option key={s.name} value={s.name}>
              {s.label} ({s.name})
            </option>
          ))}
        </Field>
        <Field label={t("field.showIfValues")} hint={sources.length ? t("field.showIfValuesHint", { possible }) : undefined} spellCheck={false} {...input("showIfValues")} />
      </Fieldset>
      <div className="admin-actions">
        <Button type="submit">{t("field.save")}</Button>
        <Button type="submit" variant="secondary" formMethod="get" name="apercu" value="1" formNoValidate>
          {t("field.refresh")}
        </Button>
      </div>
    </Form>
  );
}
