import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";

/** Back link to the previous step, then the caption (procedure, "Étape 2 sur 8") above the page's h1. */
export function StepHeader({
  backTo,
  procedure,
  number,
  total,
  title,
  lead,
  headingId,
}: {
  backTo: string;
  procedure: string;
  number: number;
  total: number;
  /** Null when the page's h1 is a fieldset legend further down. */
  title: ReactNode | null;
  lead?: ReactNode;
  headingId?: string;
}) {
  const { t } = useTranslation("forms");
  return (
    <>
      <p className="no-print">
        <Link to={backTo} className="back-link">
          {t("back")}
        </Link>
      </p>
      <p className="page-heading__caption">
        {procedure}
        <br />
        {t("progress", { number, total })}
      </p>
      {title ? (
        <div className="page-heading">
          <h1 className="page-heading__title" id={headingId}>
            {title}
          </h1>
          {lead ? <p className="lead">{lead}</p> : null}
        </div>
      ) : null}
    </>
  );
}

/**
 * First in the form, unseen: the button Enter submits with (else a file's "Supprimer" button,
 * earlier in the page, would be the form's default button).
 */
export function DefaultSubmit() {
  return <button type="submit" name="intent" value="continue" className="visually-hidden" tabIndex={-1} aria-hidden="true" />;
}

/** "Continuer" and "Enregistrer et reprendre plus tard" (both submit the page's form, by intent). */
export function StepButtons() {
  const { t } = useTranslation("forms");
  return (
    <div className="button-group">
      <Button type="submit" name="intent" value="continue">
        {t("continue")}
      </Button>{" "}
      <Button type="submit" name="intent" value="later" variant="secondary" formNoValidate>
        {t("saveLater")}
      </Button>
    </div>
  );
}

export interface LinkedError {
  /** Where to fix it: "#id" on this page or another step's URL with its anchor. */
  href: string;
  message: string;
}

/**
 * The error summary when an error is fixed on another page (check-your-answers): the same markup
 * as ErrorSummary, each item a link to the page and the control.
 */
export function LinkedErrorSummary({ title, errors }: { title?: string; errors: readonly LinkedError[] }) {
  const { t } = useTranslation("common");
  if (errors.length === 0) return null;
  return (
    // eslint-disable-next-line jsx-a11y/no-autofocus
    <div className="error-summary" role="alert" aria-labelledby="resume-erreurs" tabIndex={-1} autoFocus>
      <h2 className="error-summary__title" id="resume-erreurs">
        {title ?? t("errorSummary.title")}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={`${error.href}:${error.message}`}>
            <Link to={error.href}>{error.message}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
