import { Link, type LinkProps } from "@remix-run/react";
import type { ComponentPropsWithoutRef } from "react";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "warning";

type AsButton = { variant?: ButtonVariant; to?: undefined } & ComponentPropsWithoutRef<"button">;
type AsLink = { variant?: ButtonVariant; to: LinkProps["to"] } & Omit<LinkProps, "to">;
export type ButtonProps = AsButton | AsLink;

/** A button, or a link that looks like one (`to`) for a call to action that navigates. */
export function Button(props: ButtonProps) {
  if (props.to !== undefined) {
    const { variant = "primary", className, ...link } = props;
    return <Link {...link} className={cx("button", `button--${variant}`, className)} />;
  }
  const { variant = "primary", className, type = "submit", to: _to, ...button } = props;
  return <button {...button} type={type} className={cx("button", `button--${variant}`, className)} />;
}
