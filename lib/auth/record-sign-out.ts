import "server-only";
import { getDb } from "@/db/client";
import { auth } from "./auth";
import { endAuthSessions } from "./auth-sessions/end-auth-sessions";

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

/** Ends one auth session of its own user (the sign-out path, callable without a request). */
export async function signOutAuthSession(input: { userId: string; authSessionId: string }): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ended = await endAuthSessions(tx, {
      userId: input.userId,
      ids: [input.authSessionId],
      reason: "signed_out",
      audit: { actor: { type: "user", id: input.userId } },
    });
    return ended.length > 0;
  });
}
