import "server-only";
import { and, desc, eq, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { notificationColumns, toNotificationDto } from "./notification-dto";
import { BELL_LATEST_COUNT, BELL_UNREAD_CAP, type NotificationDto } from "./types";

/**
 * The header bell (every page and its poll): the latest few notifications and the unread count,
 * capped at BELL_UNREAD_CAP (the bell shows "99+"), so a heavy recipient's bell never counts
 * thousands of rows. Both read an index in order and stop early (notifications_user_idx,
 * notifications_unread_idx), in ONE prepared statement planned once per connection: the count
 * rides on each of the latest rows (no notifications at all means none unread either).
 * The rule is ownNotifications() (notification-dto.ts), written with placeholders.
 */
export async function getBellSummary(actor: StaffActor): Promise<{ items: NotificationDto[]; unread: number }> {
  const db = await getDb();
  const userId = sql.placeholder("userId");
  const mine = and(eq(notifications.userId, userId), or(eq(notifications.organisationId, sql.placeholder("organisationId")), isNull(notifications.organisationId)));
  const unread = db
    .select({ n: sql<number>`count(*)::int` })
    .from(db.select({ one: sql`1`.as("one") }).from(notifications).where(and(mine, isNull(notifications.readAt))).limit(BELL_UNREAD_CAP).as("u"));
  const rows = await db
    .select({ ...notificationColumns, unread: sql<number>`(${unread})` })
    .from(notifications)
    .where(mine)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(BELL_LATEST_COUNT)
    .prepare("bell_summary")
    .execute({ userId: actor.userId, organisationId: actor.organisationId });
  return { items: rows.map(toNotificationDto), unread: rows[0]?.unread ?? 0 };
}
