import type { StaffRole } from "./constants";

/**
 * Rules of the staff accounts' administration, pure: an account's state, the list of its roles
 * as the audit log keeps it, and the guards on role changes and disabling.
 * Error codes are keys of the `admin-staff` namespace.
 */

export const STAFF_ACCOUNT_STATES = ["active", "invited", "disabled"] as const;
export type StaffAccountState = (typeof STAFF_ACCOUNT_STATES)[number];

/** 48 hours to accept an invitation. */
export const INVITATION_TTL_MS = 48 * 60 * 60 * 1000;
export const STAFF_PAGE_SIZE = 50;

/** Disabled wins; then an account without a password has not accepted its invitation yet. */
export function staffAccountState(user: { passwordHash: string | null; disabledAt: Date | string | null }): StaffAccountState {
  if (user.disabledAt) return "disabled";
  return user.passwordHash ? "active" : "invited";
}

export interface RoleAssignment {
  role: StaffRole;
  /** Null for the global roles (operator, admin). */
  officeId: number | null;
}

/** One assignment as text, "agent@12" or "admin", for comparisons and the audit log. */
export function assignmentKey(a: RoleAssignment): string {
  return a.officeId === null ? a.role : `${a.role}@${a.officeId}`;
}

/** Sorted, without duplicates. */
export function roleList(assignments: readonly RoleAssignment[]): string[] {
  return [...new Set(assignments.map(assignmentKey))].sort();
}

/** An office holds one role per person: setting a role for an office replaces the other one. */
export function withOfficeRole(current: readonly RoleAssignment[], officeId: number, role: "agent" | "supervisor"): RoleAssignment[] {
  return [...current.filter((a) => a.officeId !== officeId), { role, officeId }];
}

export function withoutOffice(current: readonly RoleAssignment[], officeId: number): RoleAssignment[] {
  return current.filter((a) => a.officeId !== officeId);
}

export function withGlobalRoles(current: readonly RoleAssignment[], global: { operator: boolean; admin: boolean }): RoleAssignment[] {
  const office = current.filter((a) => a.officeId !== null);
  return [
    ...office,
    ...(global.operator ? [{ role: "operator" as const, officeId: null }] : []),
    ...(global.admin ? [{ role: "admin" as const, officeId: null }] : []),
  ];
}

export interface RoleChange {
  actorId: string;
  targetId: string;
  before: readonly RoleAssignment[];
  after: readonly RoleAssignment[];
  /** Whether the target account is disabled (a disabled admin does not count as active). */
  targetDisabled: boolean;
  /** Active (not disabled) accounts holding the admin role, the target included if it is one. */
  activeAdmins: number;
}

const isAdmin = (roles: readonly RoleAssignment[]) => roles.some((a) => a.role === "admin");

/** Why a role change is refused, or null. */
export function roleChangeProblem(change: RoleChange): string | null {
  if (change.after.length === 0) return "errors.noRoleLeft";
  const losesAdmin = isAdmin(change.before) && !isAdmin(change.after);
  if (losesAdmin && change.actorId === change.targetId) return "errors.ownAdmin";
  if (losesAdmin && !change.targetDisabled && change.activeAdmins <= 1) return "errors.lastAdmin";
  return null;
}

/** Why disabling an account is refused, or null. */
export function disableProblem(input: { actorId: string; targetId: string; targetIsAdmin: boolean; activeAdmins: number }): string | null {
  if (input.actorId === input.targetId) return "errors.disableSelf";
  if (input.targetIsAdmin && input.activeAdmins <= 1) return "errors.lastAdmin";
  return null;
}
