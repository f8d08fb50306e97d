import { getFormProps, getInputProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { Breadcrumbs } from "~/components/ui/Breadcrumbs";
import { Button } from "~/components/ui/Button";
import { Checkboxes } from "~/components/ui/Checkboxes";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Radios } from "~/components/ui/Radios";
import { FULL_NAME_MAX_LENGTH, parseEmail, parsePhone } from "~/domain/account";
import { inviteStaff, listOffices } from "~/services/admin/staff-accounts.server";
import { appBaseUrl, requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { errorSummaryItems, translateErrors } from "~/utils/form-errors";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-staff"] };

export const meta = titleFromLoader;

const optionalText = z.string().trim().max(254).optional();

const inviteSchema = z
  .object({
    fullName: z.string({ error: "invite.errors.fullName" }).trim().min(2, { error: "invite.errors.fullName" }).max(FULL_NAME_MAX_LENGTH, { error: "invite.errors.fullName" }),
    email: optionalText,
    phone: optionalText,
    role: z.enum(["agent", "supervisor"], { error: "invite.errors.role" }),
    offices: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive()).min(1, { error: "invite.errors.offices" })),
    channel: z.enum(["email", "sms"]).optional(),
  })
  .transform((value, ctx) => {
    const email = value.email ? parseEmail(value.email) : null;
    const phone = value.phone ? parsePhone(value.phone) : null;
    if (email && !email.ok) ctx.addIssue({ code: "custom", path: ["email"], message: "invite.errors.emailInvalid" });
    if (phone && !phone.ok) ctx.addIssue({ code: "custom", path: ["phone"], message: "invite.errors.phoneInvalid" });
    if (!email && !phone) ctx.addIssue({ code: "custom", path: ["email"], message: "invite.errors.identifierRequired" });
    const channel = value.channel ?? (email ? "email" : "sms");
    if ((channel === "email" && !email) || (channel === "sms" && !phone)) ctx.addIssue({ code: "custom", path: ["channel"], message: "invite.errors.channel" });
    return {
      fullName: value.fullName,
      role: value.role,
      officeIds: value.offices,
      channel,
      email: email?.ok ? email.identifier.value : null,
      phone: phone?.ok ? phone.identifier.value : null,
    };
  });

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const t = await i18next.getFixedT(request, "admin-staff");
  return { title: documentTitle(t("invite.title")), offices: await listOffices(await getDb()) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const submission = parseWithZod(await readForm(request), { schema: inviteSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), existing: null }, { status: 400 });
  const result = await inviteStaff(await getDb(), { id: user.id, ...requestMetaFor(request, context) }, { ...submission.value, baseUrl: appBaseUrl() });
  if (result.ok) return redirect(`/admin/comptes/${result.userId}?fait=invite`);
  if (result.reason === "unknown_office") return data({ result: submission.reply({ fieldErrors: { offices: ["invite.errors.offices"] } }), existing: null }, { status: 400 });
  const message = result.reason === "staff_exists" ? "invite.errors.staffExists" : "invite.errors.citizenExists";
  return data(
    { result: submission.reply({ fieldErrors: { [result.field]: [message] } }), existing: result.reason === "staff_exists" ? result.userId : null },
    { status: 400 },
  );
}

type InviteFields = { fullName: string; email: string; phone: string; role: string; offices: string[]; channel: string };

export default function InviteStaff() {
  const { offices } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation("admin-staff");
  const tr = (key: string) => t(key);
  const [form, fields] = useForm<InviteFields>({ id: "invite-staff", lastResult: actionData?.result as SubmissionResult<string[]> | undefined });
  const summary = errorSummaryItems(tr, form.errors, [fields.fullName, fields.email, fields.phone, fields.role, fields.offices, fields.channel]);
  const officesValue = fields.offices.initialValue;
  const checkedOffices = Array.isArray(officesValue) ? (officesValue as string[]) : typeof officesValue === "string" ? [officesValue] : [];

  return (
    <>
      <Breadcrumbs items={[{ label: t("list.title"), to: "/admin/comptes" }]} />
      <ErrorSummary errors={summary} />
      <PageHeading lead={t("invite.lead")}>{t("invite.title")}</PageHeading>
      {actionData?.existing ? (
        <Notice tone="info">
          <p>
            <Link to={`/admin/comptes/${actionData.existing}`}>{t("invite.openExisting")}</Link>
          </p>
        </Notice>
      ) : null}
      <Form method="post" {...getFormProps(form)}>
        <Field label={t("invite.fullName")} error={translateErrors(tr, fields.fullName.errors)} autoComplete="off" {...getInputProps(fields.fullName, { type: "text" })} />
        <Field label={t("invite.email")} hint={t("invite.emailHint")} optional error={translateErrors(tr, fields.email.errors)} autoComplete="off" spellCheck={false} {...getInputProps(fields.email, { type: "email" })} />
        <Field label={t("invite.phone")} hint={t("invite.phoneHint")} optional width={20} error={translateErrors(tr, fields.phone.errors)} autoComplete="off" {...getInputProps(fields.phone, { type: "tel" })} />
        <Radios
          name={fields.role.name}
          id={fields.role.id}
          legend={t("invite.role")}
          defaultValue={(fields.role.initialValue as string | undefined) ?? null}
          error={translateErrors(tr, fields.role.errors)}
          options={[
            { value: "agent", label: t("roles.agent"), hint: t("invite.agentHint") },
            { value: "supervisor", label: t("roles.supervisor"), hint: t("invite.supervisorHint") },
          ]}
        />
        <Checkboxes
          name={fields.offices.name}
          id={fields.offices.id}
          legend={t("invite.offices")}
          hint={t("invite.officesHint")}
          defaultValue={checkedOffices}
          error={translateErrors(tr, fields.offices.errors)}
          options={offices.map((o) => ({ value: String(o.id), label: `${o.name} (${o.code})` }))}
        />
        <Radios
          name={fields.channel.name}
          id={fields.channel.id}
          legend={t("invite.channel")}
          hint={t("invite.channelHint")}
          defaultValue={(fields.channel.initialValue as string | undefined) ?? null}
          error={translateErrors(tr, fields.channel.errors)}
          inline
          options={[
            { value: "email", label: t("invite.byEmail") },
            { value: "sms", label: t("invite.bySms") },
          ]}
        />
        <Button type="submit">{t("invite.submit")}</Button>
      </Form>
    </>
  );
}
