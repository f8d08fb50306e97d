import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import procedureStyles from "~/components/admin/admin-procedures.css?url";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table } from "~/components/ui/Table";
import type { RequiredDocument } from "~/domain/forms/definition";
import { requiredDocumentSchema, toRequiredDocument } from "~/domain/procedure-admin";
import { changeRequiredDocuments, findProcedure, type DocumentChange } from "~/services/admin/procedures.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { idParam } from "~/utils/http";
import { errorSummaryItems, translateErrors } from "~/utils/form-errors";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-procedures"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: procedureStyles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const found = await findProcedure(await getDb(), idParam(params.id));
  if (!found) throw new Response("Not Found", { status: 404 });
  const t = await i18next.getFixedT(request, "admin-procedures");
  const p = found.procedure;
  return { title: documentTitle(`${t("documents.title")} — ${p.titleFr}`), procedure: { id: p.id, titleFr: p.titleFr, documents: p.requiredDocuments } };
}

type Intent = "add" | "edit" | "remove" | "up" | "down";

const parseDocument = (formData: FormData) => parseWithZod(formData, { schema: requiredDocumentSchema });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const id = idParam(params.id);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "") as Intent;
  const code = String(formData.get("originalCode") ?? "");
  let change: DocumentChange;
  let submission: ReturnType<typeof parseDocument> | null = null;
  if (intent === "add" || intent === "edit") {
    const parsed = parseDocument(formData);
    submission = parsed;
    if (parsed.status !== "success") return data({ intent, result: parsed.reply(), refusal: null }, { status: 400 });
    const document = toRequiredDocument(parsed.value);
    change = intent === "add" ? { kind: "add", document } : { kind: "edit", code, document };
  } else if (intent === "remove") change = { kind: "remove", code };
  else if (intent === "up" || intent === "down") change = { kind: "move", code, direction: intent };
  else throw new Response("Bad Request", { status: 400 });

  const result = await changeRequiredDocuments(await getDb(), { actor: { id: user.id, ...requestMetaFor(request, context) }, procedureId: id, change });
  if (result.ok) return redirect(`/admin/demarches/${id}/pieces?fait=enregistree`);
  if (result.error === "not_found") throw new Response("Not Found", { status: 404 });
  if (result.error === "code_taken" && submission) {
    return data({ intent, result: submission.reply({ fieldErrors: { code: ["documents.codeTaken"] } }), refusal: null }, { status: 400 });
  }
  const refusal =
    result.error === "in_use"
      ? { key: "documents.inUse", code: result.code, fields: result.fields.map((name) => `« ${name} »`).join(", ") }
      : { key: "documents.unknown", code: "", fields: "" };
  return data({ intent, result: submission?.reply() ?? null, refusal }, { status: 400 });
}

type DocumentFields = "code" | "labelFr" | "labelEn" | "hintFr" | "hintEn";

