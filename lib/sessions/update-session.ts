import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { clinicalSessions } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import type { SessionPermission } from "@/lib/access/sessions";
import { assertCanSession } from "@/lib/access/sessions-assert";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { loadSession } from "./load-session";
import type { updateSessionInput } from "./schemas";

/** The permission each editable field needs. */
const FIELD_PERMISSION = {
  notes: "session:edit_notes",
  context: "session:edit_context",
  status: "session:change_status",
} as const satisfies Record<"notes" | "context" | "status", SessionPermission>;

/** Saves notes, context and/or status. Every submitted field needs its permission, changed or not. */
export async function updateSession(actor: StaffActor, input: z.output<typeof updateSessionInput>): Promise<void> {
  const fields = (Object.keys(FIELD_PERMISSION) as (keyof typeof FIELD_PERMISSION)[]).filter((f) => input[f] !== undefined);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const session = await loadSession(tx, actor, input.sessionId, { lock: true });
    await assertCanSession(actor, "session:view", input.sessionId, session?.facts ?? null);
    for (const field of fields) await assertCanSession(actor, FIELD_PERMISSION[field], input.sessionId, session!.facts);
    const changed = fields.filter((f) => input[f] !== session![f]);
    if (changed.length === 0) return;
    await tx
      .update(clinicalSessions)
      .set({ notes: input.notes, context: input.context, status: input.status, updatedAt: new Date() })
      .where(eq(clinicalSessions.id, session!.id));
    await recordStaffAudit(tx, actor, {
      action: "session.updated",
      target: { type: "clinical_session", id: session!.id },
      clientId: session!.clientId,
      // Which fields, never their content: notes are clinical.
      metadata: { fields: changed, ...(changed.includes("status") ? { from: session!.status, to: input.status } : {}) },
    });
  });
}
