import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MessageText } from "~/components/myspace/MessageText";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import type { loader } from "~/routes/agent.dossiers.$reference";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { FileLinks } from "./FiledAnswers";
import { errorFor, typedValue, type ErrorView, type PageReply } from "./reply";

interface FormProps {
  reply: PageReply | undefined;
  errors: readonly ErrorView[];
}

/** The thread with the citizen, and the reply form (text + up to two files). */
export function StaffMessages({ reply, errors }: FormProps) {
  const c = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("backoffice");
  const locale = toLocale(i18n.language);
  return (
    <section aria-labelledby="messages">
      <h2 id="messages">{t("messages.title")}</h2>
      {c.messages.length === 0 ? (
        <p>{t("messages.none")}</p>
      ) : (
        <ol className="list--plain thread">
          {c.messages.map((m) => (
            <li key={m.id} className="card">
              <h3 className="card__title">
                {m.fromOffice ? t("messages.fromOffice", { officeName: m.officeName ?? "" }) : t("messages.fromApplicant", { name: c.applicant.fullName })}
              </h3>
              <p className="secondary-text">
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
              </p>
              <MessageText text={m.body} />
              {m.attachments.length > 0 ? (
                <ul className="list--plain">
                  {m.attachments.map((file) => (
                    <li key={file.id}>
                      <FileLinks file={file} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      <h3>{t("messages.writeTitle")}</h3>
      <Form method="post" encType="multipart/form-data" replace>
        <input type="hidden" name="intent" value="message" />
        <input type="hidden" name="expectedVersion" value={c.version} />
        <Field
          as="textarea"
          id="message-body"
          name="body"
          label={t("messages.bodyLabel")}
          hint={t("messages.bodyHint")}
          error={errorFor(errors, "message-body")}
          defaultValue={typedValue(reply, "message", "body")}
          rows={5}
          maxLength={5000}
        />
        {(["piece1", "piece2"] as const).map((name, index) => (
          <Field
            key={name}
            id={`message-${name}`}
            name={name}
            type="file"
            accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
            label={t("messages.fileLabel", { number: index + 1 })}
            hint={index === 0 ? t("messages.fileHint") : undefined}
            optional
            error={errorFor(errors, `message-${name}`)}
          />
        ))}
        <Button type="submit">{t("messages.submit")}</Button>
      </Form>
    </section>
  );
}

/** Private notes of the office: never shown to the citizen. */
export function NotesSection({ reply, errors }: FormProps) {
  const c = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("backoffice");
  const locale = toLocale(i18n.language);
  return (
    <section aria-labelledby="notes" className="staff-notes">
      <h2 id="notes">{t("notes.title")}</h2>
      <p>
        <strong>{t("notes.private")}</strong>
      </p>
      {c.notes.length === 0 ? (
        <p>{t("notes.none")}</p>
      ) : (
        <ol className="list--plain thread">
          {c.notes.map((n) => (
            <li key={n.id} className="card">
              <h3 className="card__title">{t("notes.by", { name: n.authorName })}</h3>
              <p className="secondary-text">
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time>
              </p>
              <MessageText text={n.body} />
            </li>
          ))}
        </ol>
      )}
      <Form method="post" replace>
        <input type="hidden" name="intent" value="note" />
        <input type="hidden" name="expectedVersion" value={c.version} />
        <Field
          as="textarea"
          id="note-body"
          name="body"
          label={t("notes.bodyLabel")}
          hint={t("notes.private")}
          error={errorFor(errors, "note-body")}
          defaultValue={typedValue(reply, "note", "body")}
          rows={4}
          maxLength={5000}
        />
        <Button type="submit" variant="secondary">
          {t("notes.submit")}
        </Button>
      </Form>
    </section>
  );
}
