import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Checkboxes } from "~/components/ui/Checkboxes";
import { Field } from "~/components/ui/Field";
import { Radios } from "~/components/ui/Radios";
import { Table } from "~/components/ui/Table";
import type { StaffRole } from "~/domain/constants";
import type { DeviceDescription } from "~/domain/user-agent";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";

/** The roles and sessions sections of /admin/comptes/:id (texts in `admin-staff`). */

interface RoleRow {
  role: StaffRole;
  officeId: number | null;
  officeCode: string | null;
  officeName: string | null;
}

export function StaffRolesSection({ roles, offices, self }: { roles: RoleRow[]; offices: { id: number; code: string; name: string }[]; self: boolean }) {
  const { t } = useTranslation("admin-staff");
  const officeRows = roles.filter((r) => r.officeId !== null);
  const global = roles.filter((r) => r.officeId === null).map((r) => r.role);
  const officeLabel = (r: RoleRow) => `${r.officeName} (${r.officeCode})`;
  const actions = (r: RoleRow) => {
    const other = r.role === "agent" ? "supervisor" : "agent";
    return (
      <div className="admin-actions">
        <Form method="post">
          <input type="hidden" name="intent" value="change" />
          <input type="hidden" name="officeId" value={r.officeId ?? ""} />
          <input type="hidden" name="role" value={other} />
          <Button type="submit" variant="secondary" aria-label={t(`roles.make.${other}For`, { office: officeLabel(r) })}>
            {t(`roles.make.${other}`)}
          </Button>
        </Form>
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="officeId" value={r.officeId ?? ""} />
          <Button type="submit" variant="warning" aria-label={t("roles.removeFor", { office: officeLabel(r) })}>
            {t("roles.remove")}
          </Button>
        </Form>
      </div>
    );
  };
  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title">{t("roles.title")}</h2>
      <p>{t("roles.lead")}</p>
      <h3>{t("roles.caption")}</h3>
      {officeRows.length === 0 ? <p>{t("roles.noOffice")}</p> : null}
      <ul className="list list--plain list--spaced">
        {officeRows.map((r) => (
          <li key={`${r.role}-${r.officeId}`}>
            <p>
              <strong>{officeLabel(r)}</strong> — {t(`roles.${r.role}`)}
            </p>
            {actions(r)}
          </li>
        ))}
      </ul>

      <h3>{t("roles.addTitle")}</h3>
      <Form method="post">
        <input type="hidden" name="intent" value="add" />
        <Field as="select" label={t("roles.office")} name="officeId" id="add-office" defaultValue="">
          <option value="">{t("roles.chooseOffice")}</option>
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.code})
            </option>
          ))}
        </Field>
        <Radios
          name="role"
          id="add-role"
          legend={t("roles.role")}
          inline
          defaultValue="agent"
          options={[
            { value: "agent", label: t("roles.agent") },
            { value: "supervisor", label: t("roles.supervisor") },
          ]}
        />
        <Button type="submit" variant="secondary">
          {t("roles.add")}
        </Button>
      </Form>

      <h3>{t("roles.globalTitle")}</h3>
      <Form method="post">
        <input type="hidden" name="intent" value="global" />
        <Checkboxes
          name="global"
          id="global-roles"
          legend={t("roles.globalLegend")}
          hint={self ? t("roles.ownAdminHint") : undefined}
          defaultValue={global}
          options={[
            { value: "operator", label: t("roles.operator"), hint: t("roles.operatorHint") },
            { value: "admin", label: t("roles.admin"), hint: t("roles.adminHint") },
          ]}
        />
        <Button type="submit" variant="secondary">
          {t("roles.saveGlobal")}
        </Button>
      </Form>
    </section>
  );
}

interface SessionRow {
  key: string;
  device: DeviceDescription | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
}

export function StaffSessionsSection({ sessions }: { sessions: SessionRow[] }) {
  const { t, i18n } = useTranslation("admin-staff");
  const locale = toLocale(i18n.language);
  const device = (s: SessionRow) => (s.device ? t("sessions.device", { browser: s.device.browser, os: s.device.os }) : t("sessions.unknownDevice"));
  const columns = [
    { header: t("sessions.browser"), rowHeader: true, cell: device },
    { header: t("sessions.createdAt"), cell: (s: SessionRow) => formatDateTime(s.createdAt, locale) },
    { header: t("sessions.lastSeenAt"), cell: (s: SessionRow) => formatDateTime(s.lastSeenAt, locale) },
    { header: t("sessions.ip"), cell: (s: SessionRow) => s.ip ?? t("account.none") },
  ];
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t("sessions.title")}</h2>
      <Table<SessionRow> caption={t("sessions.caption")} captionHidden columns={columns} rows={sessions} rowKey={(s) => s.key} empty={t("sessions.empty")} />
      <ul className="list list--plain list--spaced">
        {sessions.map((s) => (
          <li key={s.key}>
            <Form method="post">
              <input type="hidden" name="intent" value="revoke" />
              <input type="hidden" name="session" value={s.key} />
              <Button type="submit" variant="secondary" aria-label={t("sessions.closeFor", { device: device(s), date: formatDateTime(s.createdAt, locale) })}>
                {t("sessions.close")}
              </Button>{" "}
              <span className="secondary-text">{t("sessions.closeFor", { device: device(s), date: formatDateTime(s.createdAt, locale) })}</span>
            </Form>
          </li>
        ))}
      </ul>
      {sessions.length > 0 ? (
        <Form method="post">
          <input type="hidden" name="intent" value="revokeAll" />
          <Button type="submit" variant="warning">
            {t("sessions.closeAll")}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}
