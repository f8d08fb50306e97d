import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SectionFields, type UploadedFile } from "~/components/forms/FormFieldInput";
import { fieldControlId, fieldErrorMessage, rejectionMessage } from "~/components/forms/messages";
import { DefaultSubmit, StepButtons, StepHeader } from "~/components/forms/StepLayout";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { contactPrefill } from "~/domain/forms/contact";
import type { FileField, FormDefinition, FormSection } from "~/domain/forms/definition";
import { isFieldVisible, validateSection, validSectionValues, type RawValues } from "~/domain/forms/schema";
import { stepPath, stepPosition } from "~/domain/forms/steps";
import { loadDraftForm, procedureTitle, redirectAfterStep, saveSectionAnswers, saveValidAnswers, type DraftForm } from "~/services/form-steps.server";
import { attachToCase, discardStoredFiles, isRequestTooLarge, parseUploadForm, removeCaseAttachment, type StoredFile } from "~/services/uploads.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { ENHANCE_CONFIG_ID, serializeConfig, type EnhanceConfig } from "~/components/forms/enhance-config";
// The enhancement script, bundled on its own (an IIFE with its imports) by Vite's worker build: no React.
import enhanceScript from "~/components/forms/form-enhance.ts?worker&url";
import { useNonce } from "~/utils/nonce";

export const handle = { i18n: ["forms"] };

export const meta = titleFromLoader;

const MB = 1024 * 1024;
const DEFAULT_MAX_SIZE_MB = 10;

function findSection(definition: FormDefinition, id: string | undefined): FormSection {
  const section = definition.sections.find((s) => s.id === id);
  if (!section) throw new Response(null, { status: 404 });
  return section;
}

const fileFields = (section: FormSection) => section.fields.filter((f): f is FileField => f.type === "file");

function shownUploads(uploads: DraftForm["uploads"]): Record<string, UploadedFile> {
  return Object.fromEntries(Object.entries(uploads).map(([name, u]) => [name, { id: u.id, filename: u.filename, sizeBytes: u.sizeBytes }]));
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, kase, definition, data: caseData, uploads, locale } = await loadDraftForm(request, params.reference);
  const section = findSection(definition, params.section);
  const position = stepPosition(definition, section.id)!;
  const t = await i18next.getFixedT(request, ["forms", "common"]);
  const own = new Set(section.fields.map((f) => f.name));
  const controlling = section.fields.flatMap((f) => (f.showIf && !own.has(f.showIf.field) ? [f.showIf.field] : []));
  const templates: Record<string, string> = {};
  for (const group of ["errors", "fileTypeArticles"]) {
    for (const [key, value] of Object.entries(t(group, { ns: "forms", returnObjects: true }) as Record<string, string>)) templates[`${group}.${key}`] = value;
  }
  const enhance: EnhanceConfig = {
    locale,
    section,
    data: Object.fromEntries(controlling.filter((name) => name in caseData).map((name) => [name, caseData[name]])),
    uploaded: Object.keys(uploads),
    templates,
    errorPrefix: t("field.errorPrefix", { ns: "common" }),
    summaryTitle: t("errorSummary.title", { ns: "common" }),
  };
  return {
    title: documentTitle(section.title[locale]),
    reference: kase.reference,
    procedure: procedureTitle(kase, locale),
    backTo: stepPath(kase.reference, position.previous!.id),
    number: position.number,
    total: position.total,
    locale,
    section,
    data: caseData,
    // The account's phone and e-mail in the contact fields, until the step is confirmed.
    prefill: contactPrefill(section, caseData, user),
    uploads: shownUploads(uploads),
    multipart: fileFields(section).length > 0,
    enhance,
  };
}

