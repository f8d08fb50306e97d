import { useTranslation } from "react-i18next";
import { MessageText } from "~/components/myspace/MessageText";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import type { StaffTimelineSentence } from "./case-view";

export type StaffTimelineItem = StaffTimelineSentence & {
  id: number;
  at: string;
};

/** The history for the office, oldest first: who did what, with names and reasons. */
export function StaffTimeline({ items }: { items: readonly StaffTimelineItem[] }) {
  const { t, i18n } = useTranslation("backoffice");
  const locale = toLocale(i18n.language);
  return (
    <section aria-labelledby="historique">
      <h2 id="historique">{t("timeline.title")}</h2>
      <ol className="list--plain list--spaced timeline" data-testid="timeline">
        {items.map((item) => (
          <li key={item.id}>
            <span className="secondary-text">
              <time dateTime={item.at}>{formatDateTime(item.at, locale)}</time>
            </span>
            <br />
            {t(`timeline.${item.key}`, {
              ...item.params,
              duration: item.duration
                ? t(`duration.${item.duration.unit}`, {
                    count: item.duration.count,
                  })
                : "",
            })}
            {item.reason ? (
              <>
                <br />
                {t("timeline.reason", {
                  reason: [item.reason.code ? t(`reasons.${item.reason.code}`) : null, item.reason.text].filter(Boolean).join(" — "),
                })}
              </>
            ) : null}
            {item.detail ? (
              <div className="secondary-text">
                <MessageText text={item.detail} />
              </div>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
