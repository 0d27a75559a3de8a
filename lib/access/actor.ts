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
}
