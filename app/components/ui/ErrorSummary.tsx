import { useEffect, useId, useRef, type MouseEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";

export interface ErrorSummaryItem {
  /** Id of the control to go to; an error about the whole form has none. */
  id?: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: readonly ErrorSummaryItem[];
  /** "Il y a un problème" unless given. */
  title?: ReactNode;
  children?: ReactNode;
}

/** With JavaScript, go to the control itself and keep its label in view (a plain #link only scrolls). */
function focusControl(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const control = document.getElementById(id);
  if (!control) return;
  event.preventDefault();
  const label = document.querySelector(`label[for="${CSS.escape(id)}"]`) ?? control.closest("fieldset")?.querySelector("legend");
  (label ?? control).scrollIntoView();
  control.focus({ preventScroll: true });
}

/**
 * The list of what went wrong, at the top of a form. It takes the focus when it appears so the
 * problem is read out first; each item links to its control.
 */
export function ErrorSummary({ errors, title, children }: ErrorSummaryProps) {
  const { t } = useTranslation("common");
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const signature = errors.map((error) => `${error.id ?? ""}:${error.message}`).join("|");

  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);

  if (errors.length === 0) return null;
  return (
    // autoFocus moves the focus here on page load without JavaScript too (GOV.UK pattern).
    // eslint-disable-next-line jsx-a11y/no-autofocus
    <div className="error-summary" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref} autoFocus>
      <h2 className="error-summary__title" id={titleId}>
        {title ?? t("errorSummary.title")}
      </h2>
      {children}
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={`${error.id ?? ""}:${error.message}`}>
            {error.id ? (
              <a href={`#${error.id}`} onClick={(event) => focusControl(event, error.id as string)}>
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
