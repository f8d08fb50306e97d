import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table, type TableColumn } from "~/components/ui/Table";
import { isDevOutboxEnabled, listRecentOutbox } from "~/services/outbox.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";

export const handle = { i18n: ["dev"] };

/**
 * Development sink: what the portal would have sent. Absent in production (404) unless
 * DEV_OUTBOX=1, which the end-to-end tests set to read reset links.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!isDevOutboxEnabled()) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  // An unencoded "+228…" in a query string arrives as " 228…".
  const recipient = (url.searchParams.get("destinataire") ?? "").replace(/^ (?=\d)/, "+").trim().slice(0, 200);
  const entries = await listRecentOutbox(await getDb(), { limit: 50, recipient: recipient || undefined });
  const t = await i18next.getFixedT(request, "dev");
  return {
    title: t("outbox.metaTitle"),
    recipient,
    entries: entries.map((e) => ({ ...e, createdAt: e.createdAt.toISOString(), sentAt: e.sentAt?.toISOString() ?? null })),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  ...(data ? [{ title: data.title }] : []),
  { name: "robots", content: "noindex, nofollow" },
];

type Entry = ReturnType<typeof useLoaderData<typeof loader>>["entries"][number];

const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** Text with its web addresses made into links (the reset link must be clickable). */
function Linkified({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0;
    parts.push(text.slice(last, index));
    parts.push(
      <a key={index} href={match[0]}>
        {match[0]}
      </a>,
    );
    last = index + match[0].length;
  }
  parts.push(text.slice(last));
  return <>{parts}</>;
}

/** Paragraphs and line breaks of a plain-text message, without relying on CSS. */
function MessageText({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n{2,}/).map((paragraph, p) => (
        <p key={p}>
          {paragraph.split("\n").map((line, l) => (
            <span key={l}>
              {l > 0 ? <br /> : null}
              <Linkified text={line} />
            </span>
          ))}
        </p>
      ))}
    </>
  );
}

export default function DevOutbox() {
  const { recipient, entries } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("dev");
  const locale = toLocale(i18n.language);

  const columns: TableColumn<Entry>[] = [
    { header: t("outbox.columns.id"), cell: (e) => e.id, rowHeader: true, numeric: true },
    { header: t("outbox.columns.recipient"), cell: (e) => e.recipient },
    { header: t("outbox.columns.channel"), cell: (e) => t(`outbox.channel.${e.channel}`) },
    { header: t("outbox.columns.template"), cell: (e) => <code>{e.template}</code> },
    {
      header: t("outbox.columns.status"),
      cell: (e) => (
        <>
          {t(`outbox.status.${e.status}`)}
          {e.attempts > 0 ? <div className="secondary-text">{t("outbox.attempts", { count: e.attempts })}</div> : null}
          {e.lastError ? <div className="secondary-text">{t("outbox.lastError", { error: e.lastError })}</div> : null}
        </>
      ),
    },
    {
      header: t("outbox.columns.message"),
      cell: (e) =>
        e.renderedBody ? (
          <>
            {e.renderedSubject ? (
              <p>
                <strong>
                  {t("outbox.subject")} {e.renderedSubject}
                </strong>
              </p>
            ) : null}
            <MessageText text={e.renderedBody} />
          </>
        ) : (
          <span className="secondary-text">{t("outbox.notRendered")}</span>
        ),
    },
    { header: t("outbox.columns.createdAt"), cell: (e) => formatDateTime(e.createdAt, locale) },
    { header: t("outbox.columns.sentAt"), cell: (e) => (e.sentAt ? formatDateTime(e.sentAt, locale) : t("outbox.notSent")) },
  ];

  return (
    <>
      <PageHeading lead={t("outbox.lead")}>{t("outbox.title")}</PageHeading>
      <Notice tone="warning" title={t("outbox.devOnlyTitle")}>
        <p>{t("outbox.devOnly")}</p>
      </Notice>

      <Form method="get" role="search" aria-label={t("outbox.filter.legend")}>
        <Field
          label={t("outbox.filter.recipient")}
          hint={t("outbox.filter.recipientHint")}
          name="destinataire"
          defaultValue={recipient}
          autoComplete="off"
          spellCheck={false}
          width={30}
        />
        <Button type="submit" variant="secondary">
          {t("outbox.filter.submit")}
        </Button>{" "}
        {recipient ? <Link to=".">{t("outbox.filter.reset")}</Link> : null}
      </Form>

      <Table
        caption={recipient ? t("outbox.captionFor", { recipient }) : t("outbox.caption")}
        columns={columns}
        rows={entries}
        rowKey={(e) => e.id}
        empty={t("outbox.empty")}
      />
    </>
  );
}
