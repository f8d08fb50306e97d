import type { Role } from "~/domain/constants";
import type { SessionUser } from "~/domain/user";

export interface NavItem {
  to: string;
  /** Key in the `common` namespace. */
  labelKey: string;
}

const PUBLIC: NavItem[] = [
  { to: "/demarches", labelKey: "nav.procedures" },
  { to: "/suivi", labelKey: "nav.track" },
  { to: "/etat-des-services", labelKey: "nav.serviceStatus" },
];

const SIGNED_OUT: NavItem[] = [
  { to: "/connexion", labelKey: "nav.signIn" },
  { to: "/inscription", labelKey: "nav.signUp" },
];

/** One entry per role, in the order the header shows them. */
const BY_ROLE: { role: Role; item: NavItem }[] = [
  { role: "citizen", item: { to: "/mon-espace", labelKey: "nav.mySpace" } },
  { role: "agent", item: { to: "/agent", labelKey: "nav.desk" } },
  { role: "supervisor", item: { to: "/agent", labelKey: "nav.desk" } },
  { role: "supervisor", item: { to: "/agent/statistiques", labelKey: "nav.statistics" } },
  { role: "operator", item: { to: "/reseau", labelKey: "nav.network" } },
  { role: "admin", item: { to: "/admin", labelKey: "nav.admin" } },
];

/** The header links for a visitor (null) or a signed-in user, without duplicates. */
export function navigationFor(user: Pick<SessionUser, "roles"> | null): NavItem[] {
  if (!user) return [...PUBLIC, ...SIGNED_OUT];
  const personal = BY_ROLE.filter(({ role }) => user.roles.includes(role)).map(({ item }) => item);
  const unique = personal.filter((item, index) => personal.findIndex((other) => other.to === item.to) === index);
  return [...PUBLIC, ...unique];
}
