/**
 * The policy's tables. Nothing outside lib/access/ compares roles or levels.
 */
export const AREAS = ["contacts", "letters", "patients", "labs", "invoices", "sessions", "settings"] as const;
export type Area = (typeof AREAS)[number];

export const LEVELS = ["none", "view", "edit"] as const;
export type Level = (typeof LEVELS)[number];

export type ClientScope = "all" | "assigned";

export type AreaPermissions = Record<Area, Level>;
export interface RolePermissions extends AreaPermissions, RoleFlags {
  clientScope: ClientScope;
}

/** Permissions that are on or off rather than a level per area (each has a label, a hint and a control on the role editor). */
export const ROLE_FLAGS = ["auditLog", "emergencyAccess"] as const;
export type RoleFlag = (typeof ROLE_FLAGS)[number];
export type RoleFlags = Record<RoleFlag, boolean>;

export const ROLE_FLAG_LABELS = {
  auditLog: "Audit log",
  emergencyAccess: "Emergency access",
} as const satisfies Record<RoleFlag, string>;

export const ROLE_FLAG_HINTS = {
  auditLog: "Read Settings → Audit log (who opened, changed, shared or downloaded what) and export it.",
  emergencyAccess: "May open a chart or session they have no access to, read-only for a limited time, by giving a reason. Admins are told at once and review each use.",
} as const satisfies Record<RoleFlag, string>;

const LEVEL_RANK = { none: 0, view: 1, edit: 2 } as const satisfies Record<Level, number>;

export function levelAtLeast(have: Level, need: Exclude<Level, "none">): boolean {
  return LEVEL_RANK[have] >= LEVEL_RANK[need];
}

export const BUILT_IN_ROLES = {
  admin: {
    name: "Admin",
    permissions: { contacts: "edit", letters: "edit", patients: "edit", labs: "edit", invoices: "edit", sessions: "edit", settings: "edit", clientScope: "all", auditLog: true, emergencyAccess: true },
  },
  clinician: {
    name: "Clinician",
    permissions: { contacts: "edit", letters: "edit", patients: "edit", labs: "edit", invoices: "view", sessions: "edit", settings: "none", clientScope: "assigned", auditLog: false, emergencyAccess: true },
  },
  medical_secretary: {
    name: "Medical secretary",
    permissions: { contacts: "edit", letters: "edit", patients: "edit", labs: "edit", invoices: "edit", sessions: "none", settings: "none", clientScope: "all", auditLog: false, emergencyAccess: false },
  },
} as const satisfies Record<string, { name: string; permissions: RolePermissions }>;

export type BuiltInRole = keyof typeof BUILT_IN_ROLES;

export const AREA_LABELS = {
  contacts: "Contacts",
  letters: "Letters",
  patients: "Patients",
  labs: "Labs",
  invoices: "Invoices",
  sessions: "Sessions",
  settings: "Settings",
} as const satisfies Record<Area, string>;

export const AREA_HINTS = {
  contacts: "External contacts: GPs, insurers, specialist clinics.",
  letters: "Letters to and about clients.",
  patients: "Client charts, prescriptions and other documents.",
  labs: "Lab results.",
  invoices: "Invoices and payments.",
  sessions: "Edit: create sessions. View: only receive shared sessions.",
  settings: "Edit: the admin pages (members, teams, roles, sharing).",
} as const satisfies Record<Area, string>;

/** An admin, for "the organisation keeps at least one admin", is anyone whose role may edit settings. */
export function isAdminRole(permissions: AreaPermissions): boolean {
  return permissions.settings === "edit";
}
