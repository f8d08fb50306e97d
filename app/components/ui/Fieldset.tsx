import { useId, type ReactNode } from "react";
import { cx } from "./cx";
import { ErrorMessage } from "./ErrorMessage";
import { describedBy, firstError, type FieldError } from "./fieldIds";

export interface FieldsetProps {
  legend: ReactNode;
  /** The legend is the page's question: shown as the h1. */
  legendIsPageHeading?: boolean;
  hint?: ReactNode;
  error?: FieldError;
  /** Base of the hint and error ids; generated when absent. */
  id?: string;
  className?: string;
  children: ReactNode;
}

/** Groups related controls (radios, checkboxes, a date in three boxes) under a legend. */
export function Fieldset({ legend, legendIsPageHeading, hint, error, id, className, children }: FieldsetProps) {
  const generatedId = useId();
  const base = `${id ?? generatedId}-group`;
  const message = firstError(error);
  const ids = describedBy(base, hint != null, message != null);
  return (
    <div className={cx("field", message && "field--error", className)}>
      <fieldset className="fieldset" aria-describedby={ids.describedBy}>
        <legend className={cx("legend", legendIsPageHeading && "legend--page-heading")}>
          {legendIsPageHeading ? <h1 className="legend__heading">{legend}</h1> : legend}
        </legend>
        {ids.hintId ? (
          <div id={ids.hintId} className="hint">
            {hint}
          </div>
        ) : null}
        {ids.errorId && message ? <ErrorMessage id={ids.errorId}>{message}</ErrorMessage> : null}
        {children}
      </fieldset>
    </div>
  );
}
