import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { teams } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { findTeam, isUniqueViolation } from "./guard";

export async function renameTeam(actor: StaffActor, input: { teamId: string; name: string }): Promise<void> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      const team = await findTeam(tx, actor, input.teamId);
      await tx.update(teams).set({ name: input.name }).where(eq(teams.id, team.id));
      await recordStaffAudit(tx, actor, {
        action: "team.renamed",
        target: { type: "team", id: team.id },
        metadata: { from: team.name, to: input.name },
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("name_taken", { field: "name" });
    throw e;
  }
}
