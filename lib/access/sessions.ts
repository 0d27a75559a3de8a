/**
 * The clinical-session policy, as data. Nothing outside lib/access/ compares session levels:
 * pages, actions and domain functions ask `canSession` / `assertCanSession`, and the list
 * queries (lib/sessions/visible-sessions.ts) apply the same rules in SQL — a test holds both
 * to the same answers (tests/integration/sessions-access-matrix.test.ts).
 */
import type { StaffActor } from "./actor";
import { EMERGENCY_ACCESS_LEVEL, roleAllowsEmergencyAccess } from "./emergency-access";
import type { Level, RolePermissions } from "./permissions";

/** What a share grants. */
export const SHARE_LEVELS = ["view", "edit", "full"] as const;
export type ShareLevel = (typeof SHARE_LEVELS)[number];

/** An actor's effective access to one session: the highest level any rule gives, under the role's ceiling. */
export const SESSION_LEVELS = ["none", "view", "edit", "full", "owner"] as const;
export type SessionLevel = (typeof SESSION_LEVELS)[number];

const SESSION_LEVEL_RANK = { none: 0, view: 1, edit: 2, full: 3, owner: 4 } as const satisfies Record<SessionLevel, number>;

export const SESSION_PERMISSIONS = [
  "session:view",
  "session:edit_notes",
  "session:change_status",
  "session:edit_context",
  "session:edit_documents",
  "session:change_patient",
  "session:share",
  "session:manage_access",
  "session:set_visibility",
  "session:delete",
] as const;
export type SessionPermission = (typeof SESSION_PERMISSIONS)[number];

const READ = ["session:view"] as const satisfies readonly SessionPermission[];
const EDIT = [
  ...READ,
  "session:edit_notes",
  "session:change_status",
  "session:edit_context",
  "session:edit_documents",
  "session:change_patient",
] as const satisfies readonly SessionPermission[];
const FULL = [...EDIT, "session:share", "session:manage_access"] as const satisfies readonly SessionPermission[];

/**
 * Level → permissions. `full` shares onward and manages other people's shares (never the owner's:
 * the owner holds no share to manage). Only the owner sets visibility and deletes.
 */
export const SESSION_LEVEL_PERMISSIONS = {
  none: [],
  view: READ,
  edit: EDIT,
  full: FULL,
  owner: [...FULL, "session:set_visibility", "session:delete"],
} as const satisfies Record<SessionLevel, readonly SessionPermission[]>;

/**
 * The role's `sessions` permission is a ceiling on every rule, ownership included:
 * - none: no Sessions area, no access to any session, cannot receive shares;
 * - view: may only receive shares and is held at View — an Edit or Full share is refused when
 *   granted, and one granted before the role was lowered counts as View; an owner whose role
 *   is lowered to view can still read their sessions but not change, share or delete them;
 * - edit: no cap (may create and own sessions).
 */
export const SESSION_ROLE_CEILING = {
  none: "none",
  view: "view",
  edit: "owner",
} as const satisfies Record<Level, SessionLevel>;

/** The highest share a person with this role may receive (null: none at all). */
export const MAX_SHARE_FOR_ROLE = {
  none: null,
  view: "view",
  edit: "full",
} as const satisfies Record<Level, ShareLevel | null>;

export const SHARE_LEVEL_LABELS = { view: "View", edit: "Edit", full: "Full access" } as const satisfies Record<ShareLevel, string>;

export const SHARE_LEVEL_HINTS = {
  view: "Read-only access to the session and its contents.",
  edit: "Edit notes, update status, add documents, edit context and manage the patient profile.",
  full: "Everything in Edit, plus share the session onwards and manage who has access.",
} as const satisfies Record<ShareLevel, string>;

export const SESSION_LEVEL_LABELS = { none: "No access", owner: "Owner", ...SHARE_LEVEL_LABELS } as const satisfies Record<SessionLevel, string>;

/** The facts about one session the policy needs; `share` is the actor's own direct share, if any. */
export interface SessionAccessFacts {
  organisationId: string;
  ownerId: string;
  teamId: string | null;
  visibility: "private" | "team";
  deletedAt: Date | null;
  share: ShareLevel | null;
  /**
   * The end of the actor's emergency grant on this session, set only when the grant was live at
   * the instant the facts were read (the SQL judges the time: lib/access/emergency-access.ts).
   */
  emergencyUntil?: Date | null;
}

