import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { INBOX_FILTER_STATUSES } from "./statuses";
import { inboxQuery, type InboxUrlState } from "./inbox-url";

/** YYYY-MM-DD → jj/mm/aaaa, as typed. */
function frenchDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

type Search = { kind: "reference"; reference: string } | { kind: "phone"; phone: string } | { kind: "name"; text: string } | null;

/** Search box and filters: a plain GET form keeping the office and the tab (back to the first page). */
export function InboxFiltersForm({
  state,
  procedures,
  search,
}: {
  state: InboxUrlState;
  procedures: readonly { id: number; title: string }[];
  search: Search;
}) {
  const { t } = useTranslation("inbox");
  const { t: tc } = useTranslation("common");
  const exportQuery = inboxQuery({ ...state, after: null, before: null });
  return (
    <section className="inbox-filters" aria-labelledby="inbox-filters-title">
      <h2 id="inbox-filters-title" className="inbox-filters__title">
        {t("filters.title")}
      </h2>
      <form method="get" role="search" aria-labelledby="inbox-filters-title">
        {state.officeId ? <input type="hidden" name="bureau" value={state.officeId} /> : null}
        {state.tab !== "nouveaux" ? <input type="hidden" name="onglet" value={state.tab} /> : null}
        <Field label={t("filters.q")} hint={t("filters.qHint")} name="q" id="inbox-q" type="search" defaultValue={state.q} width={30} autoComplete="off" />
        <div className="inbox-filters__grid">
          <Field as="select" label={t("filters.procedure")} name="demarche" id="inbox-procedure" defaultValue={state.procedureId ?? ""}>
            <option value="">{t("filters.allProcedures")}</option>
            {procedures.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </Field>
          <Field as="select" label={t("filters.status")} name="statut" id="inbox-status" defaultValue={state.status ?? ""}>
            <option value="">{t("filters.allStatuses")}</option>
            {INBOX_FILTER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {tc(`status.case.${s}`)}
              </option>
            ))}
          </Field>
          <Field
            label={t("filters.from")}
            hint={t("filters.dateHint")}
            name="du"
            id="inbox-from"
            inputMode="numeric"
            width={10}
            defaultValue={state.from ? frenchDay(state.from) : state.fromTyped}
            error={state.fromTyped && !state.from ? t("filters.invalidDate") : undefined}
          />
          <Field
            label={t("filters.to")}
            hint={t("filters.dateHint")}
            name="au"
            id="inbox-to"
            inputMode="numeric"
            width={10}
            defaultValue={state.to ? frenchDay(state.to) : state.toTyped}
            error={state.toTyped && !state.to ? t("filters.invalidDate") : undefined}
          />
        </div>
        <div className="choices choices--checkbox">
          <div className="choice">
            <input className="choice__input" type="checkbox" id="inbox-overdue" name="retard" value="1" defaultChecked={state.overdue} />
            <label className="choice__label" htmlFor="inbox-overdue">
              {t("filters.overdue")}
            </label>
          </div>
        </div>
        <div className="inbox-filters__actions">
          <Button variant="secondary">{t("filters.apply")}</Button>
          <Link to={`/agent${inboxQuery({ officeId: state.officeId, tab: state.tab })}`}>{t("filters.reset")}</Link>
          <a href={`/agent/export.csv${exportQuery}`} download>
            {t("filters.export")}
          </a>
        </div>
      </form>
      {search ? (
        <p className="inbox-filters__search" role="status">
          {search.kind === "reference"
            ? t("search.reference", { reference: search.reference })
            : search.kind === "phone"
              ? t("search.phone", { phone: search.phone })
              : t("search.name", { text: search.text })}
        </p>
      ) : null}
    </section>
  );
}