type ActionReply = { values: RawValues; errors: Record<string, string>; notice?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const draft = await loadDraftForm(request, params.reference);
  const { db, user, kase, definition, data: caseData, uploads, locale } = draft;
  const section = findSection(definition, params.section);
  const t = await i18next.getFixedT(request, "forms");
  const files = fileFields(section);
  const limits = Object.fromEntries(files.map((f) => [f.name, { maxBytes: (f.maxSizeMb || DEFAULT_MAX_SIZE_MB) * MB, accept: f.accept }]));

  let parsed: Awaited<ReturnType<typeof parseUploadForm>>;
  try {
    parsed = await parseUploadForm(request, limits);
  } catch (thrown) {
    if (!isRequestTooLarge(thrown)) throw thrown;
    return data<ActionReply>({ values: {}, errors: { [files[0]?.name ?? "_form"]: t("errors.tooManyFiles") } }, { status: 413 });
  }
  const raw: RawValues = parsed.values;
  const intent = typeof raw.intent === "string" ? raw.intent : "continue";
  const errors: Record<string, string> = {};

  // Files of fields shown given this page's answers are kept, even when other answers have errors.
  const context = { ...caseData, ...raw };
  const visibleFileNames = new Set(files.filter((f) => isFieldVisible(f, context)).map((f) => f.name));
  const keep: StoredFile[] = parsed.files.filter((f) => visibleFileNames.has(f.field));
  const drop = parsed.files.filter((f) => !visibleFileNames.has(f.field));
  if (drop.length) await discardStoredFiles(drop);
  if (keep.length) {
    try {
      await db.transaction((tx) => attachToCase(tx, { caseId: kase.id, ownerId: user.id, files: keep, replaceFields: true }));
    } catch (error) {
      await discardStoredFiles(keep);
      throw error;
    }
  }
  for (const rejection of parsed.rejections) {
    const field = files.find((f) => f.name === rejection.field);
    if (field) errors[field.name] = rejectionMessage(t, field, rejection, locale);
  }

  if (intent.startsWith("remove:")) {
    const attachmentId = intent.slice("remove:".length);
    const removed = Object.values(uploads).find((u) => u.id === attachmentId);
    const ok = await removeCaseAttachment(db, { caseId: kase.id, attachmentId, ownerId: user.id });
    const notice = ok && removed ? t("file.removed", { name: removed.filename }) : undefined;
    return data<ActionReply>({ values: raw, errors, notice });
  }

  if (intent === "later") {
    await saveValidAnswers(db, { caseId: kase.id, definition, values: validSectionValues(section, raw, caseData) });
    // A refused file is not saved: say so, with the message "Continuer" gives, instead of leaving.
    if (parsed.rejections.length > 0) return data<ActionReply>({ values: raw, errors, notice: t("later.savedWithoutFile") }, { status: 400 });
    return redirect(`/mon-espace?enregistre=${kase.reference}`, 303);
  }

  const result = validateSection(section, raw, caseData);
  if (!result.ok) {
    for (const [name, code] of Object.entries(result.errors)) {
      const field = section.fields.find((f) => f.name === name);
      if (field && !errors[name]) errors[name] = fieldErrorMessage(t, field, code, locale);
    }
  }
  const uploaded = new Set([...Object.keys(uploads), ...keep.map((f) => f.field)]);
  for (const field of files) {
    if (visibleFileNames.has(field.name) && field.required && !uploaded.has(field.name) && !errors[field.name]) {
      errors[field.name] = fieldErrorMessage(t, field, "file_required", locale);
    }
  }
  if (!result.ok || Object.keys(errors).length > 0) return data<ActionReply>({ values: raw, errors }, { status: 400 });

  const saved = await saveSectionAnswers(db, { caseId: kase.id, definition, section, values: result.values, confirm: true });
  return redirectAfterStep(draft, section.id, saved, { uploadedFields: uploaded });
}

export default function SectionStep() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const errors = reply?.errors ?? {};
  const values: Record<string, unknown> = reply ? reply.values : { ...d.data, ...d.prefill };
  const summary = d.section.fields.filter((f) => errors[f.name]).map((f) => ({ id: fieldControlId(f.name), message: errors[f.name]! }));
  const description = d.section.description?.[d.locale];
  const nonce = useNonce();

  return (
    <>
      <StepHeader backTo={d.backTo} procedure={d.procedure} number={d.number} total={d.total} title={d.section.title[d.locale]} lead={description} />
      <ErrorSummary errors={summary} />
      {reply?.notice ? <Notice tone="success">{reply.notice}</Notice> : null}
      <Form method="post" noValidate data-form-section="" encType={d.multipart ? "multipart/form-data" : undefined}>
        {d.multipart ? <DefaultSubmit /> : null}
        <SectionFields section={d.section} locale={d.locale} values={values} data={d.data} errors={errors} uploads={d.uploads} />
        <StepButtons />
      </Form>
      <script type="application/json" id={ENHANCE_CONFIG_ID} dangerouslySetInnerHTML={{ __html: serializeConfig(d.enhance) }} />
      <script src={enhanceScript} nonce={nonce} defer />
    </>
  );
}
