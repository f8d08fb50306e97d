import { Link } from "@remix-run/react";
import { Fragment, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/domain/constants";
import { formatFileSize } from "~/domain/files";
import type { FormField, FormSection } from "~/domain/forms/definition";
import { isFieldVisible } from "~/domain/forms/schema";
import { formatDate, formatNumber } from "~/utils/format";
import type { UploadedFile } from "./FormFieldInput";

/** A stored answer as the citizen reads it: option labels, dates and numbers in his locale. */
export function answerText(field: FormField, value: unknown, locale: Locale, t: (key: string) => string): string | null {
  if (value === undefined || value === null || value === "") return null;
  switch (field.type) {
    case "select":
    case "radio":
      return field.options.find((o) => o.value === value)?.label[locale] ?? String(value);
    case "checkbox": {
      if (!field.options || field.options.length === 0) return value === true ? t("checkboxTicked") : null;
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      const labels = field.options.filter((o) => values.includes(o.value)).map((o) => o.label[locale]);
      return labels.length ? labels.join(", ") : null;
    }
    case "date":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(`${value}T12:00:00Z`, locale) : String(value);
    case "number":
      return typeof value === "number" ? formatNumber(value, locale) : String(value);
    case "phone": {
      const digits = /^\+228(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(String(value));
      return digits ? `+228 ${digits.slice(1).join(" ")}` : String(value);
    }
    default:
      return String(value);
  }
}

export interface AnswerSummaryProps {
  section: FormSection;
  locale: Locale;
  /** The case data (hidden fields already dropped; dropped again here for safety). */
  data: Record<string, unknown>;
  uploads: Record<string, UploadedFile | undefined>;
  /** Link to the section's page. */
  changeTo: string;
  /** Heading level of the section title. */
  headingLevel?: 2 | 3;
}

/** One section's answers (a `dl`) under its title, with a "Modifier" link to its page. */
export function AnswerSummary({ section, locale, data, uploads, changeTo, headingLevel = 2 }: AnswerSummaryProps) {
  const { t } = useTranslation("forms");
  const translate = (key: string) => t(key);
  const headingId = `resume-${section.id}`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const rows: { key: string; label: string; value: ReactNode }[] = [];
  for (const field of section.fields) {
    if (!isFieldVisible(field, data)) continue;
    if (field.type === "file") {
      const file = uploads[field.name];
      rows.push({
        key: field.name,
        label: field.label[locale],
        value: file ? `${file.filename} (${formatFileSize(file.sizeBytes, locale)})` : t("file.none"),
      });
      continue;
    }
    rows.push({ key: field.name, label: field.label[locale], value: answerText(field, data[field.name], locale, translate) ?? t("notAnswered") });
  }
  return (
    <section aria-labelledby={headingId} className="answer-summary">
      <Heading id={headingId}>{section.title[locale]}</Heading>
      <dl className="summary">
        {rows.map((row) => (
          <Fragment key={row.key}>
            <dt>{row.label}</dt>
            <dd>{row.value}</dd>
          </Fragment>
        ))}
      </dl>
      <p>
        <ChangeLink to={changeTo} context={section.title[locale]} />
      </p>
    </section>
  );
}

/** "Modifier" with what it changes for screen readers ("Modifier : Le demandeur"). */
export function ChangeLink({ to, context }: { to: string; context: string }) {
  const { t } = useTranslation("forms");
  return (
    <Link to={to}>
      {t("change")}
      <span className="visually-hidden"> {context}</span>
    </Link>
  );
}
