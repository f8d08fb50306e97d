import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Checkboxes } from "~/components/ui/Checkboxes";
import { cx } from "~/components/ui/cx";
import { ErrorMessage } from "~/components/ui/ErrorMessage";
import { Field } from "~/components/ui/Field";
import { describedBy } from "~/components/ui/fieldIds";
import { Radios } from "~/components/ui/Radios";
import type { Locale } from "~/domain/constants";
import { formatFileSize } from "~/domain/files";
import type { FileField, FormField, FormSection } from "~/domain/forms/definition";
import { isFieldVisible } from "~/domain/forms/schema";
import { fieldControlId } from "./messages";

/** An uploaded file shown in its field (H3's AttachmentSummary, the part shown). */
export interface UploadedFile {
  id: string;
  filename: string;
  sizeBytes: number;
}

export interface FormFieldInputProps {
  field: FormField;
  locale: Locale;
  /** What the citizen typed (raw form value) or the stored value. */
  value: unknown;
  /** Already translated. */
  error?: string;
  /** "Seulement si vous avez répondu « X »…", for a field shown whatever the answer (no JavaScript). */
  condition?: string;
  /** File fields: the file already uploaded. */
  uploaded?: UploadedFile | null;
}

/** A stored or typed value as the text of an input. */
function asInputText(value: unknown, locale: Locale): string {
  if (value === undefined || value === null || value === false || value === true) return "";
  if (Array.isArray(value)) return value.length ? asInputText(value[value.length - 1], locale) : "";
  if (typeof value === "number") return locale === "fr" ? String(value).replace(".", ",") : String(value);
  return String(value);
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

const isTicked = (value: unknown) => value === true || value === "on" || (Array.isArray(value) && value.includes("on"));

/** Text input width from the expected length. */
function widthFor(field: FormField): 10 | 20 | 30 | undefined {
  if (field.type === "national_id" || field.type === "phone") return 20;
  if (field.type === "number") return 10;
  if (field.type === "text" && field.maxLength !== undefined) return field.maxLength <= 10 ? 10 : field.maxLength <= 20 ? 20 : field.maxLength <= 40 ? 30 : undefined;
  return undefined;
}

/** One field of a procedure's form, of any type, with its label, hint and inline error. */
export function FormFieldInput({ field, locale, value, error, condition, uploaded }: FormFieldInputProps) {
  const { t } = useTranslation("forms");
  const id = fieldControlId(field.name);
  const label = field.label[locale];
  const ownHint = field.hint?.[locale];
  const hint: ReactNode =
    condition && ownHint ? (
      <>
        <span className="condition-hint">{condition}</span> {ownHint}
      </>
    ) : (
      (condition ?? ownHint)
    );
  // One of the contact fields is needed (app/domain/forms/contact.ts): neither is "optional".
  const optional = !field.required && !("contact" in field && field.contact);

  switch (field.type) {
    case "text":
      return <Field label={label} hint={hint} error={error} optional={optional} width={widthFor(field)} id={id} name={field.name} defaultValue={asInputText(value, locale)} />;
    case "textarea":
      return <Field as="textarea" label={label} hint={hint} error={error} optional={optional} id={id} name={field.name} defaultValue={asInputText(value, locale)} />;
    case "date":
      return <Field label={label} hint={hint} error={error} optional={optional} width={20} id={id} name={field.name} type="date" defaultValue={asInputText(value, locale)} />;
    case "number":
      return (
        <Field
          label={label}
          hint={hint}
          error={error}
          optional={optional}
          width={widthFor(field)}
          id={id}
          name={field.name}
          inputMode={field.integer ? "numeric" : "decimal"}
          spellCheck={false}
          defaultValue={asInputText(value, locale)}
        />
      );
    case "email":
      return <Field label={label} hint={hint} error={error} optional={optional} width={30} id={id} name={field.name} type="email" autoComplete="email" spellCheck={false} defaultValue={asInputText(value, locale)} />;
    case "phone":
      return <Field label={label} hint={hint} error={error} optional={optional} width={20} id={id} name={field.name} type="tel" autoComplete="tel" defaultValue={asInputText(value, locale)} />;
    case "national_id":
      return (
        <Field label={label} hint={hint} error={error} optional={optional} width={20} id={id} name={field.name} inputMode="numeric" spellCheck={false} autoComplete="off" defaultValue={asInputText(value, locale)} />
      );
    case "select":
      return (
        <Field as="select" label={label} hint={hint} error={error} optional={optional} id={id} name={field.name} defaultValue={asInputText(value, locale)}>
          <option value="">{t("selectPlaceholder")}</option>
          {field.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label[locale]}
            </option>
          ))}
        </Field>
      );
    case "radio":
      return (
        <Radios
          name={field.name}
          id={id}
          legend={optional ? `${label} ${t("common:field.optional")}` : label}
          hint={hint}
          error={error}
          defaultValue={asInputText(value, locale)}
          inline={field.options.length === 2 && field.options.every((o) => o.label[locale].length <= 12)}
          options={field.options.map((o) => ({ value: o.value, label: o.label[locale] }))}
        />
      );
    case "checkbox":
      if (field.options && field.options.length > 0) {
        return (
          <Checkboxes
            name={field.name}
            id={id}
            legend={optional ? `${label} ${t("common:field.optional")}` : label}
            hint={hint}
            error={error}
            defaultValue={asList(value)}
            options={field.options.map((o) => ({ value: o.value, label: o.label[locale] }))}
          />
        );
      }
      return <SingleCheckbox id={id} name={field.name} label={label} hint={hint} error={error} checked={isTicked(value)} />;
    case "file":
      return <FileInput field={field} id={id} locale={locale} hint={hint} error={error} uploaded={uploaded ?? null} />;
  }
}

