import { useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { answerText } from "~/components/forms/AnswerSummary";
import { formatFileSize } from "~/domain/files";
import type { FormDefinition } from "~/domain/forms/definition";
import { isFieldVisible } from "~/domain/forms/schema";
import type { loader } from "~/routes/agent.dossiers.$reference";
import { formatDate } from "~/utils/format";
import { toLocale } from "~/utils/i18n";

const VIEWABLE = ["application/pdf", "image/jpeg", "image/png"];

/** Download link, and "Voir" (inline) for images and PDF. */
export function FileLinks({ file }: { file: { id: string; filename: string; mimeType: string; sizeBytes: number } }) {
  const { t, i18n } = useTranslation("backoffice");
  const locale = toLocale(i18n.language);
  return (
    <>
      <a href={`/pieces/${file.id}`} download>
        {file.filename}
      </a>{" "}
      <span className="secondary-text">({formatFileSize(file.sizeBytes, locale)})</span>
      {VIEWABLE.includes(file.mimeType) ? (
        <>
          {" · "}
          <a href={`/pieces/${file.id}?inline=1`} target="_blank" rel="noreferrer">
            {t("files.view")}
            <span className="visually-hidden"> {t("files.viewContext", { filename: file.filename })}</span>
          </a>
        </>
      ) : null}
    </>
  );
}

/** Everything as filed, with the labels of the form version the case was filed on; then the documents. */
export function FiledAnswers() {
  const c = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("backoffice");
  const { t: tForms } = useTranslation("forms");
  const locale = toLocale(i18n.language);
  const definition = c.definition as FormDefinition;
  const data = c.data;
  const fileOf = (name: string) => c.formFiles.find((f) => f.fieldName === name);
  return (
    <>
      <section aria-labelledby="demande">
        <h2 id="demande">{t("filed.title")}</h2>
        <p className="secondary-text">{t("filed.version", { version: c.formVersion })}</p>
        {definition.sections.map((section) => (
          <section key={section.id} aria-labelledby={`section-${section.id}`} className="answer-summary">
            <h3 id={`section-${section.id}`}>{section.title[locale]}</h3>
            <dl className="summary">
              {section.fields
                .filter((field) => isFieldVisible(field, data))
                .map((field) => {
                  const file = field.type === "file" ? fileOf(field.name) : undefined;
                  return (
                    <Fragment key={field.name}>
                      <dt>{field.label[locale]}</dt>
                      <dd>
                        {field.type === "file" ? (
                          file ? (
                            <FileLinks file={file} />
                          ) : (
                            tForms("file.none")
                          )
                        ) : (
                          answerText(field, data[field.name], locale, (key) => tForms(key)) ?? tForms("notAnswered")
                        )}
                      </dd>
                    </Fragment>
                  );
                })}
            </dl>
          </section>
        ))}
      </section>
      <section aria-labelledby="documents">
        <h2 id="documents">{t("files.title")}</h2>
        {c.formFiles.length === 0 ? (
          <p>{t("files.none")}</p>
        ) : (
          <ul className="list--plain list--spaced">
            {c.formFiles.map((file) => (
              <li key={file.id}>
                <FileLinks file={file} />
              </li>
            ))}
          </ul>
        )}
        {c.documents.length > 0 ? (
          <>
            <h3>{t("files.issuedTitle")}</h3>
            <ul className="list--plain list--spaced">
              {c.documents.map((d) => (
                <li key={d.code}>
                  <FileLinks
                    file={{
                      id: d.attachmentId,
                      filename: d.filename,
                      mimeType: "application/pdf",
                      sizeBytes: d.sizeBytes,
                    }}
                  />
                  <br />
                  <span className="secondary-text">
                    {t("files.issued", {
                      date: formatDate(d.issuedAt, locale),
                      code: d.code,
                    })}{" "}
                    <a href={`/verifier/${d.code}`}>{t("files.verify")}</a>
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
    </>
  );
}
