import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import editorStyles from "~/components/admin/form-editor.css?url";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AddFieldForm, AddSectionForm, type AddReply } from "~/components/admin/FormEditorAdd";
import { FormEditorSection } from "~/components/admin/FormEditorSection";
import { problemLink, problemMessage } from "~/components/admin/problems";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { FIELD_TYPES, type FieldType } from "~/domain/forms/definition";
import { addField, addSection, allFields, findField, moveField, moveSection, newField, removeField, removeSection, suggestName, type Direction } from "~/domain/forms/editing";
import { MACHINE_NAME } from "~/domain/forms/checks";
import { applyFormEdit } from "~/services/admin/form-editor.server";
import { formEditorRequest, formValues } from "~/services/admin/form-editor-request.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["admin", "admin-form-editor"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { state } = await formEditorRequest(request, params, context);
  const t = await i18next.getFixedT(request, "admin-form-editor");
  return { title: documentTitle(t("overview.title", { procedure: state.procedure.titleFr })), ...state };
}

const text = (values: Record<string, string | string[]>, key: string) => String([values[key] ?? ""].flat()[0] ?? "").trim();

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, state, actor } = await formEditorRequest(request, params, context);
  const values = await formValues(request);
  const intent = text(values, "intent");
  const procedureId = state.procedure.id;
  const base = `/admin/demarches/${procedureId}/formulaire`;
  const fail = (reply: AddReply, status = 400) => data(reply, { status });

  if (intent === "section.add" || intent === "field.add") {
    const isSection = intent === "section.add";
    const [frKey, enKey, nameKey] = isSection ? ["sectionTitleFr", "sectionTitleEn", "sectionId"] : ["fieldLabelFr", "fieldLabelEn", "fieldName"];
    const errors: AddReply["errors"] = {};
    const fr = text(values, frKey);
    const en = text(values, enKey);
    if (!fr) errors[frKey] = { key: isSection ? "errors.titleFr" : "errors.labelFr" };
    if (!en) errors[enKey] = { key: isSection ? "errors.titleEn" : "errors.labelEn" };
    const taken = isSection ? state.form.definition.sections.map((s) => s.id) : allFields(state.form.definition).map((f) => f.name);
    const name = text(values, nameKey) || suggestName(fr, taken);
    if (!MACHINE_NAME.test(name)) errors[nameKey] = { key: "errors.name" };
    const type = text(values, "fieldType") as FieldType;
    const sectionId = text(values, "section");
    if (!isSection && !FIELD_TYPES.includes(type)) errors.fieldType = { key: "errors.type" };
    if (Object.keys(errors).length) return fail({ intent, section: sectionId, values, errors });
    const result = isSection
      ? await applyFormEdit(db, { procedureId, actor, change: "section.add", section: name, edit: (d) => addSection(d, { id: name, title: { fr, en } }) })
      : await applyFormEdit(db, { procedureId, actor, change: "field.add", section: sectionId, field: name, edit: (d) => addField(d, sectionId, newField(type, name, { fr, en })) });
    if (!result.ok) return fail({ intent, section: sectionId, values, errors: { [nameKey]: { key: `errors.${result.error}` } } }, result.error === "not_found" ? 404 : 400);
    return redirect(isSection ? `${base}?fait=section.add#section-${name}` : `${base}/champs/${name}?fait=field.add`);
  }

  const [kind, verb] = intent.split(".") as ["section" | "field", string];
  const target = text(values, kind);
  const direction: Direction | null = verb === "up" || verb === "down" ? verb : null;
  if ((kind !== "section" && kind !== "field") || (!direction && verb !== "remove")) return fail({ intent, values, errors: { _form: { key: "errors.unknownAction" } } });
  const section = kind === "section" ? target : findField(state.form.definition, target)?.section.id;
  const result = await applyFormEdit(db, {
    procedureId,
    actor,
    change: direction ? `${kind}.move` : `${kind}.remove`,
    section,
    ...(kind === "field" ? { field: target } : {}),
    edit: (d) => (kind === "section" ? (direction ? moveSection(d, target, direction) : removeSection(d, target)) : direction ? moveField(d, target, direction) : removeField(d, target)),
  });
  if (!result.ok) {
    const key = result.error === "has_dependents" ? `errors.dependents.${kind}` : `errors.${result.error}`;
    return fail({ intent, values, errors: { _form: { key, values: { name: target, names: (result.names ?? []).join(", ") } } } }, result.error === "not_found" ? 404 : 400);
  }
  const anchor = direction ? `#${kind === "section" ? "section" : "ligne"}-${target}` : "";
  return redirect(`${base}?fait=${kind}.${direction ? "move" : "remove"}${anchor}`);
}

