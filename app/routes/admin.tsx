import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import adminStyles from "~/components/admin/admin.css?url";
import { AdminMenu } from "~/components/admin/AdminMenu";
import { requireRole } from "~/utils/auth.server";

export const handle = { i18n: ["admin"] };

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }];

/**
 * The administration's frame. Remix runs this loader beside, not before, the pages' own loaders
 * and actions: every page under /admin checks the admin role itself too.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "admin", context);
  return null;
}

export default function AdminLayout() {
  return (
    <div className="admin">
      <AdminMenu />
      <div className="admin__page">
        <Outlet />
      </div>
    </div>
  );
}
