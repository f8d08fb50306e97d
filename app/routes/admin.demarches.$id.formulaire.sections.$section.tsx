import { FormEditorGone, useFormEditorCrumbs } from "~/components/admin/FormEditorGone";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import editorStyles from "~/components/admin/form-editor.css?url";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editorId } from "~/components/admin/FieldEditorForm";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Fieldset } from "~/components/ui/Fieldset";
import { PageHeading } from "~/components/ui/PageHeading";
import { MACHINE_NAME } from "~/domain/forms/checks";
import { updateSection } from "~/domain/forms/editing";
import type { EditorError } from "~/domain/forms/field-editor";
import { applyFormEdit } from "~/services/admin/form-editor.server";
import { formEditorRequest, formValues } from "~/services/admin/form-editor-request.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["admin", "admin-form-editor"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

const KEYS = ["id", "titleFr", "titleEn", "descriptionFr", "descriptionEn"] as const;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { state } = await formEditorRequest(request, params, context);
  const t = await i18next.getFixedT(request, "admin-form-editor");
  const section = state.form.definition.sections.find((s) => s.id === params.section);
  const base = { procedure: state.procedure, version: state.form.version };
  if (!section) return data({ ...base, title: documentTitle(t("gone.sectionTitle")), gone: true as const, section: null, values: {} as Record<string, string> }, { status: 404 });
  const values: Record<string, string> = {
    id: section.id,
    titleFr: section.title.fr,
    titleEn: section.title.en,
    descriptionFr: section.description?.fr ?? "",
    descriptionEn: section.description?.en ?? "",
  };
  return { ...base, title: documentTitle(t("section.title", { title: section.title.fr || section.id })), gone: false as const, section: { id: section.id, title: section.title }, values };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, state, actor } = await formEditorRequest(request, params, context);
  const raw = await formValues(request);
  const values = Object.fromEntries(KEYS.map((k) => [k, String([raw[k] ?? ""].flat()[0] ?? "").trim()])) as Record<(typeof KEYS)[number], string>;
  const errors: Record<string, EditorError> = {};
  if (!MACHINE_NAME.test(values.id)) errors.id = { key: "errors.name" };
  if (!values.titleFr) errors.titleFr = { key: "errors.titleFr" };
  if (!values.titleEn) errors.titleEn = { key: "errors.titleEn" };
  if (Object.keys(errors).length) return data({ values, errors }, { status: 400 });
  const id = params.section ?? "";
  const result = await applyFormEdit(db, {
    procedureId: state.procedure.id,
    actor,
    change: "section.update",
    section: values.id,
    edit: (d) => updateSection(d, id, { id: values.id, title: { fr: values.titleFr, en: values.titleEn }, description: { fr: values.descriptionFr, en: values.descriptionEn } }),
  });
  if (!result.ok) {
    const notFound = result.error === "not_found";
    const refusal: Record<string, EditorError> = notFound ? { _form: { key: "gone.section" } } : { id: { key: `errors.${result.error}` } };
    return data({ values, errors: refusal }, { status: notFound ? 404 : 400 });
  }
  return redirect(`/admin/demarches/${state.procedure.id}/formulaire?fait=section.update#section-${values.id}`);
}

export default function SectionEditorPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t, i18n } = useTranslation("admin-form-editor");
  const locale = toLocale(i18n.language);
  const base = `/admin/demarches/${d.procedure.id}`;
  const crumbs = useFormEditorCrumbs(d.procedure);
  if (d.gone) return <FormEditorGone procedure={d.procedure} what="section" />;
  const errors: Record<string, EditorError> = reply?.errors ?? {};
  const values: Record<string, string> = reply?.values ?? d.values;
  const summary = Object.entries(errors).map(([key, e]) => ({ id: key === "_form" ? undefined : editorId(key), message: t(e.key, e.values) }));
  const input = (key: string) => ({ id: editorId(key), name: key, defaultValue: values[key] ?? "", error: errors[key] ? t(errors[key]!.key, errors[key]!.values) : undefined });
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <ErrorSummary errors={summary} />
      <PageHeading caption={t("section.caption", { version: d.version })}>{t("section.heading", { title: d.section.title[locale] || d.section.id })}</PageHeading>
      <Form method="post" noValidate>
        <Field label={t("section.id")} hint={t("section.idHint")} spellCheck={false} autoComplete="off" width={30} {...input("id")} />
        <Fieldset legend={t("section.titles")}>
          <Field label={t("section.titleFr")} {...input("titleFr")} />
          <Field label={t("section.titleEn")} {...input("titleEn")} />
        </Fieldset>
        <Fieldset legend={t("section.descriptions")} hint={t("section.descriptionHint")}>
          <Field as="textarea" rows={3} label={t("section.descriptionFr")} optional {...input("descriptionFr")} />
          <Field as="textarea" rows={3} label={t("section.descriptionEn")} optional {...input("descriptionEn")} />
        </Fieldset>
        <div className="admin-actions">
          <Button type="submit">{t("section.save")}</Button>
          <Link to={`${base}/formulaire`}>{t("admin:shared.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
