import type { RolePermissions } from "./permissions";

/** A signed-in staff member acting inside one organisation, read fresh from the database on each request. */
export interface StaffActor {
  userId: string;
  name: string;
  email: string;
  organisationId: string;
  organisationName: string;
  membershipId: string;
  role: { id: string; name: string; builtIn: string | null; permissions: RolePermissions };
  teamIds: string[];
  /** The sign-in (auth session) behind this request; absent for actors built outside a request (tests, scripts). */
  authSession?: { id: string; idleTimeoutMinutes: number; lastActiveAt: Date };
  /**
   * The organisation's emergency-access setting as read with the actor in the guard's one query
   * (every record page's not-found panel offers it); absent outside a request: read it then.
   */
  emergencyAccess?: { enabled: boolean; hours: number };
  /** The organisations the person is an active member of (the header's switcher), read in the same query. */
  organisations?: { id: string; name: string }[];
}
