import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { MessageText } from "./MessageText";

export interface TimelineItem {
  id: number;
  at: string;
  key: string;
  params: Record<string, string>;
  duration?: { unit: "minutes" | "hours" | "days"; count: number };
}

/** The history of the case, oldest first, one plain sentence per step. */
export function CaseTimeline({ items }: { items: readonly TimelineItem[] }) {
  const { t, i18n } = useTranslation("myspace");
  const locale = toLocale(i18n.language);
  return (
    <ol className="list--plain list--spaced timeline">
      {items.map((item) => (
        <li key={item.id}>
          <span className="secondary-text">
            <time dateTime={item.at}>{formatDateTime(item.at, locale)}</time>
          </span>
          <br />
          {t(`timeline.${item.key}`, {
            ...item.params,
            duration: item.duration ? t(`duration.${item.duration.unit}`, { count: item.duration.count }) : "",
          })}
        </li>
      ))}
    </ol>
  );
}

export interface ThreadMessage {
  id: string;
  body: string;
  createdAt: string;
  fromOffice: boolean;
  officeName: string | null;
  attachments: { id: string; filename: string; sizeBytes: number }[];
}

export function fileSize(bytes: number, locale: "fr" | "en", t: (key: string, options: Record<string, unknown>) => string): string {
  if (bytes < 1024 * 1024) return t("file.kb", { size: formatNumber(Math.max(1, Math.round(bytes / 1024)), locale) });
  return t("file.mb", { size: formatNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10, locale) });
}

/** The messages between the citizen and the office, with their attachments. */
export function MessageThread({ messages }: { messages: readonly ThreadMessage[] }) {
  const { t, i18n } = useTranslation("myspace");
  const locale = toLocale(i18n.language);
  if (messages.length === 0) return <p>{t("case.noMessages")}</p>;
  return (
    <ol className="list--plain thread">
      {messages.map((message) => (
        <li key={message.id} className="card">
          <h3 className="card__title">
            {message.fromOffice ? t("case.fromOffice", { officeName: message.officeName ?? t("case.theOffice") }) : t("case.fromYou")}
          </h3>
          <p className="secondary-text">
            <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, locale)}</time>
          </p>
          <MessageText text={message.body} />
          {message.attachments.length > 0 ? (
            <ul className="list--plain">
              {message.attachments.map((file) => (
                <li key={file.id}>
                  <a href={`/pieces/${file.id}`} download>
                    {file.filename}
                  </a>{" "}
                  <span className="secondary-text">({fileSize(file.sizeBytes, locale, t)})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
