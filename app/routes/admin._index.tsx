import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/ui/PageHeading";
import { adminDashboard } from "~/services/admin/dashboard.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["admin"] };

export const meta = titleFromLoader;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const t = await i18next.getFixedT(request, "admin");
  return { title: documentTitle(t("dashboard.title")), figures: await adminDashboard(await getDb()) };
}

export default function AdminDashboard() {
  const { figures: f } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const n = (value: number) => formatNumber(value, toLocale(i18n.language));
  const cards = [
    { to: "/admin/administrations", label: t("dashboard.agencies", { count: f.agencies }), value: f.agencies, detail: null },
    { to: "/admin/bureaux", label: t("dashboard.offices", { count: f.offices }), value: f.offices, detail: t("dashboard.officesOnline", { count: f.officesOnline, n: n(f.officesOnline) }) },
    { to: "/admin/sites", label: t("dashboard.sites", { count: f.sites }), value: f.sites, detail: t("dashboard.sitesConnected", { count: f.sitesConnected, n: n(f.sitesConnected) }) },
    {
      to: "/admin/demarches",
      label: t("dashboard.procedures", { count: f.proceduresPublished }),
      value: f.proceduresPublished,
      detail: t("dashboard.proceduresOther", { draft: n(f.proceduresDraft), closed: n(f.proceduresClosed), pending: n(f.proceduresWithPendingEdits) }),
    },
    {
      to: "/admin/comptes",
      label: t("dashboard.staff", { count: f.staffActive }),
      value: f.staffActive,
      detail: t("dashboard.staffOther", { invited: n(f.staffInvited), disabled: n(f.staffDisabled) }),
    },
    { to: "/admin/jetons", label: t("dashboard.tokens", { count: f.tokensActive }), value: f.tokensActive, detail: null },
    { to: "/admin/journal", label: t("dashboard.audit", { count: f.auditLastDay }), value: f.auditLastDay, detail: null },
  ];
  return (
    <>
      <PageHeading lead={t("dashboard.lead")}>{t("dashboard.title")}</PageHeading>
      <ul className="admin-figures">
        {cards.map((card) => (
          <li key={card.to} className="admin-figures__item">
            <Link to={card.to}>
              <span className="admin-figures__value">{n(card.value)}</span> {card.label}
            </Link>
            {card.detail ? <p className="secondary-text">{card.detail}</p> : null}
          </li>
        ))}
      </ul>
      <p>{t("dashboard.noCaseContent")}</p>
    </>
  );
}
