import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notifications } from "@/db/schema";
import type { StaffActor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors";
import { notificationColumns, ownNotifications, toNotificationDto } from "./notification-dto";
import type { NotificationDto } from "./types";

/**
 * Marks one of the actor's own notifications read (idempotent: the first read time is kept) and
 * returns it, so the caller can follow its link. Someone else's id, or an unknown one, is
 * `not_found` and changes nothing: the recipient check is part of the UPDATE's WHERE.
 */
export async function markNotificationRead(actor: StaffActor, input: { notificationId: string }): Promise<NotificationDto> {
  const db = await getDb();
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, input.notificationId), ownNotifications(actor)))
    .returning(notificationColumns);
  if (!row) throw new AppError("not_found");
  return toNotificationDto(row);
}
