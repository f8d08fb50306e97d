import { useId, type ComponentPropsWithoutRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { cx } from "./cx";
import { ErrorMessage } from "./ErrorMessage";
import { describedBy, firstError, type FieldError } from "./fieldIds";

interface FieldOwnProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Already translated. Conform's `field.errors` can be passed as is. */
  error?: FieldError;
  /** Adds "(facultatif)" after the label. */
  optional?: boolean;
  /** Expected length of the answer, in characters; the full width otherwise. */
  width?: 4 | 10 | 20 | 30;
}

type InputFieldProps = FieldOwnProps & { as?: "input" } & Omit<ComponentPropsWithoutRef<"input">, keyof FieldOwnProps>;
type TextareaFieldProps = FieldOwnProps & { as: "textarea" } & Omit<ComponentPropsWithoutRef<"textarea">, keyof FieldOwnProps>;
type SelectFieldProps = FieldOwnProps & { as: "select" } & Omit<ComponentPropsWithoutRef<"select">, keyof FieldOwnProps>;

/**
 * A labelled form control with its hint and inline error, joined by `aria-describedby`.
 * Everything that is not a Field prop goes to the control, so conform's helpers spread in:
 * `<Field label="…" error={fields.email.errors} {...getInputProps(fields.email, { type: "email" })} />`.
 * Field sets `aria-describedby` and `aria-invalid` itself.
 */
export function Field(props: InputFieldProps | TextareaFieldProps | SelectFieldProps) {
  const { label, hint, error, optional, width, ...control } = props;
  const { t } = useTranslation("common");
  const generatedId = useId();
  const id = control.id ?? generatedId;
  const message = firstError(error);
  const ids = describedBy(id, hint != null, message != null);
  const shared = {
    id,
    "aria-describedby": ids.describedBy,
    "aria-invalid": message ? true : undefined,
    className: cx(width ? `input--w${width}` : undefined, message && "input--error", control.className),
  };

  let input: ReactNode;
  if (control.as === "textarea") {
    const { as: _as, ...rest } = control;
    input = <textarea rows={5} {...rest} {...shared} className={cx("input textarea", shared.className)} />;
  } else if (control.as === "select") {
    const { as: _as, ...rest } = control;
    input = <select {...rest} {...shared} className={cx("input select", shared.className)} />;
  } else {
    const { as: _as, ...rest } = control;
    input = <input type="text" {...rest} {...shared} className={cx("input", shared.className)} />;
  }

  return (
    <div className={cx("field", message && "field--error")}>
      <label className="label" htmlFor={id}>
        {label}
        {optional ? ` ${t("field.optional")}` : null}
      </label>
      {ids.hintId ? (
        <div id={ids.hintId} className="hint">
          {hint}
        </div>
      ) : null}
      {ids.errorId && message ? <ErrorMessage id={ids.errorId}>{message}</ErrorMessage> : null}
      {input}
    </div>
  );
}
