import "server-only";
import { getDb } from "@/db/client";
import { teams } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { assertCan } from "@/lib/access/can";
import { recordStaffAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "./guard";
import { once } from "@/lib/idempotency/once";

export async function createTeam(actor: StaffActor, input: { name: string; idempotencyKey?: string }): Promise<{ teamId: string }> {
  await assertCan(actor, "settings:edit");
  const db = await getDb();
  try {
    return await db.transaction((tx) =>
      once(tx, { actor, key: input.idempotencyKey, action: "team.create" }, async () => {
        const [team] = await tx.insert(teams).values({ organisationId: actor.organisationId, name: input.name }).returning({ id: teams.id });
        await recordStaffAudit(tx, actor, {
          action: "team.created",
          target: { type: "team", id: team!.id },
          metadata: { name: input.name },
        });
        return { teamId: team!.id };
      }));
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("name_taken", { field: "name" });
    throw e;
  }
}
