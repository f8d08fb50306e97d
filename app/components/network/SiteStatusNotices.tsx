import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Notice } from "~/components/ui/Notice";
import type { LinkStatus, MonitoringLossReason } from "~/domain/constants";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";

type DateLike = Date | string;

export interface SiteHoldNoticeProps {
  hold: { until: DateLike | null; setAt: DateLike | null; actorName: string | null };
}

/** The operator's hold in force: who set the status, when, until when — and the release button (a plain POST form). */
export function SiteHoldNotice({ hold }: SiteHoldNoticeProps) {
  const { t, i18n } = useTranslation("network");
  const locale = toLocale(i18n.language);
  const until = hold.until ? formatDateTime(hold.until, locale) : null;
  const who = hold.actorName ?? t("site.hold.someone");
  const line = hold.setAt
    ? until
      ? t("site.hold.setByUntil", { actor: who, date: formatDateTime(hold.setAt, locale), until })
      : t("site.hold.setByRelease", { actor: who, date: formatDateTime(hold.setAt, locale) })
    : until
      ? t("site.hold.setUntil", { until })
      : t("site.hold.setRelease");
  return (
    <Notice title={line}>
      <p>{t("site.hold.lead")}</p>
      <Form method="post" id="release-hold">
        <input type="hidden" name="intent" value="release" />
        <Button type="submit" variant="secondary">
          {t("site.hold.release")}
        </Button>
      </Form>
    </Notice>
  );
}

export interface MonitoringLostNoticeProps {
  since: DateLike;
  reason: MonitoringLossReason | null;
  knownStatus: LinkStatus;
  /** An operator holds the status: it is shown as set, the monitoring is still interrupted. */
  held: boolean;
}

/** The site's monitoring is interrupted: the site is shown `unknown` (unless held) and its last known status kept. */
export function MonitoringLostNotice({ since, reason, knownStatus, held }: MonitoringLostNoticeProps) {
  const { t, i18n } = useTranslation("network");
  const locale = toLocale(i18n.language);
  const values = {
    date: formatDateTime(since, locale),
    cause: t(`site.monitoring.cause.${reason ?? "unknown"}`),
    status: t(`status.link.${knownStatus}`, { ns: "common" }),
  };
  return <Notice tone="warning">{held ? t("site.monitoring.lostHeld", values) : t("site.monitoring.lost", values)}</Notice>;
}
