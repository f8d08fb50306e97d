import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table } from "~/components/ui/Table";
import { describeUserAgent } from "~/domain/user-agent";
import { signOutOtherSessions } from "~/services/auth.server";
import { requestMetaFor, requireSession } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { listActiveSessions } from "~/utils/session.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["auth"] };

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const { session, user } = await requireSession(request);
  const t = await i18next.getFixedT(request, "auth");
  const rows = await listActiveSessions(await getDb(), user.id);
  const closed = new URL(request.url).searchParams.get("fermees");
  return {
    title: documentTitle(t("security.title")),
    closed: closed !== null && /^\d{1,4}$/.test(closed) ? Number(closed) : null,
    // Only what the page shows: never the session id.
    sessions: rows.map((row) => ({
      key: row.id.slice(0, 12),
      current: row.id === session.id,
      device: describeUserAgent(row.userAgent),
      createdAt: row.createdAt.toISOString(),
      lastSeenAt: row.lastSeenAt.toISOString(),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { session } = await requireSession(request);
  const closed = await signOutOtherSessions(await getDb(), session, requestMetaFor(request, context));
  return redirect(`/mon-espace/securite?fermees=${closed}`);
}

type SessionRow = ReturnType<typeof useLoaderData<typeof loader>>["sessions"][number];

export default function Security() {
  const { sessions, closed } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("auth");
  const locale = toLocale(i18n.language);
  const others = sessions.filter((s) => !s.current).length;
  const columns = [
    {
      header: t("security.device"),
      rowHeader: true,
      cell: (row: SessionRow) => (
        <>
          {row.device ? t("security.deviceDescription", row.device) : t("security.unknownDevice")}
          {row.current ? (
            <>
              {" "}
              <strong className="badge badge--success">{t("security.thisSession")}</strong>
            </>
          ) : null}
        </>
      ),
    },
    { header: t("security.createdAt"), cell: (row: SessionRow) => formatDateTime(row.createdAt, locale) },
    { header: t("security.lastSeenAt"), cell: (row: SessionRow) => formatDateTime(row.lastSeenAt, locale) },
  ];

  return (
    <>
      <PageHeading lead={t("security.lead")}>{t("security.title")}</PageHeading>
      {closed !== null ? (
        <Notice tone="success">
          <p>{closed > 0 ? t("security.othersClosed", { count: closed }) : t("security.noOthers")}</p>
        </Notice>
      ) : null}
      <Table caption={t("security.sessionsCaption")} columns={columns} rows={sessions} rowKey={(row) => row.key} />
      {others > 0 ? (
        <Form method="post">
          <p className="hint" id="sign-out-others-hint">
            {t("security.signOutOthersHint")}
          </p>
          <Button type="submit" variant="warning" aria-describedby="sign-out-others-hint">
            {t("security.signOutOthers")}
          </Button>
        </Form>
      ) : (
        <p>{t("security.noOthers")}</p>
      )}
      <h2>{t("security.passwordTitle")}</h2>
      <p>{t("security.passwordBody")}</p>
      <p>
        <Link to="/mot-de-passe-oublie">{t("security.passwordLink")}</Link>
      </p>
      <p>
        <Link to="/mon-espace">{t("security.backToMySpace")}</Link>
      </p>
    </>
  );
}
