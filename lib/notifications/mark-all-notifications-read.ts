import "server-only";
import { and, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { ownNotifications } from "./notification-dto";

/** Marks every unread notification of the actor read; returns how many changed. Touches no one else's rows. */
export async function markAllNotificationsRead(actor: StaffActor): Promise<{ marked: number }> {
  const db = await getDb();
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(ownNotifications(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}