function DocumentForm({ id, intent, action, document, lastResult, submitLabel, cancel }: {
  id: string;
  intent: "add" | "edit";
  action: string;
  document: RequiredDocument | null;
  lastResult: SubmissionResult<string[]> | undefined;
  submitLabel: string;
  cancel?: { to: string; label: string };
}) {
  const { t } = useTranslation("admin-procedures");
  const tr = (key: string) => t(key);
  const [form, fields] = useForm<Record<DocumentFields, string>>({
    id,
    lastResult,
    defaultValue: document
      ? { code: document.code, labelFr: document.label.fr, labelEn: document.label.en, hintFr: document.hint?.fr ?? "", hintEn: document.hint?.en ?? "" }
      : undefined,
    shouldValidate: "onSubmit",
  });
  const order = [fields.code, fields.labelFr, fields.labelEn, fields.hintFr, fields.hintEn];
  const err = (name: DocumentFields) => translateErrors(tr, fields[name].errors);
  return (
    <>
      <ErrorSummary errors={errorSummaryItems(tr, form.errors, order)} />
      <Form method="post" action={action} {...getFormProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        {document ? <input type="hidden" name="originalCode" value={document.code} /> : null}
        <Field label={t("documents.code")} hint={t("documents.codeHint")} error={err("code")} width={30} spellCheck={false} {...getInputProps(fields.code, { type: "text" })} />
        <Field label={t("documents.labelFr")} error={err("labelFr")} {...getInputProps(fields.labelFr, { type: "text" })} />
        <Field label={t("documents.labelEn")} error={err("labelEn")} lang="en" {...getInputProps(fields.labelEn, { type: "text" })} />
        <Field label={t("documents.hintFr")} hint={t("documents.hintHint")} optional error={err("hintFr")} {...getInputProps(fields.hintFr, { type: "text" })} />
        <Field label={t("documents.hintEn")} optional error={err("hintEn")} lang="en" {...getInputProps(fields.hintEn, { type: "text" })} />
        <div className="admin-actions">
          <Button type="submit">{submitLabel}</Button>
          {cancel ? <Link to={cancel.to}>{cancel.label}</Link> : null}
        </div>
      </Form>
    </>
  );
}

export default function RequiredDocuments() {
  const { procedure: p } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("admin-procedures");
  const base = `/admin/demarches/${p.id}`;
  const editing = p.documents.find((d) => d.code === searchParams.get("modifier")) ?? null;
  const lastResult = (intent: Intent) => (actionData?.intent === intent ? ((actionData.result ?? undefined) as SubmissionResult<string[]> | undefined) : undefined);
  const rowAction = (document: RequiredDocument, intent: "up" | "down" | "remove", label: string, aria: string, variant: "secondary" | "warning") => (
    <Form method="post" action={`${base}/pieces`}>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="originalCode" value={document.code} />
      <Button type="submit" variant={variant} aria-label={aria}>
        {label}
      </Button>
    </Form>
  );
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t("breadcrumb"), to: "/admin/demarches" },
          { label: p.titleFr, to: base },
        ]}
      />
      {actionData?.refusal ? <Notice tone="error">{t(actionData.refusal.key, { code: actionData.refusal.code, fields: actionData.refusal.fields })}</Notice> : null}
      {searchParams.get("fait") === "enregistree" ? <Notice tone="success">{t("documents.saved")}</Notice> : null}
      <PageHeading caption={p.titleFr} lead={t("documents.lead")}>
        {t("documents.title")}
      </PageHeading>
      <Table<RequiredDocument>
        caption={t("documents.caption")}
        columns={[
          { header: t("documents.columns.label"), cell: (d) => d.label.fr, rowHeader: true },
          { header: t("documents.columns.code"), cell: (d) => <code>{d.code}</code> },
          { header: t("documents.columns.hint"), cell: (d) => d.hint?.fr ?? "" },
          {
            header: t("documents.columns.actions"),
            cell: (d) => {
              const index = p.documents.indexOf(d);
              const label = d.label.fr;
              return (
                <div className="admin-actions">
                  {index > 0 ? rowAction(d, "up", t("documents.up"), t("documents.upFor", { label }), "secondary") : null}
                  {index < p.documents.length - 1 ? rowAction(d, "down", t("documents.down"), t("documents.downFor", { label }), "secondary") : null}
                  <Link to={`${base}/pieces?modifier=${encodeURIComponent(d.code)}#edit-document-title`} aria-label={t("documents.editFor", { label })}>
                    {t("documents.edit")}
                  </Link>
                  {rowAction(d, "remove", t("documents.remove"), t("documents.removeFor", { label }), "warning")}
                </div>
              );
            },
          },
        ]}
        rows={p.documents}
        rowKey={(d) => d.code}
        empty={t("documents.empty")}
      />
      {editing ? (
        <section aria-labelledby="edit-document-title">
          <h2 id="edit-document-title">{t("documents.editTitle", { label: editing.label.fr })}</h2>
          <DocumentForm
            key={editing.code}
            id="edit-document"
            intent="edit"
            action={`${base}/pieces?modifier=${encodeURIComponent(editing.code)}`}
            document={editing}
            lastResult={lastResult("edit")}
            submitLabel={t("documents.save")}
            cancel={{ to: `${base}/pieces`, label: t("documents.cancelEdit") }}
          />
        </section>
      ) : (
        <section aria-labelledby="add-document-title">
          <h2 id="add-document-title">{t("documents.addTitle")}</h2>
          <DocumentForm id="add-document" intent="add" action={`${base}/pieces`} document={null} lastResult={lastResult("add")} submitLabel={t("documents.add")} />
        </section>
      )}
      <p>
        <Link to={base}>{t("documents.back")}</Link>
      </p>
    </>
  );
}
