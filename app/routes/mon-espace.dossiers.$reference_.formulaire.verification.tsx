import { randomUUID } from "node:crypto";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnswerSummary, ChangeLink } from "~/components/forms/AnswerSummary";
import type { UploadedFile } from "~/components/forms/FormFieldInput";
import { fieldControlId, fieldErrorMessage } from "~/components/forms/messages";
import { LinkedErrorSummary, StepHeader, type LinkedError } from "~/components/forms/StepLayout";
import { Button } from "~/components/ui/Button";
import type { FormDefinition } from "~/domain/forms/definition";
import { pruneHiddenFields, RESERVED_KEYS } from "~/domain/forms/schema";
import { FOR_WHOM_STEP, OFFICE_STEP, REVIEW_STEP, stepPath, stepPosition } from "~/domain/forms/steps";
import { officeWithLink, requireOwnCase } from "~/services/case-access.server";
import { loadDraftForm, procedureTitle } from "~/services/form-steps.server";
import { submitCase } from "~/services/submission.server";
import { appBaseUrl, requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { toLocale } from "~/utils/i18n";
import { formatFcfa } from "~/utils/format";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { confirmationPath, redirectAfterSubmission } from "~/utils/tracking-code.server";
import type { TFunction } from "i18next";
import type { Locale } from "~/domain/constants";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["forms"] };

export const meta = titleFromLoader;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, kase, definition, data: caseData, uploads, locale } = await loadDraftForm(request, params.reference);
  const t = await i18next.getFixedT(request, "forms");
  const position = stepPosition(definition, REVIEW_STEP)!;
  const office = kase.preferredOfficeId ? await officeWithLink(db, kase.preferredOfficeId) : null;
  const forWhom = caseData[RESERVED_KEYS.forWhom];
  return {
    title: documentTitle(t("review.title")),
    reference: kase.reference,
    procedure: procedureTitle(kase, locale),
    backTo: stepPath(kase.reference, position.previous!.id),
    number: position.number,
    total: position.total,
    locale,
    sections: definition.sections,
    data: pruneHiddenFields(definition, caseData),
    uploads: Object.fromEntries(Object.entries(uploads).map(([name, u]) => [name, { id: u.id, filename: u.filename, sizeBytes: u.sizeBytes } satisfies UploadedFile])),
    forWhom: forWhom === "self" || forWhom === "other" ? forWhom : null,
    onBehalfOf: kase.onBehalfOf ?? null,
    region: kase.regionCode ?? null,
    officeName: office?.name ?? null,
    fee: kase.procedure.feeXof > 0 ? formatFcfa(kase.procedure.feeXof, locale) : null,
    // A new key each time the page is shown: a double click or a resend of this form is one submission.
    idempotencyKey: randomUUID(),
  };
}

/** Submission errors as links to the step (and control) where each is fixed. */
function linkedErrors(t: TFunction, reference: string, definition: FormDefinition, locale: Locale, errors: { sectionId: string; field: string; code: string }[]): LinkedError[] {
  const seen = new Set<string>();
  const items: LinkedError[] = [];
  for (const error of errors) {
    const section = definition.sections.find((s) => s.id === error.sectionId);
    const field = section?.fields.find((f) => f.name === error.field);
    let item: LinkedError;
    if (section && field) {
      item = {
        href: `${stepPath(reference, section.id)}#${fieldControlId(field.name)}`,
        message: t("review.errorIn", { section: section.title[locale], message: fieldErrorMessage(t, field, error.code, locale) }),
      };
    } else {
      const step = error.sectionId === FOR_WHOM_STEP || error.sectionId === OFFICE_STEP ? error.sectionId : (section?.id ?? FOR_WHOM_STEP);
      const stepName = section ? section.title[locale] : t(`steps.${step}`);
      item = { href: stepPath(reference, step), message: t("review.missingStep", { step: stepName }) };
    }
    if (seen.has(item.message)) continue;
    seen.add(item.message);
    items.push(item);
  }
  return items;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const kase = await requireOwnCase(db, user.id, params.reference);
  // Sent already (a double click, a resend): the confirmation, without a second case.
  if (kase.status !== "draft") return redirect(confirmationPath(kase.reference), 303);
  const definition = kase.formVersion.definition as FormDefinition;
  const locale = toLocale(await i18next.getLocale(request));
  const form = await readForm(request);
  const key = String(form.get("idempotencyKey") ?? "").slice(0, 100) || null;
  const result = await submitCase(db, { userId: user.id, reference: kase.reference, idempotencyKey: key, baseUrl: appBaseUrl() });
  if (result.ok) return redirectAfterSubmission(result);
  const t = await i18next.getFixedT(request, "forms");
  return data({ errors: linkedErrors(t, kase.reference, definition, locale, result.errors) }, { status: 400 });
}

export default function Review() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("forms");
  const relationship = d.onBehalfOf ? t(`forWhom.relationships.${d.onBehalfOf.relationship}`, { defaultValue: d.onBehalfOf.relationship }) : "";

  return (
    <>
      <StepHeader backTo={d.backTo} procedure={d.procedure} number={d.number} total={d.total} title={t("review.title")} lead={t("review.lead")} />
      <LinkedErrorSummary title={t("review.errorsTitle")} errors={reply?.errors ?? []} />

      <section aria-labelledby="resume-pour-qui" className="answer-summary">
        <h2 id="resume-pour-qui">{t("review.forWhom")}</h2>
        <dl className="summary">
          <dt>{t("forWhom.summaryLabel")}</dt>
          <dd>
            {d.forWhom === "self"
              ? t("forWhom.summarySelf")
              : d.forWhom === "other" && d.onBehalfOf
                ? t("forWhom.summaryOther", { name: d.onBehalfOf.fullName, relationship: relationship.toLowerCase() })
                : t("notAnswered")}
          </dd>
        </dl>
        <p>
          <ChangeLink to={stepPath(d.reference, FOR_WHOM_STEP)} context={t("review.forWhom")} />
        </p>
      </section>

      {d.sections.map((section) => (
        <AnswerSummary key={section.id} section={section} locale={d.locale} data={d.data} uploads={d.uploads} changeTo={stepPath(d.reference, section.id)} />
      ))}

      <section aria-labelledby="resume-bureau" className="answer-summary">
        <h2 id="resume-bureau">{t("review.office")}</h2>
        <dl className="summary">
          <dt>{t("office.summaryRegion")}</dt>
          <dd>{d.region ? t(`regions.${d.region}`) : t("notAnswered")}</dd>
          <dt>{t("office.summaryOffice")}</dt>
          <dd>{d.officeName ?? t("office.noPreference")}</dd>
        </dl>
        <p>
          <ChangeLink to={stepPath(d.reference, OFFICE_STEP)} context={t("review.office")} />
        </p>
      </section>

      <h2>{t("review.declarationTitle")}</h2>
      <p>{d.fee ? t("review.fee", { fee: d.fee }) : t("review.feeNone")}</p>
      <p>{t("review.declaration")}</p>
      <Form method="post">
        <input type="hidden" name="idempotencyKey" value={d.idempotencyKey} />
        <Button type="submit">{t("review.submit")}</Button>
      </Form>
    </>
  );
}
