import { Choices, type ChoicesProps } from "./Choices";

export interface RadiosProps extends ChoicesProps {
  /** The value checked when the page loads (conform's `field.initialValue`). */
  defaultValue?: string | null;
}

/** One answer among a few, inside a fieldset with its legend. */
export function Radios({ defaultValue, ...props }: RadiosProps) {
  return <Choices {...props} type="radio" isChecked={(value) => value === defaultValue} />;
}
