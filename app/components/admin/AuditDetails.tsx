import { useTranslation } from "react-i18next";
import { detailView } from "~/domain/audit-log";

/** An entry's details (already redacted by the service): an admin change as before → after, the rest as key: value. */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation("admin-audit");
  const view = detailView(details);
  const plain = view.kind === "plain" ? view.rows : view.other;
  return (
    <>
      {view.kind === "change" && view.rows.length > 0 ? (
        <table className="table audit-change">
          <thead>
            <tr>
              <th scope="col">{t("journal.change.key")}</th>
              <th scope="col">{t("journal.change.before")}</th>
              <th scope="col">{t("journal.change.after")}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">
                  <code>{row.key}</code>
                </th>
                <td>{row.before}</td>
                <td>{row.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {plain.length > 0 ? (
        <ul className="list--plain">
          {plain.map((row) => (
            <li key={row.key}>
              <code>{row.key}</code> : {row.value}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