/** A yes/no box (a declaration): the box and its label, no fieldset. */
function SingleCheckbox({ id, name, label, hint, error, checked }: { id: string; name: string; label: string; hint: ReactNode; error?: string; checked: boolean }) {
  const ids = describedBy(id, hint != null && hint !== "", Boolean(error));
  return (
    <div className={cx("field", error && "field--error")}>
      {ids.errorId && error ? <ErrorMessage id={ids.errorId}>{error}</ErrorMessage> : null}
      <div className="choices choices--checkbox">
        <div className="choice">
          <input className="choice__input" type="checkbox" id={id} name={name} value="on" defaultChecked={checked} aria-describedby={ids.describedBy} aria-invalid={error ? true : undefined} />
          <label className="choice__label" htmlFor={id}>
            {label}
          </label>
          {ids.hintId ? (
            <div id={ids.hintId} className="hint choice__hint">
              {hint}
            </div>
          ) : null}
        </div>
      </div>
    </div>
  );
}

/**
 * A document: the file already sent (name, size, "Supprimer" — a submit button of the page's
 * form, intent remove:<id>) and a file input to add or replace it.
 */
function FileInput({ field, id, locale, hint, error, uploaded }: { field: FileField; id: string; locale: Locale; hint: ReactNode; error?: string; uploaded: UploadedFile | null }) {
  const { t } = useTranslation("forms");
  const types = field.accept.map((type) => t(`types.${type}`)).join(", ");
  const limits = hint ? t("file.maxSize", { max: field.maxSizeMb || 10 }) : t("file.limits", { types, max: field.maxSizeMb || 10 });
  const ids = describedBy(id, true, Boolean(error));
  const currentId = `${id}-current`;
  return (
    <div className={cx("field", error && "field--error")}>
      <label className="label" htmlFor={id}>
        {field.label[locale]}
        {field.required ? null : ` ${t("common:field.optional")}`}
      </label>
      <div id={ids.hintId} className="hint">
        {hint ? <>{hint} </> : null}
        {limits}
      </div>
      {ids.errorId && error ? <ErrorMessage id={ids.errorId}>{error}</ErrorMessage> : null}
      {uploaded ? (
        <div className="uploaded-file">
          <p id={currentId}>
            {t("file.current", { name: uploaded.filename, size: formatFileSize(uploaded.sizeBytes, locale) })}
          </p>
          <button type="submit" name="intent" value={`remove:${uploaded.id}`} formNoValidate className="button button--secondary">
            {t("file.remove")}
            <span className="visually-hidden"> {t("file.removeContext", { name: uploaded.filename })}</span>
          </button>
          <p className="hint">{t("file.replace")}</p>
        </div>
      ) : null}
      <input
        className={cx("input", "input--file", error && "input--error")}
        type="file"
        id={id}
        name={field.name}
        accept={field.accept.join(",")}
        aria-describedby={[ids.describedBy, uploaded ? currentId : null].filter(Boolean).join(" ")}
        aria-invalid={error ? true : undefined}
      />
    </div>
  );
}

export interface SectionFieldsProps {
  section: FormSection;
  locale: Locale;
  /** The values to show: what was typed (after an error) or the stored data. */
  values: Record<string, unknown>;
  /** The case data, for conditions on answers of earlier sections. */
  data: Record<string, unknown>;
  /** Translated, by field name. */
  errors?: Record<string, string>;
  uploads?: Record<string, UploadedFile | undefined>;
}

/**
 * The fields of one section. A field that depends on an answer of the same page is always shown,
 * with a hint saying when to fill it in (the page works without JavaScript); one that depends on
 * an earlier page is shown only when that answer calls for it.
 */
export function SectionFields({ section, locale, values, data, errors = {}, uploads = {} }: SectionFieldsProps) {
  const { t } = useTranslation("forms");
  const names = new Set(section.fields.map((f) => f.name));
  return (
    <>
      {section.fields.map((field) => {
        let condition: string | undefined;
        if (field.showIf) {
          const controlling = section.fields.find((f) => f.name === field.showIf?.field);
          if (controlling && names.has(field.showIf.field)) {
            const options = "options" in controlling && controlling.options ? controlling.options : [];
            const answers = field.showIf.in.map((v) => options.find((o) => o.value === v)?.label[locale] ?? v);
            condition = t("onlyIf", { answers: answers.join(t("answersJoin")), question: controlling.label[locale] });
          } else if (!isFieldVisible(field, data)) {
            return null;
          }
        }
        return (
          <FormFieldInput
            key={field.name}
            field={field}
            locale={locale}
            value={values[field.name]}
            error={errors[field.name]}
            condition={condition}
            uploaded={field.type === "file" ? (uploads[field.name] ?? null) : undefined}
          />
        );
      })}
    </>
  );
}
