import type { Locale, Role, StaffRole } from "./constants";

/** The signed-in person as the pages and guards see them. */
export interface SessionUser {
  id: string;
  fullName: string;
  email: string | null;
  phone: string | null;
  locale: Locale;
  /** "citizen" when the user holds no staff role. */
  roles: Role[];
  /** Offices where the user is agent or supervisor. */
  officeRoles: { officeId: number; role: Extract<StaffRole, "agent" | "supervisor"> }[];
}

export function hasRole(user: Pick<SessionUser, "roles">, role: Role): boolean {
  return user.roles.includes(role);
}
