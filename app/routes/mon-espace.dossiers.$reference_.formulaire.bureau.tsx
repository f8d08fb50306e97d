import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StepButtons, StepHeader } from "~/components/forms/StepLayout";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { Radios } from "~/components/ui/Radios";
import { StatusBadge } from "~/components/ui/StatusBadge";
import { REGION_CODES, type RegionCode } from "~/domain/constants";
import { OFFICE_STEP, stepPath, stepPosition } from "~/domain/forms/steps";
import { officesForProcedure } from "~/services/availability.server";
import { loadDraftForm, procedureTitle, redirectAfterStep, saveOfficeChoice } from "~/services/form-steps.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["forms"] };

export const meta = titleFromLoader;

const NO_PREFERENCE = "aucun";
const isRegion = (value: unknown): value is RegionCode => typeof value === "string" && (REGION_CODES as readonly string[]).includes(value);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, kase, definition, locale } = await loadDraftForm(request, params.reference);
  const t = await i18next.getFixedT(request, "forms");
  const position = stepPosition(definition, OFFICE_STEP)!;
  const region = kase.regionCode ?? null;
  const offices = region ? await officesForProcedure(db, kase.procedure.id, region) : [];
  const preferred = offices.some((o) => o.id === kase.preferredOfficeId) ? String(kase.preferredOfficeId) : NO_PREFERENCE;
  return {
    title: documentTitle(t("office.title")),
    procedure: procedureTitle(kase, locale),
    backTo: stepPath(kase.reference, position.previous!.id),
    number: position.number,
    total: position.total,
    region,
    offices,
    preferred,
  };
}

type Reply = { region: string; office: string; errors: { region?: string; office?: string } };

export async function action({ request, params }: ActionFunctionArgs) {
  const draft = await loadDraftForm(request, params.reference);
  const { db, kase } = draft;
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "continue");
  const region = String(form.get("region") ?? "");
  const office = String(form.get("office") ?? NO_PREFERENCE);
  if (!isRegion(region)) {
    if (intent === "later") return redirect(`/mon-espace?enregistre=${kase.reference}`, 303);
    return data<Reply>({ region, office, errors: { region: "office.errors.region" } }, { status: 400 });
  }
  const offices = await officesForProcedure(db, kase.procedure.id, region);
  const officeId = office === NO_PREFERENCE || office === "" ? null : Number(office);
  const officeOk = officeId === null || offices.some((o) => o.id === officeId);

  // "Afficher les bureaux de cette région" (no JavaScript): keep the region, show its offices.
  if (intent === "region") {
    await saveOfficeChoice(db, { caseId: kase.id, regionCode: region, preferredOfficeId: officeOk ? officeId : null, confirm: false });
    return redirect(stepPath(kase.reference, OFFICE_STEP), 303);
  }
  if (intent === "later") {
    await saveOfficeChoice(db, { caseId: kase.id, regionCode: region, preferredOfficeId: officeOk ? officeId : null, confirm: false });
    return redirect(`/mon-espace?enregistre=${kase.reference}`, 303);
  }
  if (!officeOk) {
    // The region changed under an office of another region: save the region, ask again.
    await saveOfficeChoice(db, { caseId: kase.id, regionCode: region, preferredOfficeId: null, confirm: false });
    return data<Reply>({ region, office: NO_PREFERENCE, errors: { office: "office.errors.office" } }, { status: 400 });
  }
  const saved = await saveOfficeChoice(db, { caseId: kase.id, regionCode: region, preferredOfficeId: officeId, confirm: true });
  return redirectAfterStep(draft, OFFICE_STEP, saved, { regionCode: region });
}

export default function OfficeStep() {
  const d = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("forms");
  const errors = reply?.errors ?? {};
  const region = reply?.region ?? d.region ?? "";
  const office = reply?.office ?? d.preferred;
  const summary = [
    errors.region ? { id: "champ-region", message: t(errors.region) } : null,
    errors.office ? { id: "champ-office", message: t(errors.office) } : null,
  ].filter((e): e is { id: string; message: string } => e !== null);

  return (
    <>
      <StepHeader backTo={d.backTo} procedure={d.procedure} number={d.number} total={d.total} title={t("office.title")} lead={t("office.lead")} />
      <ErrorSummary errors={summary} />
      <Form method="post" noValidate>
        <button type="submit" name="intent" value="continue" className="visually-hidden" tabIndex={-1} aria-hidden="true" />
        <Radios
          name="region"
          id="champ-region"
          legend={t("office.region")}
          hint={t("office.regionHint")}
          error={errors.region ? t(errors.region) : undefined}
          defaultValue={region}
          options={REGION_CODES.map((code) => ({ value: code, label: t(`regions.${code}`) }))}
        />
        <Button type="submit" name="intent" value="region" variant="secondary" formNoValidate>
          {t("office.showOffices")}
        </Button>
        {d.region ? (
          d.offices.length === 0 ? (
            <Notice tone="warning">{t("office.noOffice")}</Notice>
          ) : (
            <Radios
              name="office"
              id="champ-office"
              legend={t("office.preferred")}
              hint={t("office.preferredHint")}
              error={errors.office ? t(errors.office) : undefined}
              defaultValue={office}
              options={[
                { value: NO_PREFERENCE, label: t("office.noPreference"), hint: t("office.noPreferenceHint") },
                ...d.offices.map((o) => ({
                  value: String(o.id),
                  label: `${o.name} — ${o.town}`,
                  hint: (
                    <>
                      {t("office.linkStatus")} <StatusBadge kind="link" status={o.siteStatus} />
                      {!o.serves && o.nationalCompetence ? <> · {t("office.nationalCompetence")}</> : null}
                    </>
                  ),
                })),
              ]}
            />
          )
        ) : null}
        <StepButtons />
      </Form>
    </>
  );
}
