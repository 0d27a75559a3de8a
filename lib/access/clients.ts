/**
 * The client-chart policy, as data. Nothing outside lib/access/ decides who may do what to a
 * chart: pages, actions and domain functions ask `clientAbilities` / `assertCanClient`
 * (clients-assert.ts), and lists filter with the same rule in SQL (client-visibility.ts).
 *
 * Two facts decide every answer:
 * - does the actor see the chart at all? (role `patients` ≥ view, and client scope "all" or the
 *   actor is on the chart's access list, and an active membership) — see client-visibility.ts;
 * - the role's area levels, which are a ceiling: an access-list entry never lifts anyone above them.
 */
import type { StaffActor } from "./actor";
import type { ChartSight } from "./emergency-access";
import { levelAtLeast, type Area, type RolePermissions } from "./permissions";

export const CLIENT_PERMISSIONS = [
  "client:view", // open the chart (every view is audited)
  "client:create", // Clients → Add → Individual
  "client:edit", // Overview → Edit details (name, date of birth, email, phone, address)
  "client:manage_access", // the chart's access list
  "client:create_profile", // "Create a separate profile for this person…"
  "client:link_contact", // Portal tab → "+" (existing client or new contact)
  "client:unlink_contact", // Portal tab → Remove a contact link
  "client:invite_portal", // Portal tab → Invite to portal (and its "can manage information" switch) / Revoke
  "client:send_form", // Portal tab → send an intake form
  "client:read_form", // read a submitted intake form
] as const;
export type ClientPermission = (typeof CLIENT_PERMISSIONS)[number];

interface Need {
  /** The role's area level the permission needs (the ceiling). */
  area: Area;
  level: "view" | "edit";
  /** Also needs the admin pages (settings: edit): access lists and profiles are the admins' job. */
  admin: boolean;
  /** Needs the chart to be visible to the actor (false only for creating a new chart). */
  chart: boolean;
}

export const CLIENT_PERMISSION_NEEDS = {
  "client:view": { area: "patients", level: "view", admin: false, chart: true },
  "client:create": { area: "patients", level: "edit", admin: true, chart: false },
  // Whoever may edit the chart: `patients` edit and the chart visible (Admin, Medical secretary,
  // a Clinician on the access list).
  "client:edit": { area: "patients", level: "edit", admin: false, chart: true },
  "client:manage_access": { area: "patients", level: "edit", admin: true, chart: true },
  "client:create_profile": { area: "patients", level: "edit", admin: true, chart: true },
  "client:link_contact": { area: "patients", level: "edit", admin: true, chart: true },
  // Whoever may link may unlink: the contacts of a profile decide who can be invited to its portal.
  "client:unlink_contact": { area: "patients", level: "edit", admin: true, chart: true },
  // Portal logins are set up (and taken away) by an administrator only — the reference article:
  // "this action may only be initiated by an administrator". Practitioners with access still send
  // intake forms to a profile's portal (step 6).
  "client:invite_portal": { area: "patients", level: "edit", admin: true, chart: true },
  "client:send_form": { area: "patients", level: "edit", admin: false, chart: true },
  "client:read_form": { area: "patients", level: "view", admin: false, chart: true },
} as const satisfies Record<ClientPermission, Need>;

/** Role-level part of the rule: ignoring which chart, does the role allow it? */
export function roleAllowsClient(actor: StaffActor, permission: ClientPermission): boolean {
  return rolePermissionsAllowClient(actor.role.permissions, permission);
}

/** The same for a role's permissions (e.g. to find who may answer a request for a chart). */
export function rolePermissionsAllowClient(permissions: RolePermissions, permission: ClientPermission): boolean {
  const need: Need = CLIENT_PERMISSION_NEEDS[permission];
  if (!levelAtLeast(permissions[need.area], need.level)) return false;
  if (need.admin && !levelAtLeast(permissions.settings, "edit")) return false;
  return true;
}

/**
 * What an emergency grant allows on its chart: View — the permissions that only read the chart
 * (need the area at view, and are not the admins' job). Everything else stays refused.
 */
export function emergencyAllowsClient(permission: ClientPermission): boolean {
  const need: Need = CLIENT_PERMISSION_NEEDS[permission];
  return need.chart && need.level === "view" && !need.admin;
}

/**
 * The full rule, given how much of the chart the actor sees (clientSight; `true` = "full", as
 * from canSeeClient without emergency grants).
 */
export function canClient(actor: StaffActor, permission: ClientPermission, chartVisible: boolean | ChartSight): boolean {
  if (!roleAllowsClient(actor, permission)) return false;
  if (!CLIENT_PERMISSION_NEEDS[permission].chart) return true;
  const sight: ChartSight = chartVisible === true ? "full" : chartVisible === false ? "none" : chartVisible;
  return sight === "full" || (sight === "emergency" && emergencyAllowsClient(permission));
}

/** What the chart UI may offer (each flag from the table above, never an inline role check). */
export function clientAbilities(actor: StaffActor, chartVisible: boolean | ChartSight) {
  return {
    view: canClient(actor, "client:view", chartVisible),
    edit: canClient(actor, "client:edit", chartVisible),
    manageAccess: canClient(actor, "client:manage_access", chartVisible),
    createProfile: canClient(actor, "client:create_profile", chartVisible),
    linkContact: canClient(actor, "client:link_contact", chartVisible),
    unlinkContact: canClient(actor, "client:unlink_contact", chartVisible),
    invitePortal: canClient(actor, "client:invite_portal", chartVisible),
    sendForm: canClient(actor, "client:send_form", chartVisible),
    readForm: canClient(actor, "client:read_form", chartVisible),
  };
}
export type ClientAbilities = ReturnType<typeof clientAbilities>;

/** Whether a role's client scope shows every chart of the organisation (otherwise: the access list). */
export function seesAllClients(actor: StaffActor): boolean {
  return actor.role.permissions.clientScope === "all";
}

/**
 * Who may be put on an access list: a member whose role opens charts and whose client scope is
 * "assigned" — the list is what decides which charts they see. A role that sees every chart
 * (Admin, Medical secretary) gains nothing from the list, so it is never offered.
 */
export function roleMayHoldClientAccess(permissions: Pick<RolePermissions, "patients" | "clientScope">): boolean {
  return levelAtLeast(permissions.patients, "view") && permissions.clientScope === "assigned";
}

/** Whose role opens every chart of the organisation (Admin, Medical secretary): the list is not needed. */
export function roleSeesEveryChart(permissions: Pick<RolePermissions, "patients" | "clientScope">): boolean {
  return levelAtLeast(permissions.patients, "view") && permissions.clientScope === "all";
}

/** Whether a member on a chart's access list actually opens it through the list (role permitting). */
export function roleOpensChartsFromList(permissions: Pick<RolePermissions, "patients">): boolean {
  return levelAtLeast(permissions.patients, "view");
}
