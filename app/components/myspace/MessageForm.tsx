import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";

export interface MessageFormErrorView {
  field: string;
  message: string;
}

interface MessageFormProps {
  /** Prefix of the control ids (two forms on one page). */
  prefix: string;
  intent: string;
  bodyLabel: string;
  bodyHint?: ReactNode;
  submitLabel: string;
  defaultBody?: string;
  errors?: readonly MessageFormErrorView[];
  expectedVersion?: number;
}

const FILE_FIELDS = ["piece1", "piece2"] as const;

/** Text and up to two files, as a plain multipart form (works without JavaScript). */
export function MessageForm({ prefix, intent, bodyLabel, bodyHint, submitLabel, defaultBody, errors = [], expectedVersion }: MessageFormProps) {
  const { t } = useTranslation("myspace");
  const errorFor = (id: string) => errors.filter((e) => e.field === id).map((e) => e.message);
  return (
    <Form method="post" encType="multipart/form-data" replace>
      <input type="hidden" name="intent" value={intent} />
      {expectedVersion !== undefined ? <input type="hidden" name="expectedVersion" value={expectedVersion} /> : null}
      <Field
        as="textarea"
        id={`${prefix}-body`}
        name="body"
        label={bodyLabel}
        hint={bodyHint}
        error={errorFor(`${prefix}-body`)}
        defaultValue={defaultBody}
        rows={6}
        maxLength={5000}
      />
      {FILE_FIELDS.map((name, index) => (
        <Field
          key={name}
          id={`${prefix}-${name}`}
          name={name}
          type="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          label={t("form.fileLabel", { number: index + 1 })}
          hint={index === 0 ? t("form.fileHint") : undefined}
          optional
          error={errorFor(`${prefix}-${name}`)}
        />
      ))}
      <Button type="submit">{submitLabel}</Button>
    </Form>
  );
}
