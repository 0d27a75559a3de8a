import "server-only";
import { getDb } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { endAuthSessions } from "./end-auth-sessions";

/** "Sign out" on one device of the person's own device list. Only their own sign-ins can be named. */
export async function signOutDevice(actor: StaffActor, input: { authSessionId: string }): Promise<void> {
  const db = await getDb();
  await db.transaction((tx) =>
    endAuthSessions(tx, {
      userId: actor.userId,
      ids: [input.authSessionId],
      reason: "signed_out_by_user",
      audit: { actor: { type: "user", id: actor.userId }, organisationId: actor.organisationId, target: { type: "auth_session", id: input.authSessionId } },
    }),
  );
}
