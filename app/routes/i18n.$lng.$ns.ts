import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { LOCALES } from "~/domain/constants";
import { LOCALES_DIR } from "~/utils/i18next.server";

/** Translations for the browser (Vite dev serves the project root, so not from /locales/). */
export async function loader({ params }: LoaderFunctionArgs) {
  const { lng, ns } = params;
  if (!lng || !ns || !(LOCALES as readonly string[]).includes(lng) || !/^[a-z-]+$/.test(ns)) {
    throw new Response("Not found", { status: 404 });
  }
  try {
    const body = await readFile(resolve(LOCALES_DIR, lng, `${ns}.json`), "utf8");
    return new Response(body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": process.env.NODE_ENV === "production" ? "public, max-age=300, stale-while-revalidate=86400" : "no-cache",
      },
    });
  } catch {
    throw new Response("Not found", { status: 404 });
  }
}
