import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { notifications } from "@/db/schema";

/**
 * Marks read the unread notices of these people in the organisation that send them to `link` (or,
 * without a link, all of them), once it leads nowhere for them: their share removed, the session
 * deleted, or they left the organisation (invited back one day, they start with a clear bell).
 */
export async function markNoticesRead(exec: Executor, input: { organisationId: string; userIds: string[]; link?: string }): Promise<void> {
  if (input.userIds.length === 0) return;
  await exec
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(
      and(
        inArray(notifications.userId, input.userIds),
        eq(notifications.organisationId, input.organisationId),
        isNull(notifications.readAt),
        input.link === undefined ? undefined : eq(notifications.link, input.link),
      ),
    );
}
