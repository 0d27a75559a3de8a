import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb, type Executor } from "@/db/client";
import { auditEvents, clinicalSessions, users } from "@/db/schema";
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

const BASE_OF = { notes: "notesBase", context: "contextBase" } as const;

/** What someone else saved since the autosave's version: their text, kept beside the person's own. */
export interface SessionEditConflict {
  version: number;
  notes?: string;
  context?: string;
  changedByName: string | null;
  changedAt: Date;
}

export type UpdateSessionResult = { saved: true; version: number } | { saved: false; conflict: SessionEditConflict };

/**
 * Saves notes, context and/or status. Every submitted field needs its permission, changed or not.
 * An autosave carries the version and the text it started from: when the session has moved on
 * (another person's save) and a submitted field's stored text is no longer the one it started from,
 * nothing is written and the other version comes back, so neither text is lost. A newer version
 * that changed only other fields (the person's own status change, say) is no conflict.
 */
export async function updateSession(actor: StaffActor, input: z.output<typeof updateSessionInput>): Promise<UpdateSessionResult> {
  const fields = (Object.keys(FIELD_PERMISSION) as (keyof typeof FIELD_PERMISSION)[]).filter((f) => input[f] !== undefined);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const loaded = await loadSession(tx, actor, input.sessionId, { lock: true });
    await assertCanSession(actor, "session:view", input.sessionId, loaded?.facts ?? null);
    const session = loaded!;
    for (const field of fields) await assertCanSession(actor, FIELD_PERMISSION[field], input.sessionId, session.facts);

    if (input.version !== undefined && input.version !== session.version) {
      const clashing = (["notes", "context"] as const).filter((f) => {
        const base = input[BASE_OF[f]];
        return input[f] !== undefined && base !== undefined && session[f] !== base && session[f] !== input[f];
      });
      if (clashing.length) {
        return {
          saved: false,
          conflict: {
            version: session.version,
            ...Object.fromEntries(clashing.map((f) => [f, session[f]])),
            changedByName: await lastEditorName(tx, session.id),
            changedAt: session.updatedAt,
          },
        };
      }
    }

    const changed = fields.filter((f) => input[f] !== session[f]);
    if (changed.length === 0) return { saved: true, version: session.version };
    const [row] = await tx
      .update(clinicalSessions)
      .set({ notes: input.notes, context: input.context, status: input.status, version: sql`${clinicalSessions.version} + 1`, updatedAt: new Date() })
      .where(eq(clinicalSessions.id, session.id))
      .returning({ version: clinicalSessions.version });
    await recordStaffAudit(tx, actor, {
      action: "session.updated",
      target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
      // Which fields, never their content: notes are clinical.
      metadata: { fields: changed, ...(changed.includes("status") ? { from: session.status, to: input.status } : {}) },
    });
    return { saved: true, version: row!.version };
  });
}

/** Who saved the session last, from its audit trail (the conflict message names them). */
async function lastEditorName(exec: Executor, sessionId: string): Promise<string | null> {
  const [row] = await exec
    .select({ name: users.name })
    .from(auditEvents)
    .innerJoin(users, sql`${users.id}::text = ${auditEvents.actorId}`)
    .where(and(eq(auditEvents.targetType, "clinical_session"), eq(auditEvents.targetId, sessionId), eq(auditEvents.action, "session.updated")))
    .orderBy(desc(auditEvents.createdAt))
    .limit(1);
  return row?.name ?? null;
}
