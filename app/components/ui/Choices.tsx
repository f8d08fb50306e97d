import type { ReactNode } from "react";
import { cx } from "./cx";
import { Fieldset, type FieldsetProps } from "./Fieldset";

export interface ChoiceOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

export interface ChoicesProps extends Omit<FieldsetProps, "children" | "id"> {
  name: string;
  options: readonly ChoiceOption[];
  /**
   * Id of the first control, the target of the error summary's link (GOV.UK links to the first
   * option). The others get `<id>-<n>`. Defaults to the name.
   */
  id?: string;
  required?: boolean;
  /** Options side by side (two short answers such as Oui / Non). */
  inline?: boolean;
  /** The id of the form when the controls sit outside it (conform's `field.formId`). */
  form?: string;
}

/** Shared markup of Radios and Checkboxes. */
export function Choices({
  type,
  name,
  options,
  id,
  required,
  inline,
  form,
  isChecked,
  ...fieldset
}: ChoicesProps & { type: "radio" | "checkbox"; isChecked: (value: string) => boolean }) {
  const base = id ?? name;
  const invalid = fieldset.error != null && fieldset.error.length > 0;
  return (
    <Fieldset {...fieldset} id={base}>
      <div className={cx("choices", `choices--${type}`, inline && "choices--inline")}>
        {options.map((option, index) => {
          const optionId = index === 0 ? base : `${base}-${index + 1}`;
          const hintId = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div className="choice" key={option.value}>
              <input
                className="choice__input"
                type={type}
                id={optionId}
                name={name}
                value={option.value}
                form={form}
                defaultChecked={isChecked(option.value)}
                disabled={option.disabled}
                required={type === "radio" ? required : undefined}
                aria-describedby={hintId}
                aria-invalid={invalid || undefined}
              />
              <label className="choice__label" htmlFor={optionId}>
                {option.label}
              </label>
              {hintId ? (
                <div id={hintId} className="hint choice__hint">
                  {option.hint}
                </div>
              ) : null}
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}
