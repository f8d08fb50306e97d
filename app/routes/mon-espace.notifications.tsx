import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { MessageText } from "~/components/myspace/MessageText";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { PageHeading } from "~/components/ui/PageHeading";
import { listInAppNotifications, markAllRead } from "~/services/notification-center.server";
import { requireUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["myspace"] };

export const meta = titleFromLoader;

/** Seeing the list reads it: the unread ones are marked once shown (a GET with a lasting effect, on purpose and idempotent). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const db = await getDb();
  const locale = toLocale(await i18next.getLocale(request));
  const t = await i18next.getFixedT(request, "myspace");
  const items = await listInAppNotifications(db, user.id, locale);
  if (items.some((item) => item.unread)) await markAllRead(db, user.id);
  return {
    title: documentTitle(t("notifications.title")),
    items: items.map((item) => ({ ...item, createdAt: item.createdAt.toISOString() })),
  };
}

export default function NotificationsPage() {
  const { items } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("myspace");
  const locale = toLocale(i18n.language);
  return (
    <>
      <Breadcrumbs items={[{ label: t("home.title"), to: "/mon-espace" }]} />
      <PageHeading lead={t("notifications.lead")}>{t("notifications.title")}</PageHeading>
      {items.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <ol className="list--plain cards">
          {items.map((item) => (
            <li key={item.id} className="card">
              <h2 className="card__title">
                {item.unread ? <strong className="badge badge--progress">{t("notifications.new")}</strong> : null} {item.title}
              </h2>
              <p className="secondary-text">
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, locale)}</time>
              </p>
              <MessageText text={item.body} />
              {item.href ? (
                <p>
                  <Link to={item.href}>{t("notifications.openCase", { reference: item.reference })}</Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