export default function FormEditorOverview() {
  const { procedure, form, problems } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation("admin-form-editor");
  const locale = toLocale(i18n.language);
  const done = params.get("fait");
  const toRemove = params.get("supprimer");
  const [removeKind, removeName] = toRemove?.split(":") ?? [];
  const base = `/admin/demarches/${procedure.id}`;
  const summary = reply ? Object.entries(reply.errors).map(([key, e]) => ({ id: key === "_form" ? undefined : `${key}-${reply.intent === "field.add" ? reply.section : "new"}`, message: t(e.key, e.values) })) : [];
  const removed = removeKind === "field" ? findField(form.definition, removeName ?? "")?.field : undefined;
  const removedSection = removeKind === "section" ? form.definition.sections.find((s) => s.id === removeName) : undefined;

  return (
    <>
      <Breadcrumbs items={[{ label: t("admin:menu.procedures"), to: "/admin/demarches" }, { label: locale === "fr" ? procedure.titleFr : procedure.titleEn, to: base }]} />
      <ErrorSummary errors={summary} />
      {done ? <Notice tone="success">{t(`done.${done.replace(".", "_")}`)}</Notice> : null}
      <PageHeading caption={locale === "fr" ? procedure.titleFr : procedure.titleEn} lead={t("overview.lead")}>
        {t("overview.heading")}
      </PageHeading>
      <Notice>
        {t("overview.version", { version: form.version })}{" "}
        {form.publishedVersion === null ? t("overview.neverPublished") : form.hasUnpublishedChanges ? t("overview.unpublished", { published: form.publishedVersion }) : t("overview.samePublished")}{" "}
        <Link to={base}>{t("overview.backToProcedure")}</Link> · <Link to={`${base}/apercu`}>{t("overview.previewLink")}</Link>
      </Notice>
      {removed || removedSection ? (
        <Notice tone="warning" title={t(removed ? "remove.fieldTitle" : "remove.sectionTitle", { label: removed ? removed.label[locale] : removedSection!.title[locale] })}>
          <p>{t(removed ? "remove.fieldWarning" : "remove.sectionWarning", { count: removedSection?.fields.length ?? 0 })}</p>
          <Form method="post" className="admin-actions">
            <input type="hidden" name={removeKind} value={removeName} />
            <Button type="submit" name="intent" value={`${removeKind}.remove`} variant="warning">
              {t("remove.confirm")}
            </Button>
            <Link to=".">{t("remove.cancel")}</Link>
          </Form>
        </Notice>
      ) : null}
      {problems.length > 0 ? (
        <Notice tone="warning" title={t("problems.title")}>
          <ul className="list list--bullet">
            {problems.map((problem, index) => (
              <li key={index}>
                <Link to={problemLink(procedure.id, problem)}>{problemMessage(t, problem)}</Link>
              </li>
            ))}
          </ul>
        </Notice>
      ) : (
        <Notice tone="success">{t("problems.none")}</Notice>
      )}
      {form.definition.sections.length === 0 ? <p>{t("overview.empty")}</p> : null}
      {form.definition.sections.map((section, index) => (
        <FormEditorSection key={section.id} procedureId={procedure.id} section={section} definition={form.definition} number={index} count={form.definition.sections.length}>
          <AddFieldForm section={section.id} reply={reply?.intent === "field.add" && reply.section === section.id ? reply : undefined} />
        </FormEditorSection>
      ))}
      <AddSectionForm reply={reply?.intent === "section.add" ? reply : undefined} />
    </>
  );
}
