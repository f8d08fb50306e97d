import { Form, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Checkboxes } from "~/components/ui/Checkboxes";
import { Field } from "~/components/ui/Field";
import { MessageText } from "~/components/myspace/MessageText";
import type { loader } from "~/routes/agent.dossiers.$reference";
import type { StaffAction } from "./case-view";
import { errorFor, typedValue, typedValues, type ErrorView, type PageReply } from "./reply";

interface Props {
  reply: PageReply | undefined;
  errors: readonly ErrorView[];
}

/** One action: a card with its heading, what it does, and a plain POST form. */
function ActionCard({ intent, children, version }: { intent: StaffAction; children: ReactNode; version: number }) {
  const { t } = useTranslation("backoffice");
  return (
    <section aria-labelledby={`action-${intent}`} className="card">
      <h3 id={`action-${intent}`} className="card__title">
        {t(`actions.${intent}.title`)}
      </h3>
      <Form method="post" replace>
        <input type="hidden" name="intent" value={intent} />
        <input type="hidden" name="expectedVersion" value={version} />
        {children}
      </Form>
    </section>
  );
}

/** The actions the lifecycle allows on this case for this role; nothing else is offered. */
export function ActionForms({ reply, errors }: Props) {
  const c = useLoaderData<typeof loader>();
  const { t } = useTranslation("backoffice");
  const { t: tCommon } = useTranslation("common");
  if (c.actions.length === 0) return null;
  const field = (intent: StaffAction, name: string) => ({
    id: `${intent}-${name}`,
    name,
    error: errorFor(errors, `${intent}-${name}`),
    defaultValue: typedValue(reply, intent, name),
  });
  const reasonForm = (intent: "reject" | "close") => (
    <>
      <p>{t(`actions.${intent}.lead`)}</p>
      <Field as="select" label={t("actions.reasonCode")} {...field(intent, "reasonCode")} defaultValue={typedValue(reply, intent, "reasonCode") ?? ""}>
        <option value="">{t("actions.chooseReason")}</option>
        {c.reasons[intent].map((code) => (
          <option key={code} value={code}>
            {t(`reasons.${code}`)}
          </option>
        ))}
      </Field>
      <Field as="textarea" label={t("actions.reasonText")} hint={t("actions.reasonTextHint")} rows={4} maxLength={5000} {...field(intent, "reasonText")} />
      <Button type="submit" variant="warning">
        {t(`actions.${intent}.submit`)}
      </Button>
    </>
  );
  const sameAgency = c.targets.filter((o) => o.sameAgency);
  const otherAgencies = c.targets.filter((o) => !o.sameAgency);
  const targetOption = (o: (typeof c.targets)[number]) => (
    <option key={o.id} value={String(o.id)}>
      {t("actions.transfer.option", {
        name: o.name,
        agency: o.agencyName,
        status: tCommon(`status.link.${o.linkStatus}`),
      })}
    </option>
  );

  return (
    <section aria-labelledby="actions">
      <h2 id="actions">{t("actions.title")}</h2>
      <div className="list--spaced">
        {c.actions.map((intent) => {
          switch (intent) {
            case "take":
              return (
                <ActionCard key={intent} intent={intent} version={c.version}>
                  <p>{t("actions.take.lead")}</p>
                  <Button type="submit">{t("actions.take.submit")}</Button>
                </ActionCard>
              );
            case "assign":
              return (
                <ActionCard key={intent} intent={intent} version={c.version}>
                  <Field
                    as="select"
                    label={t("actions.assign.label")}
                    {...field(intent, "assigneeId")}
                    defaultValue={typedValue(reply, intent, "assigneeId") ?? ""}
                  >
                    <option value="">{t("actions.assign.choose")}</option>
                    {c.colleagues.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.fullName}
                      </option>
                    ))}
                  </Field>
                  <Button type="submit" variant="secondary">
                    {t("actions.assign.submit")}
                  </Button>
                </ActionCard>
              );
            case "requestPieces":
              return (
                <ActionCard key={intent} intent={intent} version={c.version}>
                  <p>{t("actions.requestPieces.lead")}</p>
                  <Field
                    as="textarea"
                    label={t("actions.requestPieces.message")}
                    hint={t("actions.requestPieces.messageHint")}
                    rows={5}
                    maxLength={5000}
                    {...field(intent, "message")}
                  />
                  {c.requiredDocuments.length > 0 ? (
                    <Checkboxes
                      name="checklist"
                      id="requestPieces-checklist"
                      legend={t("actions.requestPieces.checklist")}
                      hint={t("actions.requestPieces.checklistHint")}
                      options={c.requiredDocuments.map((label) => ({
                        value: label,
                        label,
                      }))}
                      defaultValue={typedValues(reply, intent, "checklist")}
                    />
                  ) : null}
                  <Field
                    as="textarea"
                    label={t("actions.requestPieces.other")}
                    hint={t("actions.requestPieces.otherHint")}
                    optional
                    rows={3}
                    {...field(intent, "checklistOther")}
                  />
                  <Button type="submit">{t("actions.requestPieces.submit")}</Button>
                </ActionCard>
              );
            case "accept":
              return (
                <ActionCard key={intent} intent={intent} version={c.version}>
                  <p>{t(`actions.accept.lead_${c.delivery}`)}</p>
                  <Button type="submit">{t("actions.accept.submit")}</Button>
                </ActionCard>
              );
            case "markReady":
              return (
                <ActionCard key={intent} intent={intent} version={c.version}>
                  <p>{t("actions.markReady.lead")}</p>
                  <Field
                    as="textarea"
                    label={t("actions.markReady.instructions")}
                    hint={t("actions.markReady.instructionsHint")}
                    rows={4}
                    maxLength={5000}
                    {...field(intent, "instructions")}
                  />
                  <Button type="submit">{t("actions.markReady.submit")}</Button>
                </ActionCard>
              );
            case "deliver":
              return (
                <ActionCard key={intent} intent={intent} version={c.version}>
                  <p>{t("actions.deliver.lead")}</p>
                  <Field
                    as="textarea"
                    label={t("actions.deliver.identityCheck")}
                    hint={t("actions.deliver.identityCheckHint")}
                    rows={3}
                    maxLength={5000}
                    {...field(intent, "identityCheck")}
                  />
                  <Button type="submit">{t("actions.deliver.submit")}</Button>
                </ActionCard>
              );
            case "reject":
            case "close":
              return (
                <ActionCard key={intent} intent={intent} version={c.version}>
                  {reasonForm(intent)}
                </ActionCard>
              );
            case "transfer":
              return (
                <ActionCard key={intent} intent={intent} version={c.version}>
                  <p>{t("actions.transfer.lead")}</p>
                  <Field
                    as="select"
                    label={t("actions.transfer.office")}
                    {...field(intent, "toOfficeId")}
                    defaultValue={typedValue(reply, intent, "toOfficeId") ?? ""}
                  >
                    <option value="">{t("actions.transfer.choose")}</option>
                    {sameAgency.length > 0 ? <optgroup label={t("actions.transfer.sameAgency")}>{sameAgency.map(targetOption)}</optgroup> : null}
                    {otherAgencies.length > 0 ? <optgroup label={t("actions.transfer.otherAgencies")}>{otherAgencies.map(targetOption)}</optgroup> : null}
                  </Field>
                  <Field
                    as="textarea"
                    label={t("actions.transfer.reason")}
                    hint={t("actions.transfer.reasonHint")}
                    rows={3}
                    maxLength={5000}
                    {...field(intent, "reason")}
                  />
                  <Button type="submit" variant="secondary">
                    {t("actions.transfer.submit")}
                  </Button>
                </ActionCard>
              );
            case "reopen":
              return (
                <ActionCard key={intent} intent={intent} version={c.version}>
                  <p>{t("actions.reopen.lead")}</p>
                  <Field as="textarea" label={t("actions.reopen.reason")} rows={3} maxLength={5000} {...field(intent, "reason")} />
                  <Button type="submit">{t("actions.reopen.submit")}</Button>
                </ActionCard>
              );
            default:
              return null;
          }
        })}
      </div>
    </section>
  );
}

