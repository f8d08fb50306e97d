import { describe, expect, it } from "vitest";
import {
  disableProblem,
  roleChangeProblem,
  roleList,
  staffAccountState,
  withGlobalRoles,
  withOfficeRole,
  withoutOffice,
  type RoleAssignment,
} from "./staff-admin";

const admin: RoleAssignment = { role: "admin", officeId: null };
const agent3: RoleAssignment = { role: "agent", officeId: 3 };

describe("staffAccountState", () => {
  it("is disabled first, then invited without a password, else active", () => {
    expect(staffAccountState({ passwordHash: "x", disabledAt: new Date() })).toBe("disabled");
    expect(staffAccountState({ passwordHash: null, disabledAt: null })).toBe("invited");
    expect(staffAccountState({ passwordHash: "x", disabledAt: null })).toBe("active");
  });
});

describe("role lists", () => {
  it("sorts and deduplicates", () => {
    expect(roleList([agent3, admin, agent3])).toEqual(["admin", "agent@3"]);
  });
  it("replaces an office's role, removes an office, sets the global roles", () => {
    expect(roleList(withOfficeRole([agent3, admin], 3, "supervisor"))).toEqual(["admin", "supervisor@3"]);
    expect(withoutOffice([agent3, admin], 3)).toEqual([admin]);
    expect(roleList(withGlobalRoles([agent3, admin], { operator: true, admin: false }))).toEqual(["agent@3", "operator"]);
  });
});

describe("roleChangeProblem", () => {
  const base = { actorId: "a", targetId: "b", targetDisabled: false, activeAdmins: 2 };
  it("accepts an ordinary change", () => {
    expect(roleChangeProblem({ ...base, before: [agent3], after: [{ role: "supervisor", officeId: 3 }] })).toBeNull();
    expect(roleChangeProblem({ ...base, before: [admin, agent3], after: [agent3] })).toBeNull();
  });
  it("keeps at least one role", () => {
    expect(roleChangeProblem({ ...base, before: [agent3], after: [] })).toBe("errors.noRoleLeft");
  });
  it("refuses removing one's own admin role", () => {
    expect(roleChangeProblem({ ...base, actorId: "b", before: [admin, agent3], after: [agent3] })).toBe("errors.ownAdmin");
  });
  it("refuses removing the last active admin", () => {
    expect(roleChangeProblem({ ...base, activeAdmins: 1, before: [admin, agent3], after: [agent3] })).toBe("errors.lastAdmin");
    expect(roleChangeProblem({ ...base, activeAdmins: 1, targetDisabled: true, before: [admin, agent3], after: [agent3] })).toBeNull();
  });
});

describe("disableProblem", () => {
  it("refuses disabling oneself and the last admin", () => {
    expect(disableProblem({ actorId: "a", targetId: "a", targetIsAdmin: true, activeAdmins: 3 })).toBe("errors.disableSelf");
    expect(disableProblem({ actorId: "a", targetId: "b", targetIsAdmin: true, activeAdmins: 1 })).toBe("errors.lastAdmin");
    expect(disableProblem({ actorId: "a", targetId: "b", targetIsAdmin: false, activeAdmins: 1 })).toBeNull();
  });
});
