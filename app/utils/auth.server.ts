import { redirect } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { staffRoles } from "../../db/schema";
import { OFFICE_ROLES, type Role, type StaffRole } from "~/domain/constants";
import { safeRedirectPath } from "~/domain/redirect";
import type { SessionUser } from "~/domain/user";
import { audit } from "~/services/audit.server";
import type { RequestContext } from "./context";
import { getDb, type Executor } from "./db.server";
import { readSessionToken, validateSessionToken, type Session, type UserRow } from "./session.server";

export interface CurrentSession {
  session: Session;
  user: SessionUser;
}

/** Roles from staff_role rows; "citizen" when there are none. */
export async function loadSessionUser(db: Executor, user: UserRow): Promise<SessionUser> {
  const rows = await db
    .select({ role: staffRoles.role, officeId: staffRoles.officeId })
    .from(staffRoles)
    .where(eq(staffRoles.userId, user.id));
  const roles: Role[] = rows.length === 0 ? ["citizen"] : [...new Set(rows.map((r) => r.role))];
  const officeRoles = rows.flatMap((r) =>
    r.officeId !== null && (r.role === "agent" || r.role === "supervisor") ? [{ officeId: r.officeId, role: r.role }] : [],
  );
  return { id: user.id, fullName: user.fullName, email: user.email, phone: user.phone, locale: user.locale, roles, officeRoles };
}

// Root and route loaders of one request share the same Request object: look the session up once.
const cache = new WeakMap<Request, Promise<CurrentSession | null>>();

/** The session and user of this request, or null (cached per request). */
export function getOptionalSession(request: Request): Promise<CurrentSession | null> {
  let pending = cache.get(request);
  if (!pending) {
    pending = (async () => {
      const token = readSessionToken(request);
      if (!token) return null;
      const db = await getDb();
      const found = await validateSessionToken(db, token);
      if (!found) return null;
      return { session: found.session, user: await loadSessionUser(db, found.user) };
    })();
    cache.set(request, pending);
  }
  return pending;
}

/** Forget the cached lookup (after signing in or out within the same request). */
export function forgetSession(request: Request): void {
  cache.delete(request);
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await getOptionalSession(request))?.user ?? null;
}

/** The path (and query) of this request, for coming back after signing in. */
function currentPath(request: Request): string {
  const url = new URL(request.url);
  return url.pathname + url.search;
}

export function signInUrl(redirectTo?: string): string {
  const target = safeRedirectPath(redirectTo, "/");
  return target !== "/" ? `/connexion?${new URLSearchParams({ redirectTo: target })}` : "/connexion";
}

/** The current session, or a redirect to /connexion that comes back here. */
export async function requireSession(request: Request): Promise<CurrentSession> {
  const current = await getOptionalSession(request);
  if (!current) throw redirect(signInUrl(currentPath(request)));
  return current;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireSession(request)).user;
}

/** Signed-in users have nothing to do on /connexion or /inscription: send them to their space. */
export async function requireAnonymous(request: Request): Promise<void> {
  const user = await getOptionalUser(request);
  if (user) throw redirect(homePathFor(user));
}

/** Where a user lands after signing in, by role. */
export function homePathFor(user: Pick<SessionUser, "roles">): string {
  if (user.roles.includes("agent") || user.roles.includes("supervisor")) return "/agent";
  if (user.roles.includes("operator")) return "/reseau";
  if (user.roles.includes("admin")) return "/admin";
  return "/mon-espace";
}

/** ip and request id for the audit log: from the load context when given, else from headers. */
function requestMeta(request: Request, context?: Partial<RequestContext>) {
  return {
    ip: context?.ip ?? null,
    requestId: context?.requestId ?? request.headers.get("x-request-id"),
  };
}

/** What the account services want to know about the request (audit log, session list). */
export function requestMetaFor(request: Request, context?: Partial<RequestContext>) {
  return { ...requestMeta(request, context), userAgent: request.headers.get("user-agent") };
}

/** Origin of absolute links in messages: APP_URL only (app/utils/public-url.server.ts). */
export { appBaseUrl } from "./public-url.server";

/**
 * A refusal is answered 404, never 403 (DESIGN.md §6: nothing reveals what exists outside one's
 * scope), and written to the audit log.
 */
async function refuse(
  request: Request,
  user: SessionUser,
  details: Record<string, unknown>,
  context?: Partial<RequestContext>,
): Promise<never> {
  const db = await getDb();
  await audit(db, {
    action: "access.refused",
    outcome: "refused",
    actorId: user.id,
    targetType: "path",
    targetId: new URL(request.url).pathname,
    ...requestMeta(request, context),
    details: { method: request.method, ...details },
  });
  throw new Response("Not Found", { status: 404 });
}

/** The signed-in user if they hold one of `role`; otherwise 404 (and a redirect when signed out). */
export async function requireRole(
  request: Request,
  role: Role | readonly Role[],
  context?: Partial<RequestContext>,
): Promise<SessionUser> {
  const user = await requireUser(request);
  const wanted: readonly Role[] = typeof role === "string" ? [role] : role;
  if (wanted.some((r) => user.roles.includes(r))) return user;
  return refuse(request, user, { required: wanted }, context);
}

/**
 * The signed-in user if they are staff of `officeId` (agent or supervisor; with
 * `{ role: "supervisor" }`, supervisor only); otherwise 404.
 */
export async function requireStaffOf(
  request: Request,
  officeId: number,
  options: { role?: Extract<StaffRole, "agent" | "supervisor">; context?: Partial<RequestContext> } = {},
): Promise<SessionUser> {
  const user = await requireUser(request);
  const accepted: readonly string[] = options.role === "supervisor" ? ["supervisor"] : OFFICE_ROLES;
  if (user.officeRoles.some((r) => r.officeId === officeId && accepted.includes(r.role))) return user;
  return refuse(request, user, { officeId, required: options.role ?? "agent" }, options.context);
}
