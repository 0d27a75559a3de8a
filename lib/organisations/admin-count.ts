import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { memberships, roles } from "@/db/schema";
import { AppError } from "@/lib/errors";

/**
 * Call after a change, inside its transaction: if the organisation is left without an active
 * member who may edit settings, the whole change rolls back. The row lock serialises concurrent changes.
 */
export async function assertOrganisationKeepsAnAdmin(exec: Executor, organisationId: string): Promise<void> {
  await exec.execute(sql`select id from organisations where id = ${organisationId} for update`);
  const [row] = await exec
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.status, "active"), eq(roles.settings, "edit")));
  if (!row || row.n < 1) throw new AppError("last_admin");
}
