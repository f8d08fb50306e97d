import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Checkboxes } from "~/components/ui/Checkboxes";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Radios } from "~/components/ui/Radios";
import { REGION_CODES } from "~/domain/constants";
import { getProfile, parseProfileForm, updateProfile, type ProfileErrors } from "~/services/profile.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next, localeCookie } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["myspace"] };

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const profile = await getProfile(await getDb(), user.id);
  if (!profile) throw new Response(null, { status: 404 });
  const t = await i18next.getFixedT(request, "myspace");
  return {
    title: documentTitle(t("profile.title")),
    profile,
    saved: new URL(request.url).searchParams.has("enregistre"),
  };
}

type Reply = { errors: ProfileErrors; values: { fullName: string; regionCode: string; locale: string; channels: string[] } };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await readForm(request);
  const raw = {
    fullName: String(form.get("fullName") ?? ""),
    regionCode: String(form.get("regionCode") ?? ""),
    locale: String(form.get("locale") ?? ""),
    channels: form.getAll("channels").map(String),
  };
  const parsed = parseProfileForm(raw);
  if (!parsed.ok) return data<Reply>({ errors: parsed.errors, values: raw }, { status: 400 });
  await updateProfile(await getDb(), user.id, parsed.value);
  // The pages follow the chosen language at once (the same cookie as the language switch).
  return redirect("/mon-espace/profil?enregistre", { headers: { "Set-Cookie": await localeCookie.serialize(parsed.value.locale) } });
}

export default function ProfilePage() {
  const { profile, saved } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as Reply | undefined;
  const { t } = useTranslation("myspace");
  const values = reply?.values ?? {
    fullName: profile.fullName,
    regionCode: profile.regionCode ?? "",
    locale: profile.locale,
    channels: [...(profile.notifyByEmail ? ["email"] : []), ...(profile.notifyBySms ? ["sms"] : [])],
  };
  const errors = reply?.errors ?? {};
  const message = (field: keyof ProfileErrors) => (errors[field] ? t(`profile.errors.${field}.${errors[field]}`) : undefined);
  const summary = (["fullName", "regionCode", "locale"] as const).flatMap((field) =>
    errors[field] ? [{ id: field === "locale" ? "locale" : field, message: message(field)! }] : [],
  );
  const channelOptions = [
    ...(profile.email ? [{ value: "email", label: t("profile.channelEmail"), hint: profile.email }] : []),
    ...(profile.phone ? [{ value: "sms", label: t("profile.channelSms"), hint: profile.phone }] : []),
  ];

  return (
    <>
      <PageHeading lead={t("profile.lead")}>{t("profile.title")}</PageHeading>
      {saved && !reply ? (
        <Notice tone="success">
          <p>{t("profile.saved")}</p>
        </Notice>
      ) : null}
      <ErrorSummary errors={summary} />
      <Form method="post" replace>
        <Field
          id="fullName"
          name="fullName"
          label={t("profile.fullName")}
          hint={t("profile.fullNameHint")}
          error={message("fullName")}
          defaultValue={values.fullName}
          autoComplete="name"
          spellCheck={false}
          width={30}
          maxLength={120}
        />
        <Field as="select" id="regionCode" name="regionCode" label={t("profile.region")} hint={t("profile.regionHint")} error={message("regionCode")} defaultValue={values.regionCode}>
          <option value="">{t("profile.noRegion")}</option>
          {REGION_CODES.map((code) => (
            <option key={code} value={code}>
              {t(`regions.${code}`)}
            </option>
          ))}
        </Field>
        <Radios
          name="locale"
          legend={t("profile.language")}
          hint={t("profile.languageHint")}
          error={message("locale")}
          defaultValue={values.locale}
          options={[
            { value: "fr", label: <span lang="fr">Français</span> },
            { value: "en", label: <span lang="en">English</span> },
          ]}
        />
        <Checkboxes
          name="channels"
          legend={t("profile.channels")}
          hint={t("profile.channelsHint")}
          defaultValue={values.channels}
          options={channelOptions}
        />
        <Button type="submit">{t("profile.submit")}</Button>
      </Form>
      <p>
        <Link to="/mon-espace">{t("common.backToMySpace")}</Link>
      </p>
    </>
  );
}
