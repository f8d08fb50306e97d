import { Choices, type ChoicesProps } from "./Choices";

export interface CheckboxesProps extends ChoicesProps {
  /** The values checked when the page loads (conform's `field.initialValue`). */
  defaultValue?: string | readonly string[] | null;
}

/** Any number of answers, each its own checkbox with the same name, inside a fieldset. */
export function Checkboxes({ defaultValue, ...props }: CheckboxesProps) {
  const checked = typeof defaultValue === "string" ? [defaultValue] : (defaultValue ?? []);
  return <Choices {...props} type="checkbox" isChecked={(value) => checked.includes(value)} />;
}
