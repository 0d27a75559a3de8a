import "server-only";
import { signOutAuthSession } from "./auth-sessions/sign-out-auth-session";
import { readStaffSessionToken } from "./session-token";

/**
 * Sign-out: ends the auth session the current cookie names (and audits it), so the JWT is
 * worthless from the next request on even if it was copied. The caller then clears the cookie.
 * The cookie is read as the staff guard reads it (session-token.ts), so both agree on whose it is.
 */
export async function recordSignOut(): Promise<void> {
  const token = await readStaffSessionToken();
  if (!token) return;
  await signOutAuthSession(token);
}
