import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LinksFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import auditStyles from "~/components/admin/audit.css?url";
import { Button } from "~/components/ui/Button";
import { ErrorSummary } from "~/components/ui/ErrorSummary";
import { Field } from "~/components/ui/Field";
import { Notice } from "~/components/ui/Notice";
import { PageHeading } from "~/components/ui/PageHeading";
import { Table } from "~/components/ui/Table";
import {
  createMonitoringToken,
  listMonitoringTokensWithCreators,
  MonitoringTokenError,
  revokeMonitoringToken,
  TOKEN_NAME_PATTERN,
} from "~/services/monitoring-tokens.server";
import { requestMetaFor, requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatDateTime } from "~/utils/format";
import { toLocale } from "~/utils/i18n";
import { i18next } from "~/utils/i18next.server";
import { documentTitle, titleFromLoader } from "~/utils/meta";
import { readForm } from "~/utils/body.server";

export const handle = { i18n: ["admin", "admin-audit"] };

export const meta = titleFromLoader;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: auditStyles }];

/** The page may carry a token just created: never kept by a cache, nor by the browser's history cache. */
export const headers: HeadersFunction = () => new Headers({ "Cache-Control": "no-store" });

const NO_STORE = { "Cache-Control": "no-store" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  const t = await i18next.getFixedT(request, "admin-audit");
  const tokens = await listMonitoringTokensWithCreators(await getDb());
  return data(
    {
      title: documentTitle(t("tokens.title")),
      tokens: tokens.map((token) => ({
        id: token.id,
        name: token.name,
        createdByName: token.createdByName,
        createdAt: token.createdAt.toISOString(),
        lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
        revokedAt: token.revokedAt?.toISOString() ?? null,
      })),
    },
    { headers: NO_STORE },
  );
}

type ActionReply =
  | { intent: "create"; created: { name: string; token: string } }
  | { intent: "create"; error: string; name: string }
  | { intent: "revoke"; confirm: string }
  | { intent: "revoke"; error: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin", context);
  const formData = await readForm(request);
  const db = await getDb();
  const meta = requestMetaFor(request, context);
  const name = String(formData.get("name") ?? "").trim();
  const reply = (body: ActionReply, status = 200) => data(body, { status, headers: NO_STORE });

  if (formData.get("intent") === "revoke") {
    if (formData.get("confirmed") !== "1") return reply({ intent: "revoke", confirm: name });
    try {
      await revokeMonitoringToken(db, {
        name,
        actorId: user.id,
        ip: meta.ip,
        requestId: meta.requestId,
      });
    } catch (error) {
      if (error instanceof MonitoringTokenError) return reply({ intent: "revoke", error: "tokens.errors.not_found" }, 400);
      throw error;
    }
    return redirect(`/admin/jetons?revoque=${encodeURIComponent(name)}`, 303);
  }

  if (!name) return reply({ intent: "create", error: "tokens.errors.name_required", name }, 400);
  if (!TOKEN_NAME_PATTERN.test(name)) return reply({ intent: "create", error: "tokens.errors.invalid_name", name }, 400);
  try {
    const { token, record } = await createMonitoringToken(db, {
      name,
      createdBy: user.id,
      ip: meta.ip,
      requestId: meta.requestId,
    });
    // Shown in this response only: no redirect, no URL, no log.
    return reply({ intent: "create", created: { name: record.name, token } });
  } catch (error) {
    if (error instanceof MonitoringTokenError) return reply({ intent: "create", error: `tokens.errors.${error.code}`, name }, 400);
    throw error;
  }
}

