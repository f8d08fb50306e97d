import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import procedureStyles from "~/components/admin/admin-procedures.css?url";
import { METADATA_FIELD_ORDER, ProcedureMetadataFields, type MetadataFieldName } from "~/components/admin/ProcedureMetadataFields";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { updateProcedureSchema } from "~/domain/procedure-admin";
import { agencyOptions, findProcedure, slugEditable, updateProcedure } from "~/services/admin/procedures.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { idParam } from "~/utils/http";
import { errorSummaryItems, translateErrors } from "~/utils/form-errors";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-procedures", "catalogue"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: procedureStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const id = idParam(params.id);
  const db = await getDb();
  const [found, agencies, canEditSlug] = await Promise.all([findProcedure(db, id), agencyOptions(db), slugEditable(db, id)]);
  if (!found) throw new Response("Not Found", { status: 404 });
  const t = await i18next.getFixedT(request, "admin-procedures");
  return { title: documentTitle(`${t("edit.title")} — ${found.procedure.titleFr}`), procedure: found.procedure, agencies, canEditSlug };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const id = idParam(params.id);
  const submission = parseWithZod(await readForm(request), { schema: updateProcedureSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await updateProcedure(await getDb(), { actor: { id: user.id, ...requestMetaFor(request, context) }, procedureId: id, update: submission.value });
  if (!result.ok) {
    if ("notFound" in result) throw new Response("Not Found", { status: 404 });
    const fieldErrors = Object.fromEntries(Object.entries(result.errors).map(([key, message]) => [key, [message]]));
    return data({ result: submission.reply({ fieldErrors }) }, { status: 400 });
  }
  return redirect(`/admin/demarches/${id}?fait=${result.changed ? "enregistree" : "inchangee"}`);
}

export default function EditProcedure() {
  const { procedure: p, agencies, canEditSlug } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin-procedures");
  const tr = (key: string) => t(key);
  const base = `/admin/demarches/${p.id}`;
  const [form, fields] = useForm<Record<MetadataFieldName | "slug", string>>({
    id: "edit-procedure",
    lastResult: actionData?.result as SubmissionResult<string[]> | undefined,
    defaultValue: {
      slug: p.slug,
      titleFr: p.titleFr,
      titleEn: p.titleEn,
      summaryFr: p.summaryFr,
      summaryEn: p.summaryEn,
      eligibilityFr: p.eligibilityFr,
      eligibilityEn: p.eligibilityEn,
      category: p.category,
      agencyId: String(p.agencyId),
      feeXof: String(p.feeXof),
      targetDelayDays: String(p.targetDelayDays),
      infoRequestExpiryDays: String(p.infoRequestExpiryDays),
      delivery: p.delivery,
      keywords: p.keywords,
    },
    shouldValidate: "onSubmit",
  });
  const ordered = [...(canEditSlug ? [fields.slug] : []), ...METADATA_FIELD_ORDER.map((name) => fields[name])];
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t("breadcrumb"), to: "/admin/demarches" },
          { label: p.titleFr, to: base },
        ]}
      />
      <ErrorSummary errors={errorSummaryItems(tr, form.errors, ordered)} />
      <PageHeading caption={p.titleFr}>{t("edit.title")}</PageHeading>
      {p.status === "published" ? <Notice>{t("edit.publishedNote")}</Notice> : null}
      <Form method="post" {...getFormProps(form)}>
        {canEditSlug ? (
          <Field label={t("fields.slug")} hint={t("fields.slugHint")} error={translateErrors(tr, fields.slug.errors)} spellCheck={false} {...getInputProps(fields.slug, { type: "text" })} />
        ) : (
          <p className="secondary-text">{t("fields.slugLocked", { slug: p.slug })}</p>
        )}
        <ProcedureMetadataFields fields={fields} agencies={agencies} />
        <div className="admin-actions">
          <Button type="submit">{t("edit.submit")}</Button>
          <Link to={base}>{t("edit.cancel")}</Link>
        </div>
      </Form>
    </>
  );
}
