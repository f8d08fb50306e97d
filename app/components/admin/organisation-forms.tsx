import { useTranslation } from "react-i18next";
import { Checkboxes } from "~/components/ui/Checkboxes";
import { Field } from "~/components/ui/Field";
import { Radios } from "~/components/ui/Radios";
import { AGENCY_KINDS, SITE_KINDS } from "~/domain/constants";

/** Forms of the organisation pages (agencies, offices, sites): fields only, the page owns the <Form>. */

export type Values = Record<string, string | string[] | undefined>;
export type Errors = Record<string, string | undefined>;

const text = (values: Values, name: string) => {
  const value = values[name];
  return typeof value === "string" ? value : "";
};

/** Error summary items, in the order of the fields; ids are the controls' ids (the field names). */
export function summaryItems(t: (key: string) => string, errors: Errors | undefined, order: readonly string[]) {
  if (!errors) return [];
  return order.flatMap((name) => (errors[name] ? [{ id: name, message: t(errors[name]!) }] : []));
}

interface FormProps {
  values: Values;
  errors: Errors;
}

export const AGENCY_FIELDS = ["code", "nameFr", "nameEn", "kind", "parentId"] as const;

export function AgencyFields({ values, errors, parents }: FormProps & { parents: { id: number; nameFr: string; depth: number }[] }) {
  const { t } = useTranslation("admin-organisation");
  const err = (name: string) => (errors[name] ? t(errors[name]!) : undefined);
  return (
    <>
      <Field label={t("agencies.code.label")} hint={t("agencies.code.hint")} id="code" name="code" defaultValue={text(values, "code")} error={err("code")} width={20} autoCapitalize="characters" spellCheck={false} />
      <Field label={t("agencies.nameFr.label")} id="nameFr" name="nameFr" lang="fr" defaultValue={text(values, "nameFr")} error={err("nameFr")} />
      <Field label={t("agencies.nameEn.label")} id="nameEn" name="nameEn" lang="en" defaultValue={text(values, "nameEn")} error={err("nameEn")} />
      <Field as="select" label={t("agencies.kind.label")} id="kind" name="kind" defaultValue={text(values, "kind")} error={err("kind")}>
        <option value="">{t("agencies.kind.choose")}</option>
        {AGENCY_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`agencyKind.${kind}`)}
          </option>
        ))}
      </Field>
      <Field as="select" label={t("agencies.parent.label")} hint={t("agencies.parent.hint")} id="parentId" name="parentId" defaultValue={text(values, "parentId")} error={err("parentId")}>
        <option value="">{t("agencies.parent.none")}</option>
        {parents.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {`${"— ".repeat(agency.depth)}${agency.nameFr}`}
          </option>
        ))}
      </Field>
    </>
  );
}

export const OFFICE_FIELDS = ["code", "name", "agencyId", "siteCode", "regions", "acceptsOnline", "nationalCompetence", "hours", "phone", "email"] as const;

export function OfficeFields({ values, errors, agencies, regions }: FormProps & { agencies: { id: number; nameFr: string }[]; regions: { code: string; name: string }[] }) {
  const { t } = useTranslation(["admin-organisation", "admin"]);
  const err = (name: string) => (errors[name] ? t(errors[name]!) : undefined);
  const yesNo = [
    { value: "yes", label: t("admin:shared.yes") },
    { value: "no", label: t("admin:shared.no") },
  ];
  const checked = values.regions;
  return (
    <>
      <Field label={t("offices.code.label")} hint={t("offices.code.hint")} id="code" name="code" defaultValue={text(values, "code")} error={err("code")} width={20} spellCheck={false} />
      <Field label={t("offices.name.label")} id="name" name="name" defaultValue={text(values, "name")} error={err("name")} />
      <Field as="select" label={t("offices.agency.label")} id="agencyId" name="agencyId" defaultValue={text(values, "agencyId")} error={err("agencyId")}>
        <option value="">{t("offices.agency.choose")}</option>
        {agencies.map((agency) => (
          <option key={agency.id} value={agency.id}>
            {agency.nameFr}
          </option>
        ))}
      </Field>
      <Field label={t("offices.siteCode.label")} hint={t("offices.siteCode.hint")} id="siteCode" name="siteCode" defaultValue={text(values, "siteCode")} error={err("siteCode")} width={20} spellCheck={false} />
      <Checkboxes
        name="regions"
        legend={t("offices.regions.legend")}
        hint={t("offices.regions.hint")}
        error={err("regions")}
        options={regions.map((r) => ({ value: r.code, label: r.name }))}
        defaultValue={Array.isArray(checked) ? checked : typeof checked === "string" ? [checked] : []}
      />
      <Radios name="acceptsOnline" legend={t("offices.acceptsOnline.legend")} error={err("acceptsOnline")} options={yesNo} inline defaultValue={text(values, "acceptsOnline")} />
      <Radios
        name="nationalCompetence"
        legend={t("offices.nationalCompetence.legend")}
        hint={t("offices.nationalCompetence.hint")}
        error={err("nationalCompetence")}
        options={yesNo}
        inline
        defaultValue={text(values, "nationalCompetence")}
      />
      <Field label={t("offices.hours.label")} hint={t("offices.hours.hint")} id="hours" name="hours" optional defaultValue={text(values, "hours")} error={err("hours")} />
      <Field label={t("offices.phone.label")} id="phone" name="phone" type="tel" autoComplete="off" optional defaultValue={text(values, "phone")} error={err("phone")} width={20} />
      <Field label={t("offices.email.label")} id="email" name="email" type="email" autoComplete="off" spellCheck={false} optional defaultValue={text(values, "email")} error={err("email")} width={30} />
    </>
  );
}

