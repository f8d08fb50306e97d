import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import editorStyles from "~/components/admin/form-editor.css?url";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { SectionFields } from "~/components/forms/FormFieldInput";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import type { Locale } from "~/domain/constants";
import { allFields } from "~/domain/forms/editing";
import { formEditorRequest } from "~/services/admin/form-editor-request.server";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["admin", "admin-form-editor", "forms"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: editorStyles }];

/**
 * The working form as the citizen will see it, every section on one page (or one with
 * ?section=), in ?langue=fr|en or the page's language. Read-only: no form, nothing is sent.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { state } = await formEditorRequest(request, params, context);
  const url = new URL(request.url);
  const t = await i18next.getFixedT(request, "admin-form-editor");
  const asked = url.searchParams.get("langue");
  const language: Locale | null = asked === "fr" || asked === "en" ? asked : null;
  const only = url.searchParams.get("section");
  const sections = state.form.definition.sections.filter((s) => !only || s.id === only);
  // Fields shown on an answer of an earlier page are previewed as if that answer called for them.
  const data: Record<string, unknown> = {};
  for (const field of allFields(state.form.definition)) if (field.showIf) data[field.showIf.field] ??= field.showIf.in[0];
  return {
    title: documentTitle(t("preview.title", { procedure: state.procedure.titleFr })),
    procedure: state.procedure,
    version: state.form.version,
    language,
    only,
    sections,
    allSections: state.form.definition.sections.map((s) => ({ id: s.id, title: s.title })),
    data,
  };
}

export default function FormPreviewPage() {
  const d = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin-form-editor");
  const ui = toLocale(i18n.language);
  const locale = d.language ?? ui;
  const base = `/admin/demarches/${d.procedure.id}`;
  const link = (query: Record<string, string | null>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ langue: d.language, section: d.only, ...query })) if (v) params.set(k, v);
    const text = params.toString();
    return text ? `?${text}` : ".";
  };
  return (
    <>
      <Breadcrumbs items={[{ label: t("admin:menu.procedures"), to: "/admin/demarches" }, { label: ui === "fr" ? d.procedure.titleFr : d.procedure.titleEn, to: base }]} />
      <PageHeading caption={ui === "fr" ? d.procedure.titleFr : d.procedure.titleEn} lead={t("preview.lead", { version: d.version })}>
        {t("preview.heading")}
      </PageHeading>
      <Notice>{t("preview.readOnly")}</Notice>
      <nav aria-label={t("preview.options")} className="admin-actions">
        <Link to={link({ langue: "fr" })} lang="fr" aria-current={locale === "fr" ? "true" : undefined}>
          {t("preview.inFrench")}
        </Link>
        <Link to={link({ langue: "en" })} lang="en" aria-current={locale === "en" ? "true" : undefined}>
          {t("preview.inEnglish")}
        </Link>
        {d.only ? <Link to={link({ section: null })}>{t("preview.allSections")}</Link> : null}
        <Link to={`${base}/formulaire`}>{t("gone.back")}</Link>
      </nav>
      {d.sections.length === 0 ? <p>{t("preview.empty")}</p> : null}
      {d.sections.map((section, index) => (
        <section key={section.id} aria-labelledby={`apercu-${section.id}`} className="form-editor-preview">
          <p className="secondary-text">{t("preview.label")}</p>
          <h2 id={`apercu-${section.id}`}>
            {d.only ? null : <span className="secondary-text">{t("overview.sectionNumber", { number: index + 1 })} </span>}
            <span lang={locale}>{section.title[locale]}</span>
          </h2>
          {d.only ? null : (
            <p>
              <Link to={link({ section: section.id })}>{t("preview.onlySection", { title: section.title[locale] })}</Link>
            </p>
          )}
          <div lang={locale}>
            {section.description?.[locale] ? <p className="lead">{section.description[locale]}</p> : null}
            <SectionFields section={section} locale={locale} values={{}} data={d.data} />
          </div>
        </section>
      ))}
    </>
  );
}
