import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";

/**
 * Marks read the unread notices that send these people to `link`, once it leads nowhere for them
 * (their share removed, the session deleted): the bell stops calling them to a page they can't open.
 */
export async function markNoticesRead(exec: Executor, input: { organisationId: string; userIds: string[]; link: string }): Promise<void> {
  if (input.userIds.length === 0) return;
  await exec
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(inArray(notifications.userId, input.userIds), eq(notifications.organisationId, input.organisationId), isNull(notifications.readAt), eq(notifications.link, input.link)));
}

/**
 * Marks read every unread notice of a member leaving the organisation: invited back one day, they
 * start with a clear bell, not with calls to sessions and charts they may no longer open.
 */
export async function markMemberNoticesRead(exec: Executor, input: { organisationId: string; userId: string }): Promise<void> {
  await exec
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, input.userId), eq(notifications.organisationId, input.organisationId), isNull(notifications.readAt)));
}
