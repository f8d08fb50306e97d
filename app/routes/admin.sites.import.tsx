import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table } from "~/components/ui/Table";
import { CSV_MAX_BYTES, type CsvError } from "~/domain/sites-csv";
import { importSites, previewSitesImport, type ImportPreview, type ImportPreviewLine } from "~/services/admin/sites-import.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-organisation"] };

export const meta = titleFromLoader;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const t = await i18next.getFixedT(request, "admin-organisation");
  return { title: documentTitle(t("import.title")) };
}

type ActionData = { problem: string; csv?: undefined; preview?: undefined } | { problem?: undefined; csv: string; preview: ImportPreview };

/** The CSV sent: the uploaded file when there is one, else the pasted text (or the confirmed one). */
async function csvFrom(formData: FormData): Promise<{ csv: string } | { problem: string }> {
  const file = formData.get("file");
  if (file instanceof File && file.size > 0) {
    if (file.size > CSV_MAX_BYTES) return { problem: "import.tooLarge" };
    try {
      return { csv: new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()) };
    } catch {
      return { problem: "import.notText" };
    }
  }
  const text = String(formData.get("csv") ?? "");
  if (!text.trim()) return { problem: "import.noFile" };
  if (new TextEncoder().encode(text).length > CSV_MAX_BYTES) return { problem: "import.tooLarge" };
  return { csv: text };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  if (Number(request.headers.get("content-length") ?? 0) > CSV_MAX_BYTES * 2 + 10_000) {
    return data<ActionData>({ problem: "import.tooLarge" }, { status: 413 });
  }
  const formData = await readForm(request, { maxBytes: CSV_MAX_BYTES * 2 + 10_000 });
  const read = await csvFrom(formData);
  if ("problem" in read) return data<ActionData>({ problem: read.problem }, { status: 400 });
  const db = await getDb();
  if (formData.get("intent") === "confirm") {
    const result = await importSites(db, { id: user.id, ...requestMetaFor(request, context) }, read.csv);
    if (!result.ok) return data<ActionData>({ csv: read.csv, preview: result.preview }, { status: 400 });
    const { counts } = result;
    return redirect(`/admin/sites?fait=importe&nouveaux=${counts.new}&modifies=${counts.modified}&inchanges=${counts.unchanged}`);
  }
  const preview = await previewSitesImport(db, read.csv);
  return data<ActionData>({ csv: read.csv, preview }, { status: preview.errors.length > 0 ? 400 : 200 });
}

export default function ImportSites() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation(["admin-organisation", "admin"]);
  const preview = actionData?.preview;
  const errorText = (e: CsvError) => {
    const message = t(`errors.${e.key.replace(/^errors\./, "")}`, { value: e.value });
    if (e.line === 0) return t("import.errorFile", { message });
    return e.column ? t("import.errorAt", { line: e.line, column: e.column, message }) : t("import.errorAtLine", { line: e.line, message });
  };
  const summary = actionData?.problem
    ? [{ id: "file", message: t(actionData.problem) }]
    : (preview?.errors ?? []).slice(0, 10).map((e) => ({ message: errorText(e) }));
  return (
    <>
      <Breadcrumbs items={[{ label: t("sites.title"), to: "/admin/sites" }]} />
      <ErrorSummary errors={summary}>{preview && preview.errors.length > 0 ? <p>{t("import.errorsLead", { count: preview.errors.length })}</p> : null}</ErrorSummary>
      <PageHeading lead={t("import.lead")}>{t("import.title")}</PageHeading>

      {preview ? (
        <section aria-labelledby="preview-title">
          <h2 id="preview-title">{t("import.previewTitle")}</h2>
          <p>{t("import.previewCounts", preview.counts)}</p>
          {preview.errors.length > 0 ? (
            <>
              <h3>{t("import.errorsTitle")}</h3>
              <Table<CsvError>
                caption={t("import.errorsCaption")}
                captionHidden
                rows={preview.errors}
                rowKey={(e) => `${e.line}-${e.column ?? ""}-${e.key}`}
                columns={[
                  { header: t("import.columns.line"), cell: (e) => e.line || "—", rowHeader: true, numeric: true },
                  { header: t("import.columns.column"), cell: (e) => e.column ?? "—" },
                  { header: t("import.columns.error"), cell: (e) => errorText(e) },
                ]}
              />
            </>
          ) : (
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="csv" value={actionData.csv} />
              <Button type="submit">{t("import.confirm")}</Button>
            </Form>
          )}
          {preview.lines.length > 0 ? (
            <Table<ImportPreviewLine>
              caption={t("import.linesCaption")}
              rows={preview.lines}
              rowKey={(l) => l.line}
              columns={[
                { header: t("import.columns.line"), cell: (l) => l.line, numeric: true },
                { header: t("import.columns.code"), cell: (l) => l.code, rowHeader: true },
                { header: t("import.columns.name"), cell: (l) => l.name },
                { header: t("import.columns.state"), cell: (l) => t(`import.state.${l.state}`) },
                { header: t("import.columns.changes"), cell: (l) => l.changes.map((c) => t(`import.field.${c}`)).join(", ") },
              ]}
            />
          ) : null}
        </section>
      ) : null}

      <Form method="post" encType="multipart/form-data" noValidate>
        <input type="hidden" name="intent" value="check" />
        <Field label={t("import.file.label")} hint={t("import.file.hint")} id="file" name="file" type="file" accept=".csv,text/csv" />
        <Field as="textarea" label={t("import.text.label")} hint={t("import.text.hint")} id="csv" name="csv" rows={8} spellCheck={false} defaultValue={actionData?.csv ?? ""} />
        <Button type="submit" variant={preview && preview.errors.length === 0 ? "secondary" : "primary"}>
          {t("import.check")}
        </Button>
      </Form>
    </>
  );
}
