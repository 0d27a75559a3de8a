import "server-only";
import { and, desc, isNull, sql } from "drizzle-orm";
import { getDb, selectRows } from "@/db/client";
import { notifications } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { notificationColumns, ownNotifications, toNotificationDto } from "./notification-dto";
import { BELL_LATEST_COUNT, BELL_UNREAD_CAP, type NotificationDto } from "./types";

/**
 * The header bell: the latest few notifications and the unread count, capped at BELL_UNREAD_CAP
 * (the bell shows "99+"), so a heavy recipient's bell never counts thousands of rows. Both read
 * an index in order and stop early (notifications_user_idx, notifications_unread_idx).
 */
export async function getBellSummary(actor: StaffActor): Promise<{ items: NotificationDto[]; unread: number }> {
  const db = await getDb();
  const mine = ownNotifications(actor);
  const [rows, [count]] = await Promise.all([
    db.select(notificationColumns).from(notifications).where(mine).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(BELL_LATEST_COUNT),
    selectRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from (select 1 from ${notifications} where ${and(mine, isNull(notifications.readAt))} limit ${BELL_UNREAD_CAP}) u`,
    ),
  ]);
  return { items: rows.map(toNotificationDto), unread: count?.n ?? 0 };
}
