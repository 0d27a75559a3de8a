import { describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/access/actor";
import { navigationFor } from "@/lib/access/navigation";
import { BUILT_IN_ROLES, isAdminRole, levelAtLeast } from "@/lib/access/permissions";

const actorWith = (role: keyof typeof BUILT_IN_ROLES): StaffActor => ({
  userId: "u",
  name: "n",
  email: "e",
  organisationId: "o",
  organisationName: "Harbour Health Group",
  membershipId: "m",
  role: { id: "r", name: BUILT_IN_ROLES[role].name, builtIn: role, permissions: { ...BUILT_IN_ROLES[role].permissions } },
  teamIds: [],
});

describe("what each built-in role sees in the navigation", () => {
  it("gives admins every area including Settings", () => {
    expect(navigationFor(actorWith("admin"))).toEqual(["sessions", "clients", "documents", "contacts", "notifications", "settings"]);
  });
  it("gives clinicians the clinical areas but not Settings", () => {
    expect(navigationFor(actorWith("clinician"))).toEqual(["sessions", "clients", "documents", "contacts", "notifications"]);
  });
  it("gives medical secretaries no Sessions area and no Settings", () => {
    expect(navigationFor(actorWith("medical_secretary"))).toEqual(["clients", "documents", "contacts", "notifications"]);
  });
  it("hides an area whose permission a custom role sets to none", () => {
    const actor = actorWith("clinician");
    actor.role.permissions = { ...actor.role.permissions, contacts: "none", letters: "none", patients: "none", labs: "none", invoices: "none" };
    expect(navigationFor(actor)).toEqual(["sessions", "notifications"]);
  });
});

describe("permission levels", () => {
  it("orders none < view < edit", () => {
    expect(levelAtLeast("edit", "view")).toBe(true);
    expect(levelAtLeast("view", "view")).toBe(true);
    expect(levelAtLeast("view", "edit")).toBe(false);
    expect(levelAtLeast("none", "view")).toBe(false);
  });
  it("treats only settings:edit as an admin", () => {
    expect(isAdminRole(BUILT_IN_ROLES.admin.permissions)).toBe(true);
    expect(isAdminRole(BUILT_IN_ROLES.clinician.permissions)).toBe(false);
    expect(isAdminRole(BUILT_IN_ROLES.medical_secretary.permissions)).toBe(false);
  });
});
