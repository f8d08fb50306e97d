import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { MessageText } from "~/components/myspace/MessageText";
import type { loader } from "~/routes/agent.dossiers.$reference";
import { errorFor, typedValue, type ErrorView, type PageReply } from "./reply";

const INTENT = "revokeDocument";

interface Props {
  reply: PageReply | undefined;
  errors: readonly ErrorView[];
}

/**
 * A supervisor of the office may revoke the document issued for the case (a wrong or fraudulent
 * document): a reason, then a confirmation. Agents never see it.
 */
export function RevokeDocument({ reply, errors }: Props) {
  const c = useLoaderData<typeof loader>();
  const { t } = useTranslation("backoffice");
  if (c.role !== "supervisor" || c.documents.length === 0) return null;
  return (
    <section aria-labelledby="revoke-document" className="card">
      <h2 id="revoke-document" className="card__title">
        {t("revokeDocument.title")}
      </h2>
      <p>{t("revokeDocument.lead")}</p>
      {c.documents.map((d) => (
        <Form method="post" replace key={d.code}>
          <input type="hidden" name="intent" value={INTENT} />
          <input type="hidden" name="expectedVersion" value={c.version} />
          <input type="hidden" name="code" value={d.code} />
          <p>{t("revokeDocument.document", { code: d.code })}</p>
          <Field
            as="textarea"
            id={`${INTENT}-reason`}
            name="reason"
            label={t("revokeDocument.reason")}
            hint={t("revokeDocument.reasonHint")}
            rows={3}
            maxLength={2000}
            error={errorFor(errors, `${INTENT}-reason`)}
            defaultValue={typedValue(reply, INTENT, "reason")}
          />
          <Button type="submit" variant="warning">
            {t("revokeDocument.submit")}
          </Button>
        </Form>
      ))}
    </section>
  );
}

/** The second step: what will happen, with the reason typed. */
export function ConfirmRevocation({ reply }: { reply: PageReply }) {
  const { t } = useTranslation("backoffice");
  const code = typedValue(reply, INTENT, "code") ?? "";
  const reason = typedValue(reply, INTENT, "reason") ?? "";
  return (
    <section aria-labelledby="confirmation" className="card">
      <h2 id="confirmation" className="card__title">
        {t("revokeDocument.confirmTitle")}
      </h2>
      <p>{t("revokeDocument.confirmLead", { code })}</p>
      <dl className="summary">
        <dt>{t("revokeDocument.reason")}</dt>
        <dd>
          <MessageText text={reason} />
        </dd>
      </dl>
      <Form method="post" replace>
        <input type="hidden" name="intent" value={INTENT} />
        <input type="hidden" name="expectedVersion" value={typedValue(reply, INTENT, "expectedVersion") ?? ""} />
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="reason" value={reason} />
        <input type="hidden" name="confirmed" value="1" />
        <Button type="submit" variant="warning">
          {t("revokeDocument.confirm")}
        </Button>
      </Form>
      <p>
        <a href="#revoke-document">{t("revokeDocument.change")}</a>
      </p>
    </section>
  );
}
