import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { clinicalSessions } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { loadSessionFor } from "./load-session";
import type { setSessionVisibilityInput } from "./schemas";

/**
 * The owner chooses private or visible to a team (one of their own teams, or the session's current
 * one). Direct shares are untouched: team visibility adds to them, never replaces them.
 */
export async function setSessionVisibility(actor: StaffActor, input: z.output<typeof setSessionVisibilityInput>): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const session = await loadSessionFor(tx, actor, input.sessionId, "session:set_visibility", { lock: true });
    const teamId = input.teamId ?? session.teamId;
    if (input.visibility === "team" && !teamId) throw new AppError("invalid_input", { field: "teamId" });
    if (teamId && teamId !== session.teamId && !actor.teamIds.includes(teamId)) throw new AppError("invalid_input", { field: "teamId" });
    if (session.visibility === input.visibility && session.teamId === teamId) return;
    await tx.update(clinicalSessions).set({ visibility: input.visibility, teamId, updatedAt: new Date() }).where(eq(clinicalSessions.id, session.id));
    await recordStaffAudit(tx, actor, {
      action: "session.visibility_changed",
      target: { type: "clinical_session", id: session.id },
      clientId: session.clientId,
      metadata: { from: { visibility: session.visibility, teamId: session.teamId }, to: { visibility: input.visibility, teamId } },
    });
  });
}
