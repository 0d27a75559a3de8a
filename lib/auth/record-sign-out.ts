import "server-only";
import { auth } from "./auth";
import { signOutAuthSession } from "./auth-sessions/sign-out-auth-session";

/**
 * Sign-out: ends the auth session the current cookie names (and audits it), so the JWT is
 * worthless from the next request on even if it was copied. The caller then clears the cookie.
 */
export async function recordSignOut(): Promise<void> {
  const authn = await auth();
  const userId = authn?.user?.id;
  const authSessionId = authn?.authSessionId;
  if (!userId || !authSessionId) return;
  await signOutAuthSession({ userId, authSessionId });
}
