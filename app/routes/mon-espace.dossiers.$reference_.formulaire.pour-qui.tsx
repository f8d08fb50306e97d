import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StepButtons, StepHeader } from "~/components/forms/StepLayout";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Radios } from "~/components/ui/Radios";
import { RESERVED_KEYS } from "~/domain/forms/schema";
import { FOR_WHOM_STEP, stepPosition } from "~/domain/forms/steps";
import { loadDraftForm, procedureTitle, redirectAfterStep, saveForWhom } from "~/services/form-steps.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["forms"] };

export const meta = titleFromLoader;

const RELATIONSHIPS = ["enfant", "parent", "conjoint", "autre"] as const;
const FULL_NAME_MAX = 160;

type Values = { forWhom: string; fullName: string; relationship: string };
type Errors = Partial<Record<keyof Values, string>>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { kase, definition, data: caseData, locale } = await loadDraftForm(request, params.reference);
  const t = await i18next.getFixedT(request, "forms");
  const position = stepPosition(definition, FOR_WHOM_STEP)!;
  const stored = caseData[RESERVED_KEYS.forWhom];
  const values: Values = {
    forWhom: stored === "self" || stored === "other" ? stored : "",
    fullName: kase.onBehalfOf?.fullName ?? "",
    relationship: kase.onBehalfOf?.relationship ?? "",
  };
  return {
    title: documentTitle(t("forWhom.title")),
    reference: kase.reference,
    procedure: procedureTitle(kase, locale),
    backTo: `/demarches/${kase.procedure.slug}`,
    number: position.number,
    total: position.total,
    values,
  };
}

function validate(values: Values): Errors {
  const errors: Errors = {};
  if (values.forWhom !== "self" && values.forWhom !== "other") errors.forWhom = "forWhom.errors.required";
  if (values.forWhom === "other") {
    if (values.fullName === "") errors.fullName = "forWhom.errors.fullName";
    else if ([...values.fullName].length > FULL_NAME_MAX) errors.fullName = "forWhom.errors.fullNameTooLong";
    if (!(RELATIONSHIPS as readonly string[]).includes(values.relationship)) errors.relationship = "forWhom.errors.relationship";
  }
  return errors;
}

export async function action({ request, params }: ActionFunctionArgs) {
  const draft = await loadDraftForm(request, params.reference);
  const { db, kase } = draft;
  const form = await readForm(request);
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const values: Values = { forWhom: text("forWhom"), fullName: text("fullName").replace(/\s+/g, " "), relationship: text("relationship") };
  const errors = validate(values);
  const valid = Object.keys(errors).length === 0;
  const onBehalfOf = values.forWhom === "other" ? { fullName: values.fullName, relationship: values.relationship } : null;

  if (form.get("intent") === "later") {
    if (valid) await saveForWhom(db, { caseId: kase.id, forWhom: values.forWhom as "self" | "other", onBehalfOf, confirm: false });
    return redirect(`/mon-espace?enregistre=${kase.reference}`, 303);
  }
  if (!valid) return data({ values, errors }, { status: 400 });
  const saved = await saveForWhom(db, { caseId: kase.id, forWhom: values.forWhom as "self" | "other", onBehalfOf, confirm: true });
  return redirectAfterStep(draft, FOR_WHOM_STEP, saved, { onBehalfOf });
}

export default function ForWhom() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("forms");
  const values = actionData?.values ?? d.values;
  const errors: Errors = actionData?.errors ?? {};
  const message = (key: keyof Values) => (errors[key] ? t(errors[key]) : undefined);
  const onlyIf = t("onlyIf", { answers: t("forWhom.other"), question: t("forWhom.title") });
  const summary = (["forWhom", "fullName", "relationship"] as const)
    .filter((key) => errors[key])
    .map((key) => ({ id: `champ-${key}`, message: t(errors[key]!) }));

  return (
    <>
      <StepHeader backTo={d.backTo} procedure={d.procedure} number={d.number} total={d.total} title={null} />
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <Radios
          name="forWhom"
          id="champ-forWhom"
          legend={t("forWhom.title")}
          legendIsPageHeading
          error={message("forWhom")}
          defaultValue={values.forWhom}
          options={[
            { value: "self", label: t("forWhom.self") },
            { value: "other", label: t("forWhom.other"), hint: t("forWhom.otherHint") },
          ]}
        />
        <Field
          label={t("forWhom.fullName")}
          hint={onlyIf}
          error={message("fullName")}
          id="champ-fullName"
          name="fullName"
          autoComplete="off"
          defaultValue={values.fullName}
        />
        <Radios
          name="relationship"
          id="champ-relationship"
          legend={t("forWhom.relationship")}
          hint={onlyIf}
          error={message("relationship")}
          defaultValue={values.relationship}
          options={RELATIONSHIPS.map((value) => ({ value, label: t(`forWhom.relationships.${value}`) }))}
        />
        <StepButtons />
      </Form>
    </>
  );
}
