import "server-only";
import { and, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { ownNotifications } from "./notification-dto";

/** The bell's number: the actor's unread notifications (served by notifications_unread_idx). */
export async function countUnread(actor: StaffActor): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ unread: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(ownNotifications(actor), isNull(notifications.readAt)));
  return row?.unread ?? 0;
}