/** Second step of a refusal or a closing: what the citizen will read, and the final button. */
export function ConfirmDecision({ reply }: { reply: PageReply }) {
  const c = useLoaderData<typeof loader>();
  const { t } = useTranslation("backoffice");
  const intent = reply.intent as "reject" | "close";
  const reasonCode = typedValue(reply, intent, "reasonCode") ?? "";
  const reasonText = typedValue(reply, intent, "reasonText") ?? "";
  return (
    <section aria-labelledby="confirmation" className="card">
      <h2 id="confirmation" className="card__title">
        {t(`confirm.${intent}.title`)}
      </h2>
      <p>{t(`confirm.${intent}.lead`)}</p>
      <dl className="summary">
        <dt>{t("actions.reasonCode")}</dt>
        <dd>{t(`reasons.${reasonCode}`)}</dd>
        <dt>{t("actions.reasonText")}</dt>
        <dd>
          <MessageText text={reasonText} />
        </dd>
      </dl>
      <Form method="post" replace>
        <input type="hidden" name="intent" value={intent} />
        {/* The version the agent decided on: if the case changed since, the confirmation is refused. */}
        <input type="hidden" name="expectedVersion" value={typedValue(reply, intent, "expectedVersion") ?? c.version} />
        <input type="hidden" name="reasonCode" value={reasonCode} />
        <input type="hidden" name="reasonText" value={reasonText} />
        <input type="hidden" name="confirmed" value="1" />
        <Button type="submit" variant="warning">
          {t(`confirm.${intent}.submit`)}
        </Button>
      </Form>
      <p>
        <a href={`#action-${intent}`}>{t("confirm.change")}</a>
      </p>
    </section>
  );
}
