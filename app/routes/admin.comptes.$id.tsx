import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { StaffRolesSection, StaffSessionsSection } from "~/components/admin/StaffAccountSections";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { describeUserAgent } from "~/domain/user-agent";
import { withGlobalRoles, withOfficeRole, withoutOffice, type RoleAssignment } from "~/domain/staff-admin";
import {
  listOffices,
  loadStaffAccount,
  resendInvitation,
  revokeStaffSessions,
  sessionKey,
  setStaffDisabled,
  setStaffRoles,
} from "~/services/admin/staff-accounts.server";
import { appBaseUrl, requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";
import { integerOrNull } from "~/domain/input";

export const handle = { i18n: ["admin", "admin-staff"] };

export const meta = titleFromLoader;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin", context);
  const db = await getDb();
  const account = await loadStaffAccount(db, params.id ?? "");
  // Citizens are not browsed from here: the same answer as for an unknown id.
  if (!account) throw new Response("Not Found", { status: 404 });
  const t = await i18next.getFixedT(request, "admin-staff");
  const { user } = account;
  return {
    title: documentTitle(t("account.title", { name: user.fullName })),
    self: admin.id === user.id,
    account: {
      id: user.id,
      fullName: user.fullName,
      email: user.email,
      phone: user.phone,
      state: account.state,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
      disabledAt: user.disabledAt?.toISOString() ?? null,
    },
    roles: account.roles.map(({ role, officeId, officeCode, officeName }) => ({ role, officeId, officeCode, officeName })),
    sessions: account.sessions.map((s) => ({
      key: sessionKey(s.id),
      device: describeUserAgent(s.userAgent),
      ip: s.ip,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
    })),
    offices: await listOffices(db),
  };
}

const OFFICE_ROLE = /^(agent|supervisor)$/;

export async function action({ request, params, context }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin", context);
  const db = await getDb();
  const userId = params.id ?? "";
  const account = await loadStaffAccount(db, userId);
  if (!account) throw new Response("Not Found", { status: 404 });
  const actor = { id: admin.id, ...requestMetaFor(request, context) };
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const officeId = integerOrNull(String(form.get("officeId") ?? "")) ?? 0;
  const role = String(form.get("role") ?? "");
  const current: RoleAssignment[] = account.roles.map(({ role: r, officeId: o }) => ({ role: r, officeId: o }));
  const done = (what: string) => redirect(`/admin/comptes/${userId}?fait=${what}`);
  const refuse = (error: string) => data({ error }, { status: 400 });

  let result: { ok: true } | { ok: false; error: string };
  switch (intent) {
    case "add":
    case "change":
      if (!Number.isInteger(officeId) || officeId <= 0) return refuse("errors.officeRequired");
      if (!OFFICE_ROLE.test(role)) return refuse("errors.roleRequired");
      result = await setStaffRoles(db, actor, userId, withOfficeRole(current, officeId, role as "agent" | "supervisor"));
      return result.ok ? done("roles") : refuse(result.error);
    case "remove":
      result = await setStaffRoles(db, actor, userId, withoutOffice(current, officeId));
      return result.ok ? done("roles") : refuse(result.error);
    case "global":
      result = await setStaffRoles(db, actor, userId, withGlobalRoles(current, { operator: form.getAll("global").includes("operator"), admin: form.getAll("global").includes("admin") }));
      return result.ok ? done("roles") : refuse(result.error);
    case "disable":
    case "enable":
      result = await setStaffDisabled(db, actor, userId, intent === "disable");
      return result.ok ? done(intent === "disable" ? "desactive" : "reactive") : refuse(result.error);
    case "revoke": {
      const key = form.get("session");
      await revokeStaffSessions(db, actor, userId, typeof key === "string" ? key : undefined);
      return done("sessions");
    }
    case "revokeAll":
      await revokeStaffSessions(db, actor, userId);
      return done("sessions");
    case "resend":
      result = await resendInvitation(db, actor, userId, appBaseUrl());
      return result.ok ? done("invitation") : refuse(result.error);
    default:
      return refuse("errors.unknownAction");
  }
}

const DONE = ["invite", "roles", "desactive", "reactive", "sessions", "invitation"];
const STATE_BADGE = { active: "success", invited: "waiting", disabled: "neutral" } as const;

export default function StaffAccount() {
  const { account, roles, sessions, offices, self } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("admin-staff");
  const locale = toLocale(i18n.language);
  const done = searchParams.get("fait");
  const confirmDisable = searchParams.get("confirmer") === "desactivation" && account.state !== "disabled";

  return (
    <>
      <Breadcrumbs items={[{ label: t("list.title"), to: "/admin/comptes" }]} />
      <ErrorSummary errors={actionData?.error ? [{ message: t(actionData.error) }] : []} />
      {done && DONE.includes(done) ? (
        <Notice tone="success">
          <p>{t(`account.done.${done}`)}</p>
        </Notice>
      ) : null}
      <PageHeading caption={t("account.caption")}>{account.fullName}</PageHeading>
      <dl className="summary">
        <dt>{t("account.state")}</dt>
        <dd>
          <span className={`badge badge--${STATE_BADGE[account.state]}`}>{t(`states.${account.state}`)}</span>
        </dd>
        <dt>{t("account.email")}</dt>
        <dd>{account.email ?? t("account.none")}</dd>
        <dt>{t("account.phone")}</dt>
        <dd>{account.phone ?? t("account.none")}</dd>
        <dt>{t("account.createdAt")}</dt>
        <dd>{formatDateTime(account.createdAt, locale)}</dd>
        <dt>{t("account.lastLogin")}</dt>
        <dd>{account.lastLoginAt ? formatDateTime(account.lastLoginAt, locale) : t("list.never")}</dd>
      </dl>

      {account.state === "invited" ? (
        <section aria-labelledby="invitation-title">
          <h2 id="invitation-title">{t("account.invitationTitle")}</h2>
          <p>{t("account.invitationBody")}</p>
          <Form method="post">
            <input type="hidden" name="intent" value="resend" />
            <Button type="submit" variant="secondary">
              {t("account.resend")}
            </Button>
          </Form>
        </section>
      ) : null}

      <StaffRolesSection roles={roles} offices={offices} self={self} />

      <section aria-labelledby="state-title">
        <h2 id="state-title">{t("account.stateTitle")}</h2>
        {account.state === "disabled" ? (
          <>
            <p>{t("account.disabledSince", { date: formatDateTime(account.disabledAt!, locale) })}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="enable" />
              <Button type="submit">{t("account.enable")}</Button>
            </Form>
          </>
        ) : self ? (
          <p>{t("account.cannotDisableSelf")}</p>
        ) : confirmDisable ? (
          <Notice tone="warning" title={t("account.confirmTitle")}>
            <p>{t("account.confirmBody")}</p>
            <Form method="post" className="admin-actions">
              <input type="hidden" name="intent" value="disable" />
              <Button type="submit" variant="warning">
                {t("account.confirmDisable")}
              </Button>
              <Link to={`/admin/comptes/${account.id}`}>{t("account.cancel")}</Link>
            </Form>
          </Notice>
        ) : (
          <>
            <p>{t("account.disableHint")}</p>
            <Button to={`/admin/comptes/${account.id}?confirmer=desactivation`} variant="warning">
              {t("account.disable")}
            </Button>
          </>
        )}
      </section>

      <StaffSessionsSection sessions={sessions} />
    </>
  );
}
