import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { clinicalSessions } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { loadSessionFor } from "./load-session";
import { assertPatientChoosable } from "./patient-choices";
import type { setSessionPatientInput } from "./schemas";

/** Sets (or clears) the session's patient profile: a client the actor may see. */
export async function setSessionPatient(actor: StaffActor, input: z.output<typeof setSessionPatientInput>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const session = await loadSessionFor(tx, actor, input.sessionId, "session:change_patient", { lock: true });
    if (session.clientId === input.clientId) return;
    if (input.clientId) await assertPatientChoosable(tx, actor, input.clientId);
    await tx.update(clinicalSessions).set({ clientId: input.clientId, updatedAt: new Date() }).where(eq(clinicalSessions.id, session.id));
    await recordStaffAudit(tx, actor, {
      action: "session.patient_changed",
      target: { type: "clinical_session", id: session.id },
      // The new patient; clearing it is still about the one it was.
      clientId: input.clientId ?? session.clientId,
      metadata: { from: session.clientId, to: input.clientId },
    });
  });
}
