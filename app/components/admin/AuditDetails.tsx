import { useTranslation } from "react-i18next";
import { detailView } from "~/domain/audit-log";

/** An entry's details (already redacted by the service): an admin change as before → after, the rest as key: value. */
export function AuditDetails({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation("admin-audit");
  const view = detailView(details);
  // Labels of the stacked layout on a phone (see Table).
  const [keyLabel, beforeLabel, afterLabel] = [t("journal.change.key"), t("journal.change.before"), t("journal.change.after")];
  const plain = view.kind === "plain" ? view.rows : view.other;
  return (
    <>
      {view.kind === "change" && view.rows.length > 0 ? (
        <table className="table audit-change">
          <thead>
            <tr>
              <th scope="col">{keyLabel}</th>
              <th scope="col">{beforeLabel}</th>
              <th scope="col">{afterLabel}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.key}>
                <th scope="row" data-label={keyLabel}>
                  <code>{row.key}</code>
                </th>
                <td data-label={beforeLabel}>{row.before}</td>
                <td data-label={afterLabel}>{row.after}</td>
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
