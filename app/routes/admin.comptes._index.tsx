import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { PageHeading } from "~/components/ui/PageHeading";
import { Pagination } from "~/components/ui/Pagination";
import { Table } from "~/components/ui/Table";
import { STAFF_ROLES, type StaffRole } from "~/domain/constants";
import { STAFF_ACCOUNT_STATES, type StaffAccountState } from "~/domain/staff-admin";
import { listOffices, listStaffAccounts } from "~/services/admin/staff-accounts.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime, formatNumber } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { integerOrNull } from "~/domain/input";

export const handle = { i18n: ["admin", "admin-staff"] };

export const meta = titleFromLoader;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const params = new URL(request.url).searchParams;
  const db = await getDb();
  const officeId = integerOrNull(params.get("bureau"));
  const role = params.get("role") as StaffRole | null;
  const state = params.get("etat") as StaffAccountState | null;
  const page = integerOrNull(params.get("page")) ?? 1;
  const filters = {
    officeId: officeId ?? undefined,
    role: role && (STAFF_ROLES as readonly string[]).includes(role) ? role : undefined,
    state: state && (STAFF_ACCOUNT_STATES as readonly string[]).includes(state) ? state : undefined,
    q: (params.get("q") ?? "").slice(0, 100),
    page,
  };
  const [list, officeList] = await Promise.all([listStaffAccounts(db, filters), listOffices(db)]);
  const t = await i18next.getFixedT(request, "admin-staff");
  return { title: documentTitle(t("list.title")), filters, list, offices: officeList };
}

const STATE_BADGE: Record<StaffAccountState, string> = { active: "success", invited: "waiting", disabled: "neutral" };

type Account = ReturnType<typeof useLoaderData<typeof loader>>["list"]["accounts"][number];

export default function StaffAccounts() {
  const { filters, list, offices } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin-staff");
  const locale = toLocale(i18n.language);
  const columns = [
    { header: t("list.columns.name"), rowHeader: true, cell: (a: Account) => <Link to={`/admin/comptes/${a.id}`}>{a.fullName}</Link> },
    {
      header: t("list.columns.identifier"),
      cell: (a: Account) => (
        <>
          {a.email ? <div>{a.email}</div> : null}
          {a.phone ? <div>{a.phone}</div> : null}
        </>
      ),
    },
    {
      header: t("list.columns.roles"),
      cell: (a: Account) => (
        <ul className="list--plain">
          {a.roles.map((r) => (
            <li key={`${r.role}-${r.officeCode ?? ""}`}>{r.officeCode ? t("roleAt", { role: t(`roles.${r.role}`), office: r.officeCode }) : t(`roles.${r.role}`)}</li>
          ))}
        </ul>
      ),
    },
    { header: t("list.columns.state"), cell: (a: Account) => <span className={`badge badge--${STATE_BADGE[a.state]}`}>{t(`states.${a.state}`)}</span> },
    { header: t("list.columns.lastLogin"), cell: (a: Account) => (a.lastLoginAt ? formatDateTime(a.lastLoginAt, locale) : t("list.never")) },
  ];

  return (
    <>
      <PageHeading lead={t("list.lead")}>{t("list.title")}</PageHeading>
      <p>
        <Button to="/admin/comptes/inviter">{t("list.invite")}</Button>
      </p>
      <Form method="get" className="admin-filters" aria-label={t("list.filters")}>
        <div className="admin-grid">
          <Field as="select" label={t("list.office")} name="bureau" defaultValue={filters.officeId ?? ""}>
            <option value="">{t("list.all")}</option>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.code} — {o.name}
              </option>
            ))}
          </Field>
          <Field as="select" label={t("list.role")} name="role" defaultValue={filters.role ?? ""}>
            <option value="">{t("list.all")}</option>
            {STAFF_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </Field>
          <Field as="select" label={t("list.state")} name="etat" defaultValue={filters.state ?? ""}>
            <option value="">{t("list.all")}</option>
            {STAFF_ACCOUNT_STATES.map((s) => (
              <option key={s} value={s}>
                {t(`states.${s}`)}
              </option>
            ))}
          </Field>
          <Field label={t("list.search")} hint={t("list.searchHint")} name="q" type="search" defaultValue={filters.q} />
        </div>
        <Button type="submit" variant="secondary">
          {t("list.filter")}
        </Button>
      </Form>
      <p role="status">{t("list.count", { count: list.total, n: formatNumber(list.total, locale) })}</p>
      <Table<Account> caption={t("list.caption")} captionHidden columns={columns} rows={list.accounts} rowKey={(a) => a.id} empty={t("list.empty")} />
      <Pagination page={list.page} pageCount={list.pageCount} />
    </>
  );
}
