import { getInputProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Field } from "~/components/ui/Field";
import { translateErrors } from "~/utils/form-errors";

type Translate = (key: string) => string;

/** "E-mail address or mobile phone number": sign-in, sign-up and forgotten password. */
export function IdentifierField({ field, translate }: { field: FieldMetadata<string>; translate: Translate }) {
  const { t } = useTranslation("auth");
  return (
    <Field
      label={t("fields.identifier.label")}
      hint={t("fields.identifier.hint")}
      error={translateErrors(translate, field.errors)}
      width={30}
      {...getInputProps(field, { type: "text" })}
      autoComplete="username"
      autoCapitalize="none"
      spellCheck={false}
    />
  );
}

/** A new password and its confirmation: sign-up ("Mot de passe") and reset ("Nouveau mot de passe"). */
export function NewPasswordFields({
  password,
  confirmation,
  translate,
  labelKey,
}: {
  password: FieldMetadata<string>;
  confirmation: FieldMetadata<string>;
  translate: Translate;
  labelKey: "fields.password.label" | "fields.newPassword.label";
}) {
  const { t } = useTranslation("auth");
  return (
    <>
      <Field
        label={t(labelKey)}
        hint={t("fields.newPassword.hint")}
        error={translateErrors(translate, password.errors)}
        width={30}
        {...getInputProps(password, { type: "password" })}
        autoComplete="new-password"
      />
      <Field
        label={t("fields.passwordConfirmation.label")}
        error={translateErrors(translate, confirmation.errors)}
        width={30}
        {...getInputProps(confirmation, { type: "password" })}
        autoComplete="new-password"
      />
    </>
  );
}