export default function MonitoringTokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as ActionReply | undefined;
  const [searchParams] = useSearchParams();
  const { t, i18n } = useTranslation("admin-audit");
  const locale = toLocale(i18n.language);
  const revoked = searchParams.get("revoque");
  const createError = reply?.intent === "create" && "error" in reply ? reply.error : null;
  const revokeError = reply?.intent === "revoke" && "error" in reply ? reply.error : null;
  const created = reply?.intent === "create" && "created" in reply ? reply.created : null;
  const confirm = reply?.intent === "revoke" && "confirm" in reply ? reply.confirm : null;

  type Row = (typeof tokens)[number];
  const columns = [
    {
      header: t("tokens.columns.name"),
      cell: (r: Row) => <code>{r.name}</code>,
      rowHeader: true,
    },
    {
      header: t("tokens.columns.created"),
      cell: (r: Row) =>
        r.createdByName
          ? t("tokens.createdBy", {
              date: formatDateTime(r.createdAt, locale),
              name: r.createdByName,
            })
          : t("tokens.createdByCli", {
              date: formatDateTime(r.createdAt, locale),
            }),
    },
    {
      header: t("tokens.columns.lastUsed"),
      cell: (r: Row) => (r.lastUsedAt ? formatDateTime(r.lastUsedAt, locale) : t("tokens.never")),
    },
    {
      header: t("tokens.columns.state"),
      cell: (r: Row) => (r.revokedAt ? t("tokens.revokedOn", { date: formatDateTime(r.revokedAt, locale) }) : t("tokens.active")),
    },
    {
      header: t("tokens.columns.action"),
      cell: (r: Row) =>
        r.revokedAt ? null : (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="name" value={r.name} />
            <Button type="submit" variant="warning" aria-label={t("tokens.revokeFor", { name: r.name })}>
              {t("tokens.revoke")}
            </Button>
          </Form>
        ),
    },
  ];

  return (
    <div className="admin-audit">
      <ErrorSummary errors={[...(createError ? [{ id: "token-name", message: t(createError) }] : []), ...(revokeError ? [{ message: t(revokeError) }] : [])]} />
      {revoked ? <Notice tone="success">{t("tokens.revoked", { name: revoked })}</Notice> : null}
      {created ? (
        <Notice tone="success" title={t("tokens.created.title", { name: created.name })}>
          <p>
            <strong>{t("tokens.created.once")}</strong>
          </p>
          <p>
            {t("tokens.created.value")} <code>{created.token}</code>
          </p>
          <p>{t("tokens.created.usage")}</p>
          <p>
            <code>Authorization: Bearer {created.token}</code>
          </p>
        </Notice>
      ) : null}
      {confirm ? (
        <section aria-labelledby="confirm-revoke" className="card">
          <h2 id="confirm-revoke">{t("tokens.confirmTitle")}</h2>
          <p>{t("tokens.confirmQuestion", { name: confirm })}</p>
          <Form method="post" className="admin-actions">
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="name" value={confirm} />
            <input type="hidden" name="confirmed" value="1" />
            <Button type="submit" variant="warning">
              {t("tokens.confirm")}
            </Button>
            <Link to="/admin/jetons">{t("tokens.cancel")}</Link>
          </Form>
        </section>
      ) : null}
      <PageHeading lead={t("tokens.lead")}>{t("tokens.title")}</PageHeading>

      <section aria-labelledby="tokens-list">
        <h2 id="tokens-list">{t("tokens.listTitle")}</h2>
        <Table<Row> caption={t("tokens.caption")} captionHidden columns={columns} rows={tokens} rowKey={(r) => r.id} empty={t("tokens.empty")} />
      </section>

      <section aria-labelledby="token-create">
        <h2 id="token-create">{t("tokens.createTitle")}</h2>
        <p>{t("tokens.createLead")}</p>
        <Form method="post">
          <input type="hidden" name="intent" value="create" />
          <Field
            id="token-name"
            name="name"
            label={t("tokens.name.label")}
            hint={t("tokens.name.hint")}
            error={createError ? t(createError) : undefined}
            defaultValue={reply?.intent === "create" && "name" in reply ? reply.name : ""}
            autoComplete="off"
            spellCheck={false}
            maxLength={63}
            width={30}
          />
          <Button type="submit">{t("tokens.submit")}</Button>
        </Form>
      </section>
    </div>
  );
}
