import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import procedureStyles from "~/components/admin/admin-procedures.css?url";
import { METADATA_FIELD_ORDER, ProcedureMetadataFields } from "~/components/admin/ProcedureMetadataFields";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { PageHeading } from "~/components/ui/PageHeading";
import { createProcedureSchema } from "~/domain/procedure-admin";
import { agencyOptions, createProcedure } from "~/services/admin/procedures.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { errorSummaryItems } from "~/utils/form-errors";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-procedures", "catalogue"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: procedureStyles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const t = await i18next.getFixedT(request, "admin-procedures");
  return { title: documentTitle(t("create.title")), agencies: await agencyOptions(await getDb()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const submission = parseWithZod(await readForm(request), { schema: createProcedureSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const created = await createProcedure(await getDb(), { actor: { id: user.id, ...requestMetaFor(request, context) }, metadata: submission.value });
  if (!created.ok) return data({ result: submission.reply({ fieldErrors: Object.fromEntries(Object.entries(created.errors).map(([k, v]) => [k, [v]])) }) }, { status: 400 });
  return redirect(`/admin/demarches/${created.id}?fait=creee`);
}

export default function NewProcedure() {
  const { agencies } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin-procedures");
  const [form, fields] = useForm<Record<(typeof METADATA_FIELD_ORDER)[number], string>>({
    id: "new-procedure",
    lastResult: actionData?.result as SubmissionResult<string[]> | undefined,
    defaultValue: { infoRequestExpiryDays: "30", feeXof: "0" },
    shouldValidate: "onSubmit",
  });
  const tr = (key: string) => t(key);
  return (
    <>
      <Breadcrumbs items={[{ label: t("breadcrumb"), to: "/admin/demarches" }]} />
      <ErrorSummary errors={errorSummaryItems(tr, form.errors, METADATA_FIELD_ORDER.map((name) => fields[name]))} />
      <PageHeading lead={t("create.lead")}>{t("create.title")}</PageHeading>
      <Form method="post" {...getFormProps(form)}>
        <ProcedureMetadataFields fields={fields} agencies={agencies} />
        <Button type="submit">{t("create.submit")}</Button>
      </Form>
    </>
  );
}
