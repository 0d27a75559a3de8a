import "server-only";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { clinicalSessions } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { assertPatientChoosable } from "./patient-choices";
import type { createSessionInput } from "./schemas";
import { once } from "@/lib/idempotency/once";

/** Starts a session owned by the actor. A role with sessions: view may only receive shares. */
export async function createSession(actor: StaffActor, input: z.output<typeof createSessionInput>): Promise<{ sessionId: string }> {
  await assertCan(actor, "sessions:edit");
  if (input.teamId && !actor.teamIds.includes(input.teamId)) throw new AppError("invalid_input", { field: "teamId" });
  if (input.visibility === "team" && !input.teamId) throw new AppError("invalid_input", { field: "teamId" });
  const db = await getDb();
  return db.transaction((tx) =>
    once(tx, { actor, key: input.idempotencyKey, action: "session.create" }, async () => {
      if (input.clientId) await assertPatientChoosable(tx, actor, input.clientId);
      const [session] = await tx
        .insert(clinicalSessions)
        .values({
          organisationId: actor.organisationId,
          ownerId: actor.userId,
          title: input.title,
          clientId: input.clientId,
          teamId: input.teamId,
          visibility: input.visibility,
        })
        .returning({ id: clinicalSessions.id });
      await recordStaffAudit(tx, actor, {
        action: "session.created",
        target: { type: "clinical_session", id: session!.id },
        clientId: input.clientId,
        metadata: { visibility: input.visibility, teamId: input.teamId, clientId: input.clientId },
      });
      return { sessionId: session!.id };
    }));
}
