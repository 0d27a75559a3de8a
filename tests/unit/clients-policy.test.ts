import { describe, expect, it } from "vitest";
import type { StaffActor } from "@/lib/access/actor";
import { BUILT_IN_ROLES } from "@/lib/access/permissions";
import { CLIENT_PERMISSIONS, canClient, clientAbilities, roleMayHoldClientAccess } from "@/lib/access/clients";
import { checkIntakeAnswers, type IntakeField } from "@/lib/clients/intake-fields";
import { createSeparateProfileInput } from "@/lib/clients/schemas";

const actor = (role: keyof typeof BUILT_IN_ROLES): StaffActor => ({
  userId: "u", name: "n", email: "e", organisationId: "o", organisationName: "O", membershipId: "m", teamIds: [],
  role: { id: "r", name: role, builtIn: role, permissions: { ...BUILT_IN_ROLES[role].permissions } },
});

describe("client policy table", () => {
  it("admins manage access and profiles; clinicians and secretaries never do, even on a chart they see", () => {
    expect(clientAbilities(actor("admin"), true)).toEqual({ view: true, edit: true, manageAccess: true, createProfile: true, linkContact: true, unlinkContact: true, invitePortal: true, sendForm: true, readForm: true });
    expect(clientAbilities(actor("clinician"), true)).toEqual({ view: true, edit: true, manageAccess: false, createProfile: false, linkContact: false, unlinkContact: false, invitePortal: false, sendForm: true, readForm: true });
    expect(clientAbilities(actor("medical_secretary"), true)).toMatchObject({ edit: true, manageAccess: false, unlinkContact: false, invitePortal: false, sendForm: true });
  });

  it("portal invitations and revocations are the admins' job; practitioners with access still send intake forms", () => {
    expect(canClient(actor("admin"), "client:invite_portal", true)).toBe(true);
    expect(canClient(actor("clinician"), "client:invite_portal", true)).toBe(false);
    expect(canClient(actor("clinician"), "client:send_form", true)).toBe(true);
    expect(canClient(actor("medical_secretary"), "client:invite_portal", true)).toBe(false);
  });

  it("only roles whose charts come from the access list may be put on one", () => {
    expect(roleMayHoldClientAccess(BUILT_IN_ROLES.clinician.permissions)).toBe(true);
    expect(roleMayHoldClientAccess(BUILT_IN_ROLES.admin.permissions)).toBe(false);
    expect(roleMayHoldClientAccess(BUILT_IN_ROLES.medical_secretary.permissions)).toBe(false);
    expect(roleMayHoldClientAccess({ patients: "none", clientScope: "assigned" })).toBe(false);
    expect(roleMayHoldClientAccess({ patients: "view", clientScope: "assigned" })).toBe(true);
  });

  it("nothing on a chart the actor does not see, whatever the role", () => {
    for (const role of ["admin", "clinician", "medical_secretary"] as const)
      for (const p of CLIENT_PERMISSIONS.filter((x) => x !== "client:create")) expect(canClient(actor(role), p, false)).toBe(false);
  });

  it("the role is a ceiling: patients: none opens no chart even on the access list", () => {
    const a = actor("clinician");
    a.role.permissions.patients = "none";
    expect(canClient(a, "client:view", true)).toBe(false);
    a.role.permissions.patients = "view";
    expect(canClient(a, "client:view", true)).toBe(true);
    expect(canClient(a, "client:send_form", true)).toBe(false);
    expect(canClient(a, "client:edit", true)).toBe(false);
  });
});

describe("client forms", () => {
  it("a separate profile with no practitioner chosen says which field, in words", () => {
    const r = createSeparateProfileInput.safeParse({ clientId: "00000000-0000-4000-8000-000000000000", practitionerId: "" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["practitionerId", "Choose a practitioner."]]);
  });
});

describe("intake answers", () => {
  const fields: IntakeField[] = [
    { id: "t", label: "T", type: "text", required: true },
    { id: "c", label: "C", type: "choice", options: ["Yes", "No"] },
    { id: "d", label: "D", type: "date" },
    { id: "s", label: "S", type: "signature", required: true },
  ];
  it("a draft may be incomplete; a submission may not; unknown keys are dropped", () => {
    expect(checkIntakeAnswers(fields, { t: " hi ", extra: "x" }, "draft")).toEqual({ ok: true, answers: { t: "hi" } });
    expect(checkIntakeAnswers(fields, { t: "hi" }, "submit")).toEqual({ ok: false, fieldErrors: { s: "Type your full name to sign." } });
  });
  it("choices must be an option, dates real", () => {
    expect(checkIntakeAnswers(fields, { c: "Maybe", d: "2025-02-29" }, "draft")).toEqual({ ok: false, fieldErrors: { c: "Choose one of the options.", d: "Enter a valid date." } });
    expect(checkIntakeAnswers(fields, { t: "a", c: "No", d: "2024-02-29", s: "Jo Lee" }, "submit")).toEqual({ ok: true, answers: { t: "a", c: "No", d: "2024-02-29", s: "Jo Lee" } });
  });
});
