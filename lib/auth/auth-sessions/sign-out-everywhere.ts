import "server-only";
import { getDb } from "@/db/client";
import type { StaffActor } from "@/lib/access/actor";
import { endAuthSessions } from "./end-auth-sessions";

/** "Sign out of all devices": every live sign-in of the person ends, this one included. Returns how many. */
export async function signOutEverywhere(actor: StaffActor): Promise<number> {
  const db = await getDb();
  const ended = await db.transaction((tx) =>
    endAuthSessions(tx, {
      userId: actor.userId,
      reason: "signed_out_everywhere",
      audit: { actor: { type: "user", id: actor.userId }, organisationId: actor.organisationId },
    }),
  );
  return ended.length;
}
