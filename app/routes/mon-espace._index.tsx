import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/Button";
import { PageHeading } from "~/components/ui/PageHeading";
import { requireUser } from "~/utils/auth.server";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";

export const handle = { i18n: ["auth"] };

export const meta = titleFromLoader;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const t = await i18next.getFixedT(request, "auth");
  return { title: documentTitle(t("mySpace.title")), fullName: user.fullName };
}

export default function MySpace() {
  const { fullName } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <>
      <PageHeading lead={t("mySpace.greeting", { name: fullName })}>{t("mySpace.title")}</PageHeading>
      <section aria-labelledby="my-cases">
        <h2 id="my-cases">{t("mySpace.casesTitle")}</h2>
        <p>{t("mySpace.noCases")}</p>
        <Button to="/demarches">{t("mySpace.startLink")}</Button>
      </section>
      <section aria-labelledby="my-account">
        <h2 id="my-account">{t("mySpace.accountTitle")}</h2>
        <ul className="list--plain">
          <li>
            <Link to="/mon-espace/securite">{t("mySpace.securityLink")}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
