import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";

export type BulkFailure = { reference: string; error: string };
export type BulkResult = { ok: true; done: string[]; failed: BulkFailure[] } | { ok: false; error: "noneSelected" | "invalidAssignee" };

/** Under the table, inside the same form: to whom (me, or a colleague for a supervisor), and the button. */
export function InboxBulkBar({ colleagues, supervisor }: { colleagues: readonly { id: string; fullName: string }[]; supervisor: boolean }) {
  const { t } = useTranslation("inbox");
  return (
    <fieldset className="inbox-bulk__bar">
      <legend className="inbox-bulk__legend">{t("bulk.title")}</legend>
      <p id="inbox-bulk-hint" className="hint">
        {t("bulk.hint")}
      </p>
      <div className="inbox-bulk__row">
        <Field as="select" label={t("bulk.assignee")} name="attribuer" id="inbox-assignee" defaultValue="me">
          <option value="me">{t("bulk.me")}</option>
          {supervisor
            ? colleagues.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.fullName}
                </option>
              ))
            : null}
        </Field>
        <Button>{t("bulk.submit")}</Button>
      </div>
    </fieldset>
  );
}

/** What the bulk assignment did: the cases done, and each failure with its reason. */
export function InboxResultNotice({ result }: { result: BulkResult | null }) {
  const { t } = useTranslation("inbox");
  if (!result) return null;
  if (!result.ok) return <Notice tone="error">{t(`bulk.${result.error}`)}</Notice>;
  return (
    <>
      {result.done.length > 0 ? (
        <Notice tone="success">{t("bulk.done", { count: result.done.length, references: result.done.join(", ") })}</Notice>
      ) : null}
      {result.failed.length > 0 ? (
        <Notice tone="warning" title={t("bulk.failedTitle")}>
          <ul className="list list--bullet">
            {result.failed.map((f) => (
              <li key={f.reference}>{t("bulk.failed", { reference: f.reference, reason: t(`bulk.errors.${f.error}`) })}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
    </>
  );
}
