import { FormEditorGone, useFormEditorCrumbs } from "~/components/admin/FormEditorGone";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import editorStyles from "~/components/admin/form-editor.css?url";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editorId, FieldEditorForm } from "~/components/admin/FieldEditorForm";
import { SectionFields } from "~/components/forms/FormFieldInput";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import type { FormDefinition, FormField } from "~/domain/forms/definition";
import { findField, updateField } from "~/domain/forms/editing";
import { conditionSources, editorValuesFrom, fieldToValues, parseFieldEditor, type EditorError, type EditorValues } from "~/domain/forms/field-editor";
import { applyFormEdit } from "~/services/admin/form-editor.server";
import { formEditorRequest, formValues } from "~/services/admin/form-editor-request.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { useNonce } from "~/utils/nonce";
// The live preview, bundled on its own by Vite's worker build (decision 009): no React, no hydration.
import editorScript from "~/components/admin/form-editor-enhance.ts?worker&url";

export const handle = { i18n: ["admin", "admin-form-editor", "forms"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

function editorContext(definition: FormDefinition, name: string, documents: { code: string }[]) {
  const found = findField(definition, name);
  const sources = conditionSources(definition, name);
  const labelled = sources.map((s) => ({ ...s, label: findField(definition, s.name)!.field.label.fr || s.name }));
  return { found, sources, labelled, codes: documents.map((d) => d.code) };
}

/** The field as the citizen would see it with the unsaved values: what parses, else the typed texts on the stored field. */
function previewField(stored: FormField, values: EditorValues, parsed: ReturnType<typeof parseFieldEditor>): FormField {
  if (parsed.ok) return parsed.field;
  const text = (key: string) => String([values[key] ?? ""].flat()[0] ?? "").trim();
  const label = { fr: text("labelFr") || stored.label.fr, en: text("labelEn") || stored.label.en };
  const hint = text("hintFr") || text("hintEn") ? { fr: text("hintFr"), en: text("hintEn") } : undefined;
  return { ...stored, label, required: text("required") === "on", ...(hint ? { hint } : {}) } as FormField;
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { state } = await formEditorRequest(request, params, context);
  const t = await i18next.getFixedT(request, "admin-form-editor");
  const { found, sources, labelled, codes } = editorContext(state.form.definition, params.name ?? "", state.procedure.requiredDocuments);
  const base = { procedure: state.procedure, version: state.form.version };
  if (!found) return data({ ...base, title: documentTitle(t("gone.fieldTitle")), gone: true as const }, { status: 404 });
  const url = new URL(request.url);
  let values = fieldToValues(found.field);
  let errors: Record<string, EditorError> = {};
  let shown = found.field;
  if (url.searchParams.has("apercu")) {
    values = editorValuesFrom(url.searchParams.entries());
    const parsed = parseFieldEditor(values, found.field, sources, codes);
    if (!parsed.ok) errors = parsed.errors;
    shown = previewField(found.field, values, parsed);
  }
  const section = { ...found.section, fields: found.section.fields.map((f, i) => (i === found.index ? shown : f)) };
  return {
    ...base,
    title: documentTitle(t("field.title", { label: found.field.label.fr || found.field.name })),
    gone: false as const,
    field: found.field,
    section,
    values,
    errors,
    sources: labelled,
  };
}

type ActionReply = { values: EditorValues; errors: Record<string, EditorError> };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, state, actor } = await formEditorRequest(request, params, context);
  const name = params.name ?? "";
  const values = await formValues(request);
  const { found, sources, codes } = editorContext(state.form.definition, name, state.procedure.requiredDocuments);
  if (!found) return data<ActionReply>({ values, errors: { _form: { key: "gone.field" } } }, { status: 404 });
  const parsed = parseFieldEditor(values, found.field, sources, codes);
  if (!parsed.ok) return data<ActionReply>({ values, errors: parsed.errors }, { status: 400 });
  const result = await applyFormEdit(db, { procedureId: state.procedure.id, actor, change: "field.update", section: found.section.id, field: parsed.field.name, edit: (d) => updateField(d, name, parsed.field) });
  if (!result.ok) {
    const errors: Record<string, EditorError> = result.error === "not_found" ? { _form: { key: "gone.field" } } : { name: { key: `errors.${result.error}` } };
    return data<ActionReply>({ values, errors }, { status: result.error === "not_found" ? 404 : 400 });
  }
  return redirect(`/admin/demarches/${state.procedure.id}/formulaire/champs/${parsed.field.name}?fait=enregistre`);
}

export default function FieldEditorPage() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ActionReply | undefined;
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation("admin-form-editor");
  const nonce = useNonce();
  const locale = toLocale(i18n.language);
  const base = `/admin/demarches/${d.procedure.id}`;
  const crumbs = useFormEditorCrumbs(d.procedure);
  if (d.gone) return <FormEditorGone procedure={d.procedure} what="field" />;
  const errors = reply?.errors ?? d.errors;
  const values = reply?.values ?? d.values;
  const summary = Object.entries(errors).map(([key, e]) => ({ id: key === "_form" ? undefined : editorId(key), message: t(e.key, e.values) }));
  const done = params.get("fait");
  const action = `${base}/formulaire/champs/${d.field.name}`;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <ErrorSummary errors={summary} />
      {done ? <Notice tone="success">{t(done === "field.add" ? "done.field_add" : "done.saved")}</Notice> : null}
      <PageHeading caption={t("field.caption", { section: d.section.title[locale] || d.section.id, version: d.version })}>{t("field.heading", { label: d.field.label[locale] || d.field.name })}</PageHeading>
      <div className="form-editor-columns">
        <FieldEditorForm action={action} type={d.field.type} values={values} errors={errors} sources={d.sources} documents={d.procedure.requiredDocuments} />
        <section id="apercu" aria-labelledby="apercu-titre" className="form-editor-preview">
          <h2 id="apercu-titre">{t("preview.sectionHeading", { section: d.section.title[locale] || d.section.id })}</h2>
          <p className="secondary-text">{t("preview.unsaved")}</p>
          <div className="form-editor-preview__body">
            <SectionFields section={d.section} locale={locale} values={{}} data={{}} />
          </div>
        </section>
      </div>
      <p>
        <Link to={`${base}/formulaire`}>{t("gone.back")}</Link>
      </p>
      <script src={editorScript} nonce={nonce} defer />
    </>
  );
}
