import "server-only";
import { desc, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { notificationColumns, ownNotifications, toNotificationDto } from "./notification-dto";
import type { NotificationDto } from "./types";

export const MAX_NOTIFICATIONS_PAGE_SIZE = 100;

/**
 * One page of the actor's own notifications, newest first, with the totals for the pager and the
 * bell. Any signed-in staff member may read their own: the access rule is the query itself.
 */
export async function listNotifications(
  actor: StaffActor,
  input: { page: number; pageSize: number },
): Promise<{ items: NotificationDto[]; total: number; unread: number }> {
  const pageSize = Math.min(Math.max(1, Math.floor(input.pageSize) || 1), MAX_NOTIFICATIONS_PAGE_SIZE);
  const page = Math.max(1, Math.floor(input.page) || 1);
  const db = await getDb();
  const mine = ownNotifications(actor);
  // Walks notifications_user_idx (user_id, created_at desc); id breaks ties so pages never overlap.
  const rows = await db
    .select(notificationColumns)
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [counts] = await db
    .select({
      total: sql<number>`count(*)::int`,
      unread: sql<number>`(count(*) filter (where ${notifications.readAt} is null))::int`,
    })
    .from(notifications)
    .where(mine);
  return { items: rows.map(toNotificationDto), total: counts?.total ?? 0, unread: counts?.unread ?? 0 };
}
