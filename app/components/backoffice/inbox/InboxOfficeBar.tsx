import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { StatusBadge } from "~/components/ui/StatusBadge";
import type { LinkStatus } from "~/domain/constants";
import type { InboxUrlState } from "./inbox-url";

interface OfficeItem {
  id: number;
  name: string;
  linkStatus: LinkStatus;
}

/** The page heading with the office shown, a selector when the agent has several, and its live link status. */
export function InboxOfficeBar({ offices, office, state }: { offices: readonly OfficeItem[]; office: OfficeItem; state: InboxUrlState }) {
  const { t } = useTranslation("inbox");
  return (
    <>
      <PageHeading caption={office.name}>{t("title")}</PageHeading>
      <p className="inbox-link">
        {t("office.link")} <StatusBadge kind="link" status={office.linkStatus} />
      </p>
      {office.linkStatus === "down" ? <Notice tone="warning">{t("office.linkDown")}</Notice> : null}
      {offices.length > 1 ? (
        <form method="get" className="inbox-office">
          {state.tab !== "nouveaux" ? <input type="hidden" name="onglet" value={state.tab} /> : null}
          <Field as="select" id="inbox-office" name="bureau" label={t("office.label")} defaultValue={office.id}>
            {offices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Field>
          <Button variant="secondary">{t("office.choose")}</Button>
        </form>
      ) : null}
    </>
  );
}
