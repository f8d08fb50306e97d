import { getFormProps, getInputProps, getSelectProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Radios } from "~/components/ui/Radios";
import { errorSummaryItems, translateErrors } from "~/utils/form-errors";

export interface SubscribeScopes {
  regions: readonly { code: string; name: string }[];
  agencies: readonly { code: string; name: string }[];
}

export const SUBSCRIBE_ACTION = "/etat-des-services/abonnement";

/** Subscribe to a region's or an agency's incidents by e-mail or SMS (plain HTML form). */
export function SubscribeForm({ scopes, lastResult, headingLevel = 2 }: { scopes: SubscribeScopes; lastResult?: SubmissionResult<string[]> | null; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation("status");
  const [form, fields] = useForm<{ channel: string; recipient: string; scope: string }>({ id: "abonnement-form", lastResult, shouldValidate: "onSubmit" });
  const translate = (key: string) => t(key);
  const summary = errorSummaryItems(translate, form.errors, [fields.channel, fields.recipient, fields.scope]);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="abonnement">
      <Heading id="abonnement">{t("subscribe.title")}</Heading>
      <p>{t("subscribe.lead")}</p>
      <ErrorSummary errors={summary} />
      <Form method="post" action={SUBSCRIBE_ACTION} {...getFormProps(form)} noValidate>
        <Radios
          name={fields.channel.name}
          id={fields.channel.id}
          legend={t("subscribe.channel.legend")}
          options={[
            { value: "email", label: t("subscribe.channel.email") },
            { value: "sms", label: t("subscribe.channel.sms") },
          ]}
          defaultValue={(fields.channel.initialValue as string | undefined) ?? "email"}
          error={translateErrors(translate, fields.channel.errors)}
          inline
        />
        <Field
          label={t("subscribe.recipient.label")}
          hint={t("subscribe.recipient.hint")}
          error={translateErrors(translate, fields.recipient.errors)}
          width={30}
          {...getInputProps(fields.recipient, { type: "text" })}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
        />
        <Field
          as="select"
          label={t("subscribe.scope.label")}
          hint={t("subscribe.scope.hint")}
          error={translateErrors(translate, fields.scope.errors)}
          {...getSelectProps(fields.scope)}
        >
          <option value="">{t("subscribe.scope.choose")}</option>
          <optgroup label={t("subscribe.scope.regions")}>
            {scopes.regions.map((region) => (
              <option key={region.code} value={`region:${region.code}`}>
                {region.name}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("subscribe.scope.agencies")}>
            {scopes.agencies.map((agency) => (
              <option key={agency.code} value={`agency:${agency.code}`}>
                {agency.name}
              </option>
            ))}
          </optgroup>
        </Field>
        <Button type="submit">{t("subscribe.submit")}</Button>
      </Form>
    </section>
  );
}
