import { useTranslation } from "react-i18next";
import type { CaseStatus, DisplayedLinkStatus } from "~/domain/constants";
import { Icon } from "./icons";
import { CASE_STATUS_LOOK, LINK_STATUS_LOOK } from "./status";

export type StatusBadgeProps = { kind: "case"; status: CaseStatus } | { kind: "link"; status: DisplayedLinkStatus };

/** A case or link status: icon (one shape per state) + text + colour. */
export function StatusBadge(props: StatusBadgeProps) {
  const { t } = useTranslation("common");
  const look = props.kind === "case" ? CASE_STATUS_LOOK[props.status] : LINK_STATUS_LOOK[props.status];
  return (
    <span className={`badge badge--${look.tone}`} data-status={props.status}>
      <Icon name={look.icon} />
      {t(`status.${props.kind}.${props.status}`)}
    </span>
  );
}