export const SITE_FIELDS = ["code", "name", "kind", "region", "town", "address", "lat", "lng", "phase", "capacityMbps", "connectedOn"] as const;

export function SiteFields({
  values,
  errors,
  regions,
  towns,
}: FormProps & { regions: { code: string; name: string }[]; towns: { id: number; name: string; regionCode: string }[] }) {
  const { t } = useTranslation(["admin-organisation", "network"]);
  const err = (name: string) => (errors[name] ? t(errors[name]!) : undefined);
  return (
    <>
      <Field label={t("sites.code.label")} hint={t("sites.code.hint")} id="code" name="code" defaultValue={text(values, "code")} error={err("code")} width={20} spellCheck={false} />
      <Field label={t("sites.name.label")} id="name" name="name" defaultValue={text(values, "name")} error={err("name")} />
      <Field as="select" label={t("sites.kind.label")} id="kind" name="kind" defaultValue={text(values, "kind")} error={err("kind")}>
        <option value="">{t("sites.kind.choose")}</option>
        {SITE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`network:kind.${kind}`)}
          </option>
        ))}
      </Field>
      <Field as="select" label={t("sites.regionField.label")} id="region" name="region" defaultValue={text(values, "region")} error={err("region")}>
        <option value="">{t("sites.regionField.choose")}</option>
        {regions.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </Field>
      <Field as="select" label={t("sites.town.label")} hint={t("sites.town.hint")} id="town" name="town" defaultValue={text(values, "town")} error={err("town")}>
        <option value="">{t("sites.town.choose")}</option>
        {regions.map((r) => (
          <optgroup key={r.code} label={r.name}>
            {towns
              .filter((town) => town.regionCode === r.code)
              .map((town) => (
                <option key={town.id} value={town.id}>
                  {town.name}
                </option>
              ))}
          </optgroup>
        ))}
      </Field>
      <Field label={t("sites.address.label")} id="address" name="address" optional defaultValue={text(values, "address")} error={err("address")} />
      <Field label={t("sites.lat.label")} hint={t("sites.lat.hint")} id="lat" name="lat" inputMode="decimal" defaultValue={text(values, "lat")} error={err("lat")} width={10} />
      <Field label={t("sites.lng.label")} hint={t("sites.lng.hint")} id="lng" name="lng" inputMode="decimal" defaultValue={text(values, "lng")} error={err("lng")} width={10} />
      <Radios
        name="phase"
        legend={t("sites.phase.legend")}
        error={err("phase")}
        inline
        options={[
          { value: "1", label: t("sites.phase.one") },
          { value: "2", label: t("sites.phase.two") },
        ]}
        defaultValue={text(values, "phase")}
      />
      <Field label={t("sites.capacity.label")} hint={t("sites.capacity.hint")} id="capacityMbps" name="capacityMbps" inputMode="numeric" defaultValue={text(values, "capacityMbps") || "100"} error={err("capacityMbps")} width={4} />
      <Field label={t("sites.connectedOn.label")} hint={t("sites.connectedOn.hint")} id="connectedOn" name="connectedOn" optional defaultValue={text(values, "connectedOn")} error={err("connectedOn")} width={10} />
    </>
  );
}
