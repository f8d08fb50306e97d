import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui/Field";
import { Radios } from "~/components/ui/Radios";
import { DELIVERY_MODES, PROCEDURE_CATEGORIES } from "~/domain/constants";
import { translateErrors } from "~/utils/form-errors";

/** The metadata form's fields, as conform names them (values typed, so strings). */
export type MetadataFieldName =
  | "titleFr"
  | "titleEn"
  | "summaryFr"
  | "summaryEn"
  | "eligibilityFr"
  | "eligibilityEn"
  | "category"
  | "agencyId"
  | "feeXof"
  | "targetDelayDays"
  | "infoRequestExpiryDays"
  | "delivery"
  | "keywords";

export const METADATA_FIELD_ORDER: readonly MetadataFieldName[] = [
  "titleFr",
  "titleEn",
  "summaryFr",
  "summaryEn",
  "eligibilityFr",
  "eligibilityEn",
  "category",
  "agencyId",
  "feeXof",
  "targetDelayDays",
  "infoRequestExpiryDays",
  "delivery",
  "keywords",
];

/** A select never wider than the phone's screen (see admin-procedures.css). */
export const SELECT_CLASS = "admin-procedures__select";

type Fields = Record<MetadataFieldName, FieldMetadata<string>>;

/** The procedure's details (creation and edit pages): labels fixed by the plan (e2e/admin.ts). */
export function ProcedureMetadataFields({ fields, agencies }: { fields: Fields; agencies: readonly { id: number; name: string }[] }) {
  const { t } = useTranslation("admin-procedures");
  const tr = (key: string) => t(key);
  const err = (name: MetadataFieldName) => translateErrors(tr, fields[name].errors);
  return (
    <>
      <Field label={t("fields.titleFr")} hint={t("fields.titleHint")} error={err("titleFr")} {...getInputProps(fields.titleFr, { type: "text" })} />
      <Field label={t("fields.titleEn")} error={err("titleEn")} {...getInputProps(fields.titleEn, { type: "text" })} lang="en" />
      <Field as="textarea" label={t("fields.summaryFr")} hint={t("fields.summaryHint")} error={err("summaryFr")} rows={3} {...getTextareaProps(fields.summaryFr)} />
      <Field as="textarea" label={t("fields.summaryEn")} error={err("summaryEn")} rows={3} {...getTextareaProps(fields.summaryEn)} lang="en" />
      <Field as="textarea" label={t("fields.eligibilityFr")} error={err("eligibilityFr")} rows={2} {...getTextareaProps(fields.eligibilityFr)} />
      <Field as="textarea" label={t("fields.eligibilityEn")} error={err("eligibilityEn")} rows={2} {...getTextareaProps(fields.eligibilityEn)} lang="en" />
      <Field as="select" label={t("fields.category")} error={err("category")} {...getSelectProps(fields.category)} className={SELECT_CLASS}>
        <option value="">{t("fields.chooseCategory")}</option>
        {PROCEDURE_CATEGORIES.map((category) => (
          <option key={category} value={category}>
            {t(`categories.${category}`, { ns: "catalogue" })}
          </option>
        ))}
      </Field>
      <Field as="select" label={t("fields.agency")} error={err("agencyId")} {...getSelectProps(fields.agencyId)} className={SELECT_CLASS}>
        <option value="">{t("fields.chooseAgency")}</option>
        {agencies.map((agency) => (
          <option key={agency.id} value={String(agency.id)}>
            {agency.name}
          </option>
        ))}
      </Field>
      <Field label={t("fields.fee")} hint={t("fields.feeHint")} error={err("feeXof")} width={10} inputMode="numeric" {...getInputProps(fields.feeXof, { type: "text" })} />
      <Field label={t("fields.delay")} hint={t("fields.delayHint")} error={err("targetDelayDays")} width={4} inputMode="numeric" {...getInputProps(fields.targetDelayDays, { type: "text" })} />
      <Field
        label={t("fields.expiry")}
        hint={t("fields.expiryHint")}
        error={err("infoRequestExpiryDays")}
        width={4}
        inputMode="numeric"
        {...getInputProps(fields.infoRequestExpiryDays, { type: "text" })}
      />
      <Radios
        name={fields.delivery.name}
        id={fields.delivery.id}
        legend={t("fields.delivery")}
        defaultValue={fields.delivery.initialValue ?? null}
        error={err("delivery")}
        options={DELIVERY_MODES.map((mode) => ({ value: mode, label: t(`delivery.${mode}`) }))}
      />
      <Field label={t("fields.keywords")} hint={t("fields.keywordsHint")} optional error={err("keywords")} {...getInputProps(fields.keywords, { type: "text" })} />
    </>
  );
}
