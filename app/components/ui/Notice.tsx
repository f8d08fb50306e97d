import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { cx } from "./cx";
import { Icon, type IconName } from "./icons";

export type NoticeTone = "info" | "success" | "warning" | "error";

const ICONS: Record<NoticeTone, IconName> = { info: "infoCircle", success: "checkCircle", warning: "triangle", error: "crossCircle" };

export interface NoticeProps {
  tone?: NoticeTone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}

/**
 * A banner with an icon and text. The kind is also said in words to screen readers; success
 * and error notices are announced (status / alert), information and warnings are not.
 */
export function Notice({ tone = "info", title, children, className }: NoticeProps) {
  const { t } = useTranslation("common");
  const role = tone === "error" ? "alert" : tone === "success" ? "status" : undefined;
  return (
    <div className={cx("notice", `notice--${tone}`, className)} role={role}>
      <Icon name={ICONS[tone]} className="notice__icon" />
      <div className="notice__body">
        <span className="visually-hidden">{t(`notice.${tone}`)} </span>
        {title ? <p className="notice__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}
