import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  data,
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLoaderData,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { PageShell } from "~/components/ui/PageShell";
import { ErrorPage } from "~/components/ui/ErrorPage";
import { getOptionalUser } from "~/utils/auth.server";
import { i18next, localeCookie } from "~/utils/i18next.server";
import { toLocale } from "~/utils/i18n";
import { useNonce } from "~/utils/nonce";
import { wantsHydration, type RouteHandle } from "~/utils/route-handle";
import stylesHref from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ name: "theme-color", content: "#006a4e" }];

export const handle: RouteHandle = { i18n: ["common"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = toLocale(await i18next.getLocale(request));
  const user = await getOptionalUser(request);
  const url = new URL(request.url);
  const headers = new Headers();
  // ?lng=en chooses the language and remembers it (the language switch is a plain link).
  if (url.searchParams.has("lng")) headers.append("Set-Cookie", await localeCookie.serialize(locale));
  return data({ locale, user }, { headers });
}

export type RootLoader = typeof loader;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const { i18n } = useTranslation();
  const locale = data?.locale ?? toLocale(i18n.language);
  const hydrate = wantsHydration(useMatches());
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  );
}

export default function App() {
  const { locale, user } = useLoaderData<typeof loader>();
  useChangeLanguage(locale);
  return (
    <PageShell user={user}>
      <Outlet />
    </PageShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <PageShell user={data?.user ?? null}>
      <ErrorPage status={status} />
    </PageShell>
  );
}