function higher(a: SessionLevel, b: SessionLevel): SessionLevel {
  return SESSION_LEVEL_RANK[a] >= SESSION_LEVEL_RANK[b] ? a : b;
}

/**
 * The actor's level on a session: the highest of owner / direct share / team visibility, capped
 * by the role (an emergency grant adds View). The actor is read fresh from the database on every request (requireStaff), so a
 * person whose membership is not active never gets here; another organisation's session is "none".
 */
export function sessionAccess(actor: StaffActor, session: SessionAccessFacts): SessionLevel {
  if (session.deletedAt || session.organisationId !== actor.organisationId) return "none";
  let level: SessionLevel = "none";
  if (session.ownerId === actor.userId) level = "owner";
  if (session.share) level = higher(level, session.share);
  if (session.visibility === "team" && session.teamId && actor.teamIds.includes(session.teamId)) level = higher(level, "view");
  // Emergency access adds View and nothing more (and only while the role still allows it).
  if (session.emergencyUntil && roleAllowsEmergencyAccess(actor, "session")) level = higher(level, EMERGENCY_ACCESS_LEVEL);
  const ceiling = SESSION_ROLE_CEILING[actor.role.permissions.sessions];
  return SESSION_LEVEL_RANK[level] > SESSION_LEVEL_RANK[ceiling] ? ceiling : level;
}

export function levelAllows(level: SessionLevel, permission: SessionPermission): boolean {
  return (SESSION_LEVEL_PERMISSIONS[level] as readonly SessionPermission[]).includes(permission);
}

export function canSession(actor: StaffActor, permission: SessionPermission, session: SessionAccessFacts): boolean {
  return levelAllows(sessionAccess(actor, session), permission);
}

/** What the UI may offer for a level (each flag from the table above, never an inline comparison). */
export function sessionAbilities(level: SessionLevel) {
  return {
    level,
    editNotes: levelAllows(level, "session:edit_notes"),
    changeStatus: levelAllows(level, "session:change_status"),
    editContext: levelAllows(level, "session:edit_context"),
    editDocuments: levelAllows(level, "session:edit_documents"),
    changePatient: levelAllows(level, "session:change_patient"),
    share: levelAllows(level, "session:share"),
    manageAccess: levelAllows(level, "session:manage_access"),
    setVisibility: levelAllows(level, "session:set_visibility"),
    delete: levelAllows(level, "session:delete"),
  };
}
export type SessionAbilities = ReturnType<typeof sessionAbilities>;

/** May this role create (and so own) sessions? */
export function canOwnSessions(permissions: Pick<RolePermissions, "sessions">): boolean {
  return SESSION_ROLE_CEILING[permissions.sessions] === "owner";
}

/** Shares reach only roles that open the Sessions area, and never above the role's ceiling. */
export function shareAllowedForRole(level: ShareLevel, permissions: Pick<RolePermissions, "sessions">): boolean {
  const max = MAX_SHARE_FOR_ROLE[permissions.sessions];
  return max !== null && SESSION_LEVEL_RANK[level] <= SESSION_LEVEL_RANK[max];
}

export function maxShareForRole(permissions: Pick<RolePermissions, "sessions">): ShareLevel | null {
  return MAX_SHARE_FOR_ROLE[permissions.sessions];
}

/** What a stored share is worth under the holder's current role (a role lowered later caps it). */
export function effectiveShareLevel(share: ShareLevel, permissions: Pick<RolePermissions, "sessions">): ShareLevel | null {
  const max = MAX_SHARE_FOR_ROLE[permissions.sessions];
  if (max === null) return null;
  return SESSION_LEVEL_RANK[share] <= SESSION_LEVEL_RANK[max] ? share : max;
}

/** Role levels whose holders may receive shares / own sessions (for SQL filters that must match the tables above). */
export const ROLE_LEVELS_RECEIVING_SHARES = (Object.keys(MAX_SHARE_FOR_ROLE) as Level[]).filter((l) => MAX_SHARE_FOR_ROLE[l] !== null);
export const ROLE_LEVELS_OWNING_SESSIONS = (Object.keys(SESSION_ROLE_CEILING) as Level[]).filter((l) => SESSION_ROLE_CEILING[l] === "owner");

/** The levels a recipient with this role may be given, lowest first (for the share dialog). */
export function shareLevelsForRole(permissions: Pick<RolePermissions, "sessions">): ShareLevel[] {
  return SHARE_LEVELS.filter((l) => shareAllowedForRole(l, permissions));
}
