/** A signed-in client (a portal login), read fresh from the database on each request. */
export interface PortalClient {
  accountId: string;
  name: string;
  email: string;
  sessionId: string;
}

/** The portal sign-in cookie: HttpOnly, SameSite=Lax, Secure in production; only its hash is stored. */
export const PORTAL_COOKIE = "carebridge_portal";
export const PORTAL_SESSION_HOURS = 12;

