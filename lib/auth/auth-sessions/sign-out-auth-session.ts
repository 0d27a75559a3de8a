import "server-only";
import { getDb } from "@/db/client";
import { endAuthSessions } from "./end-auth-sessions";

/** Sign-out: ends one auth session of its own user, audited in its organisation. False if it had already ended. */
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
